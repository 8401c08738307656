import Foundation
import Sharehouse
import SharehouseDB
import SharehouseTestSupport
import Testing

@Suite("Import: vintages, idempotence, receipts")
struct ImportVintageTests {
    let workspace: ImportWorkspace
    init() throws { workspace = try ImportWorkspace() }

    @Test func theSameContentAgainCreatesNothingWhateverTheFileLooksLike() throws {
        try workspace.write("first.csv", "entity,period,value\nCN,2025-07,17.1\nUS,2025-07,15.8\nCN,2025-08,17.10\n")
        let first = try workspace.importFile("first.csv")
        #expect(first.outcome == .imported)
        let before = try workspace.fingerprint()
        // Another name, other column and row order, CRLF, names instead of codes, a BOM.
        try workspace.write(
            "renamed.csv", "\u{FEFF}value,entity,period\r\n17.10,China,2025-08\r\n15.8,United States,2025-07\r\n17.1,CN,2025-07\r\n")
        let again = try workspace.importFile("renamed.csv")
        #expect(again.outcome == .unchanged)
        #expect(again.snapshotID == first.snapshotID)
        #expect(again.rowsStored == 0)
        // The same figures as NDJSON and in wide form are the same content too.
        try workspace.write(
            "same.ndjson",
            """
            {"entity": "US", "period": "2025-07", "value": 15.8}
            {"entity": "CN", "period": "2025-08", "value": "17.10"}
            {"entity": "CN", "period": "2025-07", "value": 17.1}
            """)
        #expect(try workspace.importFile("same.ndjson").outcome == .unchanged)
        try workspace.write("wide.csv", "entity,2025-08,2025-07\nUS,,15.8\nCN,17.10,17.1\n")
        #expect(try workspace.importFile("wide.csv").outcome == .unchanged)
        #expect(try workspace.fingerprint() == before)
        #expect(try workspace.snapshotCount() == 1)
    }

