import Foundation
import Sharehouse
import SharehouseDB
import SharehouseTestSupport
import Testing

/// A source that publishes one date twice with other figures has corrected itself: never
/// taken silently, stored explicitly as a correction, and visible wherever the figures are.
@Suite("Import: corrections")
struct CorrectionTests {
    static let header = "entity,period,value\n"
    static let original = header + "CN,2025-08,17.1\nUS,2025-08,15.8\nGB,2025-08,3.6\n"
    static let corrected = header + "CN,2025-08,17.3\nUS,2025-08,15.8\nDE,2025-08,2.0\n"

    var correcting: ImportOptions {
        var options = ImportOptions()
        options.acceptsCorrection = true
        return options
    }

    @Test func aFileWithOtherFiguresForAStoredPublicationIsRefusedAndWritesNothing() throws {
        let workspace = try ImportWorkspace()
        try workspace.write("original.csv", Self.original)
        #expect(try workspace.importFile("original.csv").snapshotID == 1)
        let before = try workspace.fingerprint()
        try workspace.write("corrected.csv", Self.corrected)
        let error = try #require(throws: ImportError.self) { try workspace.importFile("corrected.csv") }
        #expect(error.category == .refused)
        #expect(error.reason.hasPrefix("snapshot 1 (imported from original.csv) has the same measure (test_share)"), "\(error)")
        // The differing figures by period and entity: changed, added, dropped.
        #expect(error.reason.contains("CN 2025-08 17.1 → 17.3, DE 2025-08 none → 2.0, GB 2025-08 3.6 → none"), "\(error)")
        #expect(error.expected?.hasPrefix("--correction") == true)
        #expect(try workspace.fingerprint() == before)
    }

    @Test func aCorrectionIsStoredAfterTheOneItCorrectsAndIsInForce() throws {
        let workspace = try ImportWorkspace()
        try workspace.write("original.csv", Self.original)
        _ = try workspace.importFile("original.csv")
        try workspace.write("corrected.csv", Self.corrected)
        let receipt = try workspace.importFile("corrected.csv", options: correcting)
        #expect(receipt.outcome == .imported && receipt.snapshotID == 2)
        #expect(receipt.corrects.map(\.snapshotID) == [1])
        #expect(receipt.corrects.first?.differingFigures == 3)
        #expect(try workspace.currentFigures() == ["CN 2025-08=17.3", "DE 2025-08=2.0", "US 2025-08=15.8"])
        // The schema records it, and the history shows both sides of it.
        let history = try workspace.warehouse.database.read { connection in
            try connection.fetchAll(
                """
                SELECT entity_code || ' ' || snapshot_id || ' ' || coalesce(corrects_snapshot_id, '-') || ' '
                       || coalesce(corrected_by_snapshot_id, '-') || ' ' || is_current
                FROM figure_history WHERE entity_code = 'CN' ORDER BY snapshot_id
                """
            ) { try $0.get(0) as String }
        }
        #expect(history == ["CN 1 - 2 0", "CN 2 1 - 1"])
        let citations = try workspace.warehouse.database.read { connection in
            try connection.fetchAll("SELECT snapshot_id || ' ' || coalesce(corrects_snapshot_id, '-') FROM citations ORDER BY 1") {
                try $0.get(0) as String
            }
        }
        #expect(citations == ["1 -", "2 1"])
        // Like every other row, a correction is never changed or deleted.
        let connection = try Connection(path: workspace.path)
        #expect(throws: SQLiteError.self) { try connection.execute("DELETE FROM snapshot_corrections") }
        #expect(throws: SQLiteError.self) { try connection.execute("UPDATE snapshot_corrections SET corrects_id = 2") }
    }

    @Test func revisionsAndCitationsSayCorrected() throws {
        let workspace = try ImportWorkspace()
        try workspace.write("original.csv", Self.original)
        _ = try workspace.importFile("original.csv")
        try workspace.write("corrected.csv", Self.corrected)
        _ = try workspace.importFile("corrected.csv", options: correcting)
        let revisions = try workspace.warehouse.revisions(entities: ["CN"])
        #expect(revisions.rows.map(\.value.description) == ["17.1", "17.3"])
        #expect(revisions.rows.map(\.correctedBy) == [2, nil])
        #expect(revisions.rows.map(\.corrects) == [nil, 1])
        let citations = revisions.context.citations
        #expect(citations.map(\.corrects) == [nil, 1])
        #expect(!citations[0].summary.contains("corrected"))
        #expect(citations[1].summary.contains("published 2026-01-15, corrected"), "\(citations[1].summary)")
        // A report of the current figures cites the correction.
        let leaders = try workspace.warehouse.leaders(period: Period("2025-08")!)
        #expect(leaders.context.citations.map(\.snapshotID) == [2])
        #expect(leaders.context.citations.first?.corrects == 1)
    }

    @Test func theCorrectedFileImportedAgainSaysItWasCorrected() throws {
        let workspace = try ImportWorkspace()
        try workspace.write("original.csv", Self.original)
        _ = try workspace.importFile("original.csv")
        try workspace.write("corrected.csv", Self.corrected)
        _ = try workspace.importFile("corrected.csv", options: correcting)
        let before = try workspace.fingerprint()
        let again = try workspace.importFile("original.csv")
        #expect(again.outcome == .unchanged && again.snapshotID == 1 && again.correctedBy == 2)
        // With --correction too: it holds no new content, so nothing changes.
        #expect(try workspace.importFile("original.csv", options: correcting).outcome == .unchanged)
        let correction = try workspace.importFile("corrected.csv")
        #expect(correction.outcome == .unchanged && correction.snapshotID == 2 && correction.correctedBy == nil)
        #expect(try workspace.fingerprint() == before)
    }

