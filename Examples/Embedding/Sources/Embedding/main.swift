import Sharehouse
import SharehouseDB

// The snapshot file to import (Sharehouse bundles this one), and the warehouse file.
let arguments = CommandLine.arguments
let snapshotFile = arguments.count > 1 ? arguments[1] : "Fixtures/eoi-12m-ft-2025-11-26.json"
let warehouseFile = arguments.count > 2 ? arguments[2] : "shares.sqlite"

let warehouse = try Warehouse(path: warehouseFile)  // creates and migrates when needed
let china = try warehouse.resolveEntity("الصّين").entity  // CN, whatever the spelling
print(china.code, china.nameEnglish, china.nameArabic ?? "")

// Import a snapshot file: its figures, with the measure and the citation it defines.
let imported = try warehouse.importSnapshot(from: .file(snapshotFile))
print(imported.outcome, "snapshot", imported.snapshotID)

// Import a snapshot from Swift values: a later publication of the same source.
let receipt = try warehouse.importSnapshot(
    [ObservationInput(entity: "China", value: "17.1"), ObservationInput(entity: "USA", value: "15.8")],
    description: SnapshotDescription(
        measure: .key("eoi_download_share_12m"), source: .key("ft-2025-11-26"),
        publishedOn: CalendarDate("2025-12-01"), period: Period("2024-09/2025-08")))
print(receipt.outcome, "snapshot", receipt.snapshotID)

// Ask a comparison, and print it with its citations.
let period = Period("2024-09/2025-08")!
let comparison = try warehouse.compare(
    from: period, to: period, entities: ["CN", "US"], scope: QueryScope(sources: .only("ft-2025-11-26")))
for row in comparison.rows {
    print(row.entity, row.to?.description ?? "-", "rank", row.toRank ?? 0, "[\(comparison.toCitation)]")
}
for citation in comparison.context.citations { print("[\(citation.number)]", citation.summary) }

// Read-only SQL of your own over the documented views.
let output = try warehouse.query(
    "SELECT entity_code, value_text, known_from FROM current_figures WHERE period = :p ORDER BY value DESC",
    parameters: ["p": "2024-09/2025-08"])
print(output.columns.joined(separator: " "))
for row in output.rows {
    print(row.map { value in if case .text(let text) = value { text } else { "\(value)" } }.joined(separator: " "))
}
