import Foundation
import Sharehouse
import SharehouseTestSupport
import Testing

/// A bad attribution file is refused whole, every problem at its place (up to 20), and
/// the warehouse is left exactly as it was.
@Suite("Attribution tables: bad files")
struct AttributionBadInputTests {
    static let header = "author,country,kind,url,note\n"

    /// A warehouse with the starter table, and its fingerprint.
    let workspace: ImportWorkspace
    let before: String

    init() throws {
        workspace = try ImportWorkspace()
        try workspace.warehouse.importAttribution(from: .file(AttributionTests.starter), source: AttributionTests.starterSource)
        before = try workspace.fingerprint()
    }

    /// The problems of importing `text` as `bad.csv`, after checking nothing was written.
    func problems(_ text: String) throws -> [ImportError] {
        let path = try workspace.directory.write("bad.csv", text)
        let error = try #require(throws: ImportError.self) {
            try workspace.warehouse.importAttribution(from: .file(path), source: AttributionTests.starterSource)
        }
        #expect(try workspace.fingerprint() == before)
        #expect(error.file == path)
        return [error] + error.otherProblems
    }

    @Test func anUnknownCountryIsPlacedWithSuggestions() throws {
        let found = try problems(Self.header + "Qwen,CN,company,,\nnew-lab,Chinaa,company,,\n")
        #expect(found.map(\.place).map { $0.hasSuffix("bad.csv:3:9") } == [true])
        #expect(found[0].reason == "unknown country or group \"Chinaa\"; did you mean China (CN)?")
    }

    @Test func anAmbiguousNameIsRefusedWithBothCandidates() throws {
        let found = try problems(Self.header + "a-lab,Korea,company,,\n")
        #expect(found.count == 1 && found[0].line == 2 && found[0].column == 7)
        #expect(found[0].reason.contains("South Korea (KR)") && found[0].reason.contains("North Korea (KP)"), "\(found[0])")
    }

    @Test func anUnknownKindIsPlaced() throws {
        let found = try problems(Self.header + "a-lab,US,lab,,\n")
        #expect(found.count == 1 && found[0].line == 2 && found[0].column == 10)
        #expect(found[0].reason == "\"lab\" is not a kind of account")
        #expect(found[0].expected == "one of company, university, nonprofit, government, community, individual")
    }

    @Test func theSameAuthorInAnotherCaseNamesBothLines() throws {
        let found = try problems(Self.header + "Qwen,CN,company,,\nmeta-llama,US,company,,\nqwen,CN,company,,\n")
        #expect(found.count == 1 && found[0].line == 4 && found[0].column == 1)
        #expect(found[0].reason == "\"qwen\" is the same Hub account as \"Qwen\", already on line 2 (the Hub does not tell case apart)")
    }

    @Test func everyProblemOfAFileIsListedInFileOrder() throws {
        let found = try problems(
            Self.header
                + "Qwen,CN,company,,\n"  // 2: fine
                + ",US,company,,\n"  // 3: empty author
                + "meta-llama/Llama-3.1-8B,US,company,,\n"  // 4: a model, not an author
                + "a-lab,US,company,ftp://example.org,\n"  // 5: not http(s)
                + "b-lab,EU,company,,\n"  // 6: a group
                + "someone,US,individual,,\n"  // 7: an individual outside USER
                + "c-lab,OTHER,company,,\n"  // 8: the catch-all bucket
                + "Meta AI,US,company,,\n"  // 9: not a Hub name
                + "d-lab,US,company,,,\n"  // 10: a field too many
                + "e-lab,Chinaa,Lab,,\n"  // 11: two problems on one row
        )
        #expect(found.map(\.line) == [3, 4, 5, 6, 7, 8, 9, 10, 11, 11], "\(found)")
        #expect(found.map(\.column) == [1, 1, 18, 7, 9, 7, 1, 20, 7, 14], "\(found)")
        #expect(found[0].reason == "the author is empty")
        #expect(found[1].reason == "\"meta-llama/Llama-3.1-8B\" is a model, not an author")
        #expect(found[1].expected == "the part before '/': meta-llama")
        #expect(found[2].reason == "\"ftp://example.org\" is not an http:// or https:// address")
        #expect(found[3].reason.hasPrefix("\"EU\" is European Union (EU), not a country"))
        #expect(found[4].reason == "an individual's account is attributed to USER, not US")
        #expect(found[5].reason.hasPrefix("\"OTHER\" is Other (OTHER)"))
        #expect(found[6].reason.hasPrefix("\"Meta AI\" is not a Hub account's name"))
        #expect(found[7].reason == "the row has 6 field(s) but the header has 5")
    }

    @Test func pastTwentyTheRestAreCounted() throws {
        let rows = (1...30).map { "lab-\($0),Atlantis,company,,\n" }.joined()
        let path = try workspace.directory.write("many.csv", Self.header + rows)
        let error = try #require(throws: ImportError.self) {
            try workspace.warehouse.importAttribution(from: .file(path), source: AttributionTests.starterSource)
        }
        #expect(error.otherProblems.count == 19 && error.unlistedProblems == 10)
        #expect(error.description.hasSuffix("\nand 10 more problems in \(path)"))
        #expect(try workspace.fingerprint() == before)
    }

    @Test func aWrongHeaderOrAnEmptyTableIsRefused() throws {
        let unknown = try problems("author,country,kind,link,note\n")
        #expect(unknown.count == 1 && unknown[0].line == 1 && unknown[0].column == 21)
        #expect(unknown[0].reason == "unknown column \"link\"" && unknown[0].expected == "the header author,country,kind,url,note")
        let missing = try problems("author,country,kind,url\nQwen,CN,company,\n")
        #expect(missing[0].reason == "the header has no column \"note\"")
        let semicolons = try problems("author;country;kind;url;note\nQwen;CN;company;;\n")
        #expect(semicolons[0].reason == "the header is one column; the file looks delimited by ';'")
        let empty = try problems(Self.header)
        #expect(empty[0].reason == "the table has no rows")
        let nothing = try problems("")
        #expect(nothing[0].reason == "the file is empty")
        // Columns in another order are read by their names.
        let path = try workspace.directory.write("reordered.csv", "kind,author,note,url,country\ncompany,new-lab,,,FR\n")
        let receipt = try workspace.warehouse.importAttribution(from: .file(path), source: AttributionTests.starterSource)
        #expect(receipt.authors == 1)
        #expect(try workspace.warehouse.attribution(version: nil).lookup(author: "NEW-LAB").code == "FR")
    }

    @Test func aQuoteNeverClosedEndsTheListAfterTheProblemsBeforeIt() throws {
        let found = try problems(Self.header + "a-lab,Atlantis,company,,\nb-lab,US,company,,\"never closed\n")
        #expect(found.map(\.line) == [2, 3])
        #expect(found[1].reason == "the quote opened here is never closed")
    }
}