    @Test func swappingTwoFiguresIsAnotherContent() throws {
        try workspace.write("a.csv", "entity,period,value\nCN,2025-08,17.1\nUS,2025-08,15.8\n")
        _ = try workspace.importFile("a.csv")
        try workspace.write("b.csv", "entity,period,value\nCN,2025-08,15.8\nUS,2025-08,17.1\n")
        // Other figures for a stored publication: a correction, refused unless asked.
        #expect(throws: ImportError.self) { try workspace.importFile("b.csv") }
        var correcting = ImportOptions()
        correcting.acceptsCorrection = true
        #expect(try workspace.importFile("b.csv", options: correcting).outcome == .imported)
        try workspace.write("c.csv", "entity,period,value\nCN,2025-09,17.1\nUS,2025-08,15.8\n")
        #expect(
            try workspace.importFile("c.csv", options: correcting).outcome == .imported, "the same figures in another period differ")
    }

    @Test func aChangeOfPrecisionIsAnotherContent() throws {
        try workspace.write("a.csv", "entity,period,value\nCN,2025-08,17.1\n")
        _ = try workspace.importFile("a.csv")
        // The same publication date: only the precision differs, and that is other content.
        try workspace.write("b.csv", "entity,period,value\nCN,2025-08,17.10\n")
        #expect(throws: ImportError.self) { try workspace.importFile("b.csv") }
        var correcting = ImportOptions()
        correcting.acceptsCorrection = true
        let receipt = try workspace.importFile("b.csv", options: correcting)
        #expect(receipt.corrects.first?.firstDifferences.first?.after?.description == "17.10")
        #expect(receipt.outcome == .imported)
        #expect(receipt.differences.first?.changedCount == 1)
        #expect(receipt.differences.first?.changed.first?.difference == 0)
    }

    @Test func aRevisionIsASecondVintageAndBothStayReadable() throws {
        try workspace.write("v1.csv", "entity,period,value\nCN,2025-08,17.1\nUS,2025-08,15.8\nGB,2025-08,3.6\n")
        let v1 = try workspace.importFile("v1.csv")
        try workspace.write(
            "v2.csv", "entity,period,value\nCN,2025-08,17.1\nUS,2025-08,15.86\nIN,2025-08,3.4\n",
            sidecar: ImportWorkspace.metadataJSON.replacingOccurrences(of: "2026-01-15", with: "2026-04-21"))
        let v2 = try workspace.importFile("v2.csv")
        #expect(v2.snapshotID == v1.snapshotID + 1)
        let difference = try #require(v2.differences.first)
        #expect(difference.period.description == "2025-08")
        #expect(difference.previousSnapshot == v1.snapshotID)
        #expect(difference.becomesCurrent)
        #expect(difference.unchangedCount == 1)
        #expect(difference.changed.map(\.entity) == ["US"])
        #expect(difference.changed.first.map { abs($0.difference - 0.06) < 1e-9 } == true)
        #expect(difference.added.map(\.entity) == ["IN"])
        #expect(difference.dropped.map(\.entity) == ["GB"])
        #expect(try workspace.currentFigures() == ["CN 2025-08=17.1", "IN 2025-08=3.4", "US 2025-08=15.86"])
        let history = try workspace.warehouse.database.read { connection in
            try connection.fetchAll(
                """
                SELECT entity_code || '=' || value_text || ' ' || known_from || '..' || coalesce(known_to, '')
                FROM figure_history ORDER BY snapshot_id, entity_code
                """
            ) { try $0.get(0) as String }
        }
        #expect(
            history == [
                "CN=17.1 2026-01-15..2026-04-21", "GB=3.6 2026-01-15..2026-04-21", "US=15.8 2026-01-15..2026-04-21",
                "CN=17.1 2026-04-21..", "IN=3.4 2026-04-21..", "US=15.86 2026-04-21..",
            ])
    }

    @Test func differencesMergeCodesDroppedAndAddedAtEitherEnd() throws {
        try workspace.write("v1.csv", "entity,period,value\nAE,2025-08,1.0\nCN,2025-08,17.1\nDE,2025-08,3.2\nZA,2025-08,0.4\n")
        _ = try workspace.importFile("v1.csv")
        try workspace.write(
            "v2.csv", "entity,period,value\nAF,2025-08,0.1\nCN,2025-08,17.3\nDE,2025-08,3.2\nUS,2025-08,15.8\nZW,2025-08,0.2\n",
            sidecar: ImportWorkspace.metadataJSON.replacingOccurrences(of: "2026-01-15", with: "2026-04-21"))
        let difference = try #require(try workspace.importFile("v2.csv").differences.first)
        #expect(difference.added.map(\.entity) == ["AF", "US", "ZW"])
        #expect(difference.changed.map(\.entity) == ["CN"])
        #expect(difference.changed.first.map { abs($0.difference - 0.2) < 1e-9 } == true)
        #expect(difference.dropped.map(\.entity) == ["AE", "ZA"])
        #expect(difference.dropped.map(\.value.value) == [1.0, 0.4])
        #expect((difference.addedCount, difference.changedCount, difference.droppedCount, difference.unchangedCount) == (3, 1, 2, 1))
    }

    @Test func aFileThatMayRepeatIsHashedFirstAndWrittenOnlyWhenNew() throws {
        try workspace.write("v1.csv", "entity,period,value\nCN,2025-08,17.1\nUS,2025-08,15.8\n")
        let first = try workspace.importFile("v1.csv")
        // The same date again, with the same figures in another order: a repeat, found by
        // the first pass, which writes nothing (not even a period).
        try workspace.write("again.csv", "entity,period,value\nUS,2025-08,15.8\nCN,2025-08,17.1\n")
        let before = try workspace.fingerprint()
        let again = try workspace.importFile("again.csv")
        #expect(again.outcome == .unchanged)
        #expect(again.snapshotID == first.snapshotID)
        #expect(again.rowsRead == 2)
        #expect(try workspace.fingerprint() == before)
        // The same date with a new period: the first pass gives the new period a stand-in
        // id, the second writes it for real.
        try workspace.write("more.csv", "entity,period,value\nCN,2025-08,17.1\nUS,2025-08,15.8\nCN,2025-09,17.4\n")
        let more = try workspace.importFile("more.csv")
        #expect(more.outcome == .imported)
        #expect(more.snapshotID == first.snapshotID + 1)
        #expect(more.periods.map(\.description) == ["2025-08", "2025-09"])
        let stored = try workspace.warehouse.database.read { connection in
            try connection.fetchAll(
                """
                SELECT p.start_date, c.figures FROM snapshot_periods AS c JOIN periods AS p ON p.id = c.period_id
                WHERE c.snapshot_id = ? ORDER BY p.start_date
                """, more.snapshotID
            ) { "\(try $0.get(0) as String) \(try $0.get(1) as Int64)" }
        }
        #expect(stored == ["2025-08-01 2", "2025-09-01 1"])
        let standIns = try workspace.warehouse.database.read { connection in
            try connection.fetchOne("SELECT count(*) FROM periods WHERE id <= 0") { try $0.get(0) as Int64 }
        }
        #expect(standIns == 0)
    }

    @Test func anOlderVintageImportedLaterIsKeptAsHistory() throws {
        try workspace.write(
            "new.csv", "entity,period,value\nUS,2025-08,15.86\n",
            sidecar: ImportWorkspace.metadataJSON.replacingOccurrences(of: "2026-01-15", with: "2026-04-21"))
        _ = try workspace.importFile("new.csv")
        try workspace.write("old.csv", "entity,period,value\nUS,2025-08,15.8\n")
        let receipt = try workspace.importFile("old.csv")
        #expect(receipt.outcome == .imported)
        #expect(receipt.differences.first?.becomesCurrent == false)
        #expect(try workspace.currentFigures() == ["US 2025-08=15.86"])
    }

    @Test func aDryRunChecksAndReportsButWritesNothing() throws {
        try workspace.write("v1.csv", "entity,period,value\nCN,2025-08,17.1\n")
        _ = try workspace.importFile("v1.csv")
        let before = try workspace.fingerprint()
        try workspace.write(
            "v2.csv", "entity,period,value\nCN,2025-08,18.0\nUS,2025-08,15.8\n",
            sidecar: ImportWorkspace.metadataJSON.replacingOccurrences(of: "2026-01-15", with: "2026-02-15"))
        let receipt = try workspace.importFile("v2.csv", options: ImportOptions(dryRun: true))
        #expect(receipt.outcome == .dryRun)
        #expect(receipt.rowsRead == 2)
        #expect(receipt.rowsStored == 0)
        #expect(receipt.differences.first?.changedCount == 1)
        #expect(receipt.differences.first?.addedCount == 1)
        #expect(try workspace.fingerprint() == before)
        // A dry run of a bad file fails like the real import.
        try workspace.write("bad.csv", "entity,period,value\nCN,2025-08,170\n")
        #expect(throws: ImportError.self) { try workspace.importFile("bad.csv", options: ImportOptions(dryRun: true)) }
    }

    @Test func severalFilesAreAllOrNothing() throws {
        try workspace.write("good.csv", "entity,period,value\nCN,2025-08,17.1\n")
        try workspace.write("bad.csv", "entity,period,value\nCN,2025-09,17.1\nXX,2025-09,1\n")
        let before = try workspace.fingerprint()
        let error = try #require(throws: ImportError.self) {
            try workspace.warehouse.importSnapshots(from: [
                .file(workspace.directory.file("good.csv")),
                .file(workspace.directory.file("bad.csv")),
            ])
        }
        #expect(error.file.hasSuffix("bad.csv"))
        #expect(error.line == 3)
        #expect(try workspace.fingerprint() == before)
    }
}

