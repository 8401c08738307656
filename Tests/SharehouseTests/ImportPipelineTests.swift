import Foundation
import SharehouseDB
import SharehouseTestSupport
import Testing

@testable import Sharehouse

@Suite("Import: pipeline, line ends, delimiters")
struct ImportPipelineTests {
    let workspace: ImportWorkspace
    init() throws { workspace = try ImportWorkspace() }

    private func contentHash(of snapshot: Int64, in workspace: ImportWorkspace) throws -> String? {
        try workspace.warehouse.database.read {
            try $0.fetchOne("SELECT content_sha256 FROM snapshots WHERE id = ?", snapshot) { try $0.get(0) as String }
        }
    }

    /// A file that may repeat a stored snapshot is hashed first and written sealed; the
    /// seal is the hash that one pass over the same file gives in a warehouse of its own.
    @Test func aFileHashedFirstIsSealedWithTheHashOfOnePass() throws {
        let contents = "entity,period,value\nCN,2025-07,17.2\nUS,2025-08,15.8\n"
        let alone = try ImportWorkspace()
        for (workspace, file, text) in [
            (workspace, "a.csv", "entity,period,value\nCN,2025-07,17.1\n"),
            (workspace, "b.csv", contents), (alone, "b.csv", contents),
        ] {
            try workspace.write(file, text)
        }
        // The same measure, source and date as a.csv: b.csv may repeat it, and is hashed first.
        var correcting = ImportOptions()
        correcting.acceptsCorrection = true
        let (a, b) = (try workspace.importFile("a.csv"), try workspace.importFile("b.csv", options: correcting))
        #expect([a.outcome, b.outcome] == [.imported, .imported])
        #expect(b.rowsStored == 2)
        let sealed = try #require(try contentHash(of: b.snapshotID, in: workspace))
        #expect(sealed != SnapshotImporter.unsealed)
        let onePass = try alone.importFile("b.csv")
        #expect(try contentHash(of: onePass.snapshotID, in: alone) == sealed)

        let again = try workspace.importFile("b.csv")
        #expect(again.outcome == .unchanged)
        #expect(again.snapshotID == b.snapshotID)
        #expect(again.rowsRead == 2)
        #expect(again.periods.count == 2)
    }

    /// A dry run of several files reports each as the run would, and keeps nothing.
    @Test func aDryRunOfARepeatKeepsNothingAndSaysUnchanged() throws {
        try workspace.write("a.csv", "entity,period,value\nCN,2025-07,17.1\n")
        try workspace.write("b.csv", "entity,period,value\nCN,2025-07,17.1\n")
        let before = try workspace.fingerprint()
        let receipts = try workspace.warehouse.importSnapshots(
            from: [.file(workspace.directory.file("a.csv")), .file(workspace.directory.file("b.csv"))],
            options: ImportOptions(dryRun: true))
        #expect(receipts.map(\.outcome) == [.dryRun, .unchanged])
        #expect(receipts[1].sameAsFileInThisRun == workspace.directory.file("a.csv"))
        #expect(try workspace.fingerprint() == before)
    }

    /// JSON counts line ends as CSV does: a lone CR ends a line too.
    @Test(arguments: ["\n", "\r\n", "\r"])
    func jsonAndCSVPlaceAnErrorOnTheSameLine(_ lineEnd: String) throws {
        let json = Array(["{", "\"a\": 1,", "\"b\": tru", "}"].joined(separator: lineEnd).utf8)
        let error = try #require(throws: ImportError.self) { try JSONParser.parse(json, fileName: "x.json") }
        #expect(error.line == 3, "\(error)")
        #expect(error.column == 9, "after \"tru\": \(error)")
    }

    @Test func delimitersAreNamedOnceAndReadFromAnArgument() {
        #expect(Delimiter.allCases.map(\.name) == ["comma", "semicolon", "tab", "vertical bar"])
        #expect([",", ";", "\t", "\\t", "|"].map { Delimiter(argument: $0) } == [.comma, .semicolon, .tab, .tab, .pipe])
        #expect(Delimiter(argument: ":") == nil)
    }
}
