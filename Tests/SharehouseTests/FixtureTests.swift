import Foundation
import Sharehouse
import SharehouseDB
import SharehouseTestSupport
import Testing

@Suite("Bundled fixtures")
struct FixtureTests {
    static var fixtureFiles: [String] {
        let folder = Repository.path("Fixtures")
        let top = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let synthetic = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/synthetic")) ?? []
        return top.filter { $0.hasSuffix(".json") }.sorted().map { folder + "/" + $0 }
            + synthetic.filter { $0.hasSuffix(".csv") }.sorted().map { folder + "/synthetic/" + $0 }
    }

    @Test func everyFixtureImportsAndReimportsCleanly() throws {
        let workspace = try ImportWorkspace()
        let files = Self.fixtureFiles
        #expect(files.count == 9)
        let receipts = try workspace.warehouse.importSnapshots(from: files.map { .file($0) })
        #expect(receipts.allSatisfy { $0.outcome == .imported })
        let before = try workspace.fingerprint()
        let again = try workspace.warehouse.importSnapshots(from: files.map { .file($0) })
        #expect(again.allSatisfy { $0.outcome == .unchanged })
        #expect(again.map(\.snapshotID) == receipts.map(\.snapshotID))
        #expect(try workspace.fingerprint() == before)
    }

    @Test func theArticlesTableGivesChina17Point1AndTheUS15Point8() throws {
        let workspace = try ImportWorkspace()
        let receipt = try workspace.warehouse.importSnapshot(from: .file(Repository.path("Fixtures/eoi-12m-argaam-2025-11.json")))
        #expect(receipt.rowsStored == 8)
        #expect(receipt.verification == .unverified)
        let figures = try workspace.warehouse.database.read { connection in
            try connection.fetchAll(
                """
                SELECT entity_code, value, value_text FROM current_figures
                WHERE measure = 'eoi_download_share_12m' AND period = '2024-09/2025-08' ORDER BY value DESC, entity_code
                """
            ) { row in "\(try row.get(0) as String) \(try row.get(1) as Double) \(try row.get(2) as String)" }
        }
        #expect(
            figures == [
                "CN 17.1 17.1", "US 15.8 15.8", "GB 3.6 3.6", "IN 3.4 3.4", "FR 1.0 1.0", "DE 0.4 0.4",
                "CH 0.2 0.2", "SG 0.2 0.2",
            ])
        // The citation chain: Argaam relays the FT, which reports the study.
        #expect(
            try workspace.warehouse.sourceChain(key: "argaam-1862466").map(\.key)
                == ["argaam-1862466", "ft-2025-11-26", "eoi-2025"])
    }

    @Test func everyFixtureSnapshotIsCitedWithATitleAndAnAddress() throws {
        let workspace = try ImportWorkspace()
        _ = try workspace.warehouse.importSnapshots(from: Self.fixtureFiles.map { .file($0) })
        for source in try workspace.warehouse.sources() {
            #expect(!source.title.isEmpty)
            #expect(source.url?.hasPrefix("https://") == true, "\(source.key)")
        }
        let synthetic = try #require(try workspace.warehouse.source(key: "synthetic-sharehouse"))
        #expect(synthetic.accessNote?.contains("SYNTHETIC") == true)
        #expect(try workspace.warehouse.measure(key: "synthetic_monthly_share")?.name.contains("not real data") == true)
    }

    @Test func theSyntheticRevisionIsASecondVintage() throws {
        let workspace = try ImportWorkspace()
        let receipts = try workspace.warehouse.importSnapshots(
            from: Self.fixtureFiles.filter { $0.contains("synthetic") }.map { .file($0) })
        let revision = try #require(receipts.last)
        #expect(revision.differences.map(\.changedCount) == [1, 1, 1, 0])
        #expect(revision.differences.last?.addedCount == 6)
        #expect(revision.differences.flatMap(\.changed).allSatisfy { $0.entity == "US" && abs($0.difference + 0.4) < 1e-9 })
    }
}