@Suite("Import: the library API")
struct ImportLibraryTests {
    static let description = SnapshotDescription(
        measure: .definition(
            Measure(
                key: "api_share", name: "API share", unit: .percent, universe: "synthetic test data",
                attribution: "synthetic")),
        source: .definition(
            Source(
                key: "api-source", title: "Synthetic API source (not real data)",
                url: "https://example.invalid/api", kind: .dataset)),
        publishedOn: CalendarDate("2026-03-01"), coverage: .complete, period: Period("2025-08"))

    @Test func fromSwiftValues() throws {
        let workspace = try ImportWorkspace()
        let receipt = try workspace.warehouse.importSnapshot(
            [
                ObservationInput(entity: "الصين", value: "17.10"),
                ObservationInput(entity: "US", value: 15.86, decimals: 2),
                ObservationInput(entity: "GB", period: "2025-07", value: "3.6"),
            ], description: Self.description)
        #expect(receipt.outcome == .imported)
        #expect(try workspace.currentFigures(measure: "api_share") == ["CN 2025-08=17.10", "GB 2025-07=3.6", "US 2025-08=15.86"])
        // Errors are typed values with the same place and reason; the "line" is the position.
        let error = try #require(throws: ImportError.self) {
            try workspace.warehouse.importSnapshot(
                [
                    ObservationInput(entity: "CN", value: "1"),
                    ObservationInput(entity: "Atlantis", value: "2"),
                ],
                description: Self.description, name: "my values")
        }
        #expect(error.file == "my values")
        #expect(error.line == 2)
        #expect(error.reason.contains("unknown country or group \"Atlantis\""))
    }

    @Test func fromBytesAndFromAFileURL() throws {
        let workspace = try ImportWorkspace()
        let json = """
            {"measure": "api_share", "source": "api-source", "published_on": "2026-03-01", "period": "2025-08",
             "observations": [{"entity": "CN", "value": 17.1}]}
            """
        // The measure and source must exist first: define them with values.
        _ = try workspace.warehouse.importSnapshot([ObservationInput(entity: "US", value: "15.8")], description: Self.description)
        var correcting = ImportOptions()
        correcting.acceptsCorrection = true
        let fromBytes = try workspace.warehouse.importSnapshot(from: .bytes(Array(json.utf8), name: "memory.json"), options: correcting)
        #expect(fromBytes.outcome == .imported)
        #expect(fromBytes.file == "memory.json")
        let url = URL(fileURLWithPath: try workspace.directory.write("again.json", json))
        #expect(try workspace.warehouse.importSnapshot(from: url).outcome == .unchanged)
    }

    @Test func concurrentImportsFromManyTasksAllLand() async throws {
        let workspace = try ImportWorkspace()
        _ = try workspace.warehouse.importSnapshot([ObservationInput(entity: "US", value: "1")], description: Self.description)
        let warehouse = workspace.warehouse
        let months = (1...12).map { String(format: "2024-%02d", $0) }
        try await withThrowingTaskGroup(of: ImportReceipt.self) { group in
            for month in months {
                group.addTask {
                    var description = Self.description
                    description.period = Period(month)
                    return try warehouse.importSnapshot([ObservationInput(entity: "CN", value: "10.0")], description: description)
                }
            }
            var ids = Set<Int64>()
            for try await receipt in group { ids.insert(receipt.snapshotID) }
            #expect(ids.count == 12)
        }
        #expect(try workspace.snapshotCount() == 13)
    }
}
