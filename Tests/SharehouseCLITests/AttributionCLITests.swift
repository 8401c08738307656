import Foundation
import SharehouseDB
import SharehouseTestSupport
import Testing

/// `sharehouse attribution import|list|show|diff`, through the real binary.
@Suite("sharehouse attribution")
struct AttributionCLITests {
    let directory: TemporaryDirectory
    var database: String { directory.file("w.sqlite") }
    static let starter = Repository.path("Fixtures/attribution/starter-attribution.csv")
    static let source = "sharehouse-starter-attribution"

    init() throws {
        directory = try TemporaryDirectory("cli-attribution")
    }

    func run(_ arguments: [String], input: String? = nil) throws -> ProcessResult {
        try SharehouseBinary.run(arguments + ["--db", database], in: directory.path, input: input)
    }

    func importStarter() throws {
        let result = try run(["attribution", "import", Self.starter, "--source", Self.source])
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// The starter table with stabilityai and jinaai moved to the US and upstage added.
    func writeSecondVersion() throws -> String {
        let text = try String(contentsOfFile: Self.starter, encoding: .utf8)
            .replacingOccurrences(of: "\nstabilityai,GB,", with: "\nstabilityai,US,")
            .replacingOccurrences(of: "\njinaai,DE,", with: "\njinaai,US,")
        return try directory.write("corrected.csv", text + "upstage,KR,company,https://www.upstage.ai/,\"Upstage, Seoul.\"\n")
    }

    @Test func theStarterTableImportsWithItsSidecarsSourceAndAgainIsUnchanged() throws {
        let first = try run(["attribution", "import", Self.starter, "--source", Self.source])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("imported"))
        #expect(first.stdout.contains("by country: US 25, CN 18"))
        #expect(first.stdout.contains("added: source \(Self.source)"))
        let before = try databaseFingerprint(database)
        let second = try run(["attribution", "import", Self.starter, "--source", Self.source, "--format", "json"])
        #expect(second.status == 0)
        let receipt = try #require(try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any])
        #expect(receipt["outcome"] as? String == "unchanged")
        #expect(receipt["version"] as? Int == 1)
        #expect((receipt["by_code"] as? [[String: Any]])?.first?["code"] as? String == "US")
        #expect(try databaseFingerprint(database) == before)
        let sources = try run(["sources", "show", Self.source])
        #expect(sources.stdout.contains("publisher: Sharehouse maintainers"))
        #expect(sources.stdout.contains("access: unverified"))
    }

    @Test func showAsCSVImportsAgainAsTheSameVersion() throws {
        try importStarter()
        let csv = try run(["attribution", "show", "latest", "--format", "csv"])
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("author,country,kind,url,note\r\n"))
        #expect(csv.stdout.contains("\r\nQwen,CN,company,https://www.alibabacloud.com/about,"))
        let before = try databaseFingerprint(database)
        let again = try run(["attribution", "import", "-", "--source", Self.source], input: csv.stdout)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("the same table is already version 1; nothing was written"))
        #expect(try databaseFingerprint(database) == before)

        let table = try run(["attribution", "show", "1"])
        #expect(table.stdout.hasPrefix("attribution version 1: 71 authors"))
        #expect(table.stdout.contains("source: \(Self.source): Starter attribution"))
        let json = try run(["attribution", "show", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        #expect((object["rows"] as? [Any])?.count == 71)
        #expect((object["citation"] as? [String: Any])?["publisher"] as? String == "Sharehouse maintainers")
    }

    @Test func aSecondVersionsDiffShowsExactlyWhatMoved() throws {
        try importStarter()
        let corrected = try writeSecondVersion()
        let imported = try run(["attribution", "import", corrected, "--source", Self.source])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("from version 1: 1 added, 0 removed, 2 moved to another country, 0 otherwise changed"))

        let diff = try run(["attribution", "diff", "1", "2"])
        #expect(diff.status == 0, "\(diff.stderr)")
        let lines = diff.stdout.split(separator: "\n").map {
            $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        }
        #expect(
            lines == [
                "attribution version 1 → 2: 1 added, 0 removed, 2 moved to another country, 0 otherwise changed, 69 unchanged",
                "CHANGE AUTHOR FIELD BEFORE AFTER",
                "moved jinaai country DE US",
                "moved stabilityai country GB US",
                "added upstage row KR, company, https://www.upstage.ai/, Upstage, Seoul.",
            ], "\(diff.stdout)")

        let csv = try run(["attribution", "diff", "1", "latest", "--format", "csv"])
        #expect(
            csv.stdout
                == "change,author,field,before,after\r\nmoved,jinaai,country,DE,US\r\nmoved,stabilityai,country,GB,US\r\n"
                + "added,upstage,row,,\"KR, company, https://www.upstage.ai/, Upstage, Seoul.\"\r\n")
        let json = try run(["attribution", "diff", "1", "2", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["country_changed"] as? [Any])?.count == 2)
        #expect((object["added"] as? [[String: Any]])?.first?["author"] as? String == "upstage")
        #expect((object["removed"] as? [Any])?.isEmpty == true)

        let list = try run(["attribution", "list"])
        let rows = list.stdout.split(separator: "\n")
        #expect(rows.count == 3)
        #expect(rows[1].contains("starter-attribution.csv") && rows[2].contains("corrected.csv"))
        #expect(rows[2].contains(" 72 "))
    }

    @Test func aBadFileExits65WithEveryPlaceAndWritesNothing() throws {
        try importStarter()
        let before = try databaseFingerprint(database)
        try directory.write(
            "bad.csv",
            "author,country,kind,url,note\nQwen,Chinaa,company,,\na-lab,Korea,company,,\nb-lab,US,lab,,\nqwen,CN,company,,\n")
        let result = try run(["attribution", "import", "bad.csv", "--source", Self.source])
        #expect(result.status == 65)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(result.stderr)")
        #expect(lines[0] == "sharehouse: error: bad.csv:2:6: unknown country or group \"Chinaa\"; did you mean China (CN)?")
        #expect(lines[1].hasPrefix("bad.csv:3:7: ") && lines[1].contains("South Korea (KR)") && lines[1].contains("North Korea (KP)"))
        #expect(lines[2].hasPrefix("bad.csv:4:10: \"lab\" is not a kind of account"))
        #expect(lines[3].hasPrefix("bad.csv:5:1: \"qwen\" is the same Hub account as \"Qwen\", already on line 2"))
        #expect(try databaseFingerprint(database) == before)
    }

    @Test func unknownVersionsAndAnEmptyWarehouseAreSaid() throws {
        let none = try run(["attribution", "show"])
        #expect(none.status == 66, "\(none.stderr)")
        try importStarter()
        let missing = try run(["attribution", "show", "4"])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("no attribution version 4: there is only version 1"))
        let bad = try run(["attribution", "diff", "1", "two"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("expected a version number (1, 2, ...) or latest"))
        let noSource = try run(["attribution", "import", Self.starter, "--source", "another-key"])
        #expect(noSource.status == 65)
        #expect(noSource.stderr.contains("the sidecar gives the source \(Self.source), and the import was asked for another-key"))
    }
}
