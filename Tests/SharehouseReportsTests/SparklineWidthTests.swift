import Sharehouse
import SharehouseReports
import Testing

/// A sparkline row is for a person at an 80-column terminal: it never widens the table
/// past 80 columns; it shows fewer periods, or none.
@Suite("Sparklines in text tables")
struct SparklineWidthTests {
    /// A warehouse with `entities` countries over 24 months.
    static func series(of entities: [String]) throws -> SeriesResult {
        let warehouse = try Warehouse.inMemory()
        try warehouse.addMeasure(
            Measure(key: "m", name: "Monthly shares", unit: .percent, universe: "a test", attribution: "a test"))
        try warehouse.addSource(Source(key: "s", title: "A test source", url: "https://example.invalid/s", kind: .dataset))
        var rows: [ObservationInput] = []
        for month in 1...24 {
            let period = "\(2024 + (month - 1) / 12)-" + (((month - 1) % 12 + 1) < 10 ? "0" : "") + "\(((month - 1) % 12) + 1)"
            for (index, code) in entities.enumerated() {
                rows.append(ObservationInput(entity: code, period: period, value: Double(index + 1) + Double(month) / 10, decimals: 1))
            }
        }
        try warehouse.importSnapshot(
            rows,
            description: SnapshotDescription(
                measure: .key("m"), source: .key("s"), publishedOn: CalendarDate("2026-01-15"), coverage: .topN))
        return try warehouse.series(entities: entities)
    }

    static func width(_ text: String) -> Int {
        text.split(separator: "\n" as Character).map(\.count).max() ?? 0
    }

    @Test func twoEntitiesGetTwentyFourPeriods() throws {
        let document = ReportDocument.series(try Self.series(of: ["CN", "US"]), style: .init(sparklines: true), names: [:])
        let text = ReportRenderer.render(document, as: .table)
        let trend = try #require(text.split(separator: "\n").first { $0.hasPrefix("TREND") })
        #expect(trend.filter { "▁▂▃▄▅▆▇█".contains($0) }.count == 48)
    }

    @Test func manyEntitiesGetFewerPeriodsOrNone() throws {
        for entities in [["CN", "US", "GB"], ["CN", "US", "GB", "FR", "DE", "IN", "JP", "KR"]] {
            let result = try Self.series(of: entities)
            let plain = ReportRenderer.render(ReportDocument.series(result, style: .init(), names: [:]), as: .table)
            let document = ReportDocument.series(result, style: .init(sparklines: true), names: [:])
            let table = ReportRenderer.render(document, as: .table).split(separator: "\n").filter {
                $0.hasPrefix("PERIOD") || $0.hasPrefix("20") || $0.hasPrefix("TREND")
            }
            #expect(table.allSatisfy { $0.count <= max(80, Self.width(plain)) }, "\(entities.count) entities")
            if entities.count == 3 {
                let trend = try #require(table.first { $0.hasPrefix("TREND") }, "three entities still get a trend")
                #expect(trend.count <= 80 && trend.filter { "▁▂▃▄▅▆▇█".contains($0) }.count < 72, "fewer than 24 periods each")
            }
        }
    }
}