    @Test func aCorrectionOfACorrectionCorrectsTheOneInForce() throws {
        let workspace = try ImportWorkspace()
        try workspace.write("original.csv", Self.original)
        _ = try workspace.importFile("original.csv")
        try workspace.write("corrected.csv", Self.corrected)
        _ = try workspace.importFile("corrected.csv", options: correcting)
        try workspace.write("again.csv", Self.header + "CN,2025-08,17.4\nUS,2025-08,15.8\nDE,2025-08,2.0\n")
        let error = try #require(throws: ImportError.self) { try workspace.importFile("again.csv") }
        #expect(error.reason.hasPrefix("snapshot 2 (imported from corrected.csv)"), "\(error)")
        #expect(error.reason.contains("CN 2025-08 17.3 → 17.4") && !error.reason.contains(", and"), "\(error)")
        let receipt = try workspace.importFile("again.csv", options: correcting)
        #expect(receipt.corrects.map(\.snapshotID) == [2])
        #expect(try workspace.currentFigures() == ["CN 2025-08=17.4", "DE 2025-08=2.0", "US 2025-08=15.8"])
        #expect(try workspace.importFile("original.csv").correctedBy == 2)
        #expect(try workspace.importFile("corrected.csv").correctedBy == 3)
    }

    @Test func aCorrectionOfAnEarlierPublicationLeavesTheLaterInForce() throws {
        let workspace = try ImportWorkspace()
        try workspace.write("original.csv", Self.original)
        _ = try workspace.importFile("original.csv")
        let later = ImportWorkspace.metadataJSON.replacingOccurrences(of: "2026-01-15", with: "2026-02-15")
        try workspace.write("later.csv", Self.header + "CN,2025-08,18.0\nUS,2025-08,15.0\n", sidecar: later)
        _ = try workspace.importFile("later.csv")
        try workspace.write("corrected.csv", Self.corrected)
        let receipt = try workspace.importFile("corrected.csv", options: correcting)
        #expect(receipt.corrects.map(\.snapshotID) == [1])
        // The vintage rule orders it after the one it corrects and before the later one.
        #expect(try workspace.currentFigures() == ["CN 2025-08=18.0", "US 2025-08=15.0"])
        let asOf = try workspace.warehouse.leaders(period: Period("2025-08")!, scope: QueryScope(asOf: CalendarDate("2026-01-31")))
        #expect(asOf.rows.first?.value.description == "17.3")
    }

    @Test func anotherPeriodOfTheSamePublicationIsNoCorrection() throws {
        let workspace = try ImportWorkspace()
        try workspace.write("august.csv", Self.original)
        _ = try workspace.importFile("august.csv")
        try workspace.write("july.csv", Self.header + "CN,2025-07,16.9\nUS,2025-07,16.0\n")
        let receipt = try workspace.importFile("july.csv")
        #expect(receipt.outcome == .imported && receipt.corrects.isEmpty)
    }

    @Test func theSchemaRefusesACorrectionAcrossPublications() throws {
        let workspace = try ImportWorkspace()
        try workspace.write("original.csv", Self.original)
        _ = try workspace.importFile("original.csv")
        let later = ImportWorkspace.metadataJSON.replacingOccurrences(of: "2026-01-15", with: "2026-02-15")
        try workspace.write("later.csv", Self.corrected, sidecar: later)
        _ = try workspace.importFile("later.csv")
        let connection = try Connection(path: workspace.path)
        #expect(throws: SQLiteError.self) {
            try connection.execute("INSERT INTO snapshot_corrections (snapshot_id, corrects_id) VALUES (2, 1)")
        }
    }

    /// In a folder run the file says it is a correction (its sidecar), not the run: a stale
    /// original beside its corrected file is refused instead of being taken for the fix.
    @Test func aSidecarMarksItsFileAsACorrection() throws {
        let workspace = try ImportWorkspace()
        try workspace.write("original.csv", Self.original)
        _ = try workspace.importFile("original.csv")
        let marked = ImportWorkspace.metadataJSON.replacingOccurrences(
            of: "\"coverage\": \"complete\"}", with: "\"coverage\": \"complete\", \"correction\": true}")
        #expect(marked != ImportWorkspace.metadataJSON)
        try workspace.write("corrected.csv", Self.corrected, sidecar: marked)
        #expect(try workspace.importFile("corrected.csv").corrects.map(\.snapshotID) == [1])

        // A new warehouse, both files in one run, the corrected one first by name.
        let fresh = try ImportWorkspace()
        try fresh.write("2026-03-corrected.csv", Self.corrected, sidecar: marked)
        try fresh.write("2026-03.csv", Self.original)
        let before = try fresh.fingerprint()
        let error = try #require(throws: ImportError.self) {
            try fresh.warehouse.importSnapshots(
                from: [.file(fresh.directory.file("2026-03-corrected.csv")), .file(fresh.directory.file("2026-03.csv"))])
        }
        #expect(error.category == .refused && error.file.hasSuffix("2026-03.csv"), "\(error)")
        #expect(try fresh.fingerprint() == before)
    }
}
