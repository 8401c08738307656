import Foundation
import Sharehouse
import SharehouseDB
import SharehouseTestSupport
import Testing

/// A malformed listing is refused whole, every problem at its place (up to 20), and the
/// warehouse is left as it was.
@Suite("Listings: malformed listings are refused at their places")
struct ListingProblemTests {
    /// A model of the Hub's listing, as one line of JSON.
    static func model(_ id: String, downloads: String = "10", extra: String = "") -> String {
        "{\"id\": \"\(id)\", \"downloads\": \(downloads), \"tags\": []\(extra)}"
    }

    /// A page: the models, one a line, after the opening bracket's line.
    static func page(_ models: [String]) -> String {
        "[\n" + models.joined(separator: ",\n") + "\n]\n"
    }

    /// Imports, expects an ImportError, and checks that nothing was written.
    func refused(_ workspace: ListingWorkspace, _ paths: [String], _ options: ListingImportOptions? = nil) throws -> [ImportError] {
        let before = try workspace.fingerprint()
        let error = try #require(throws: ImportError.self) { try workspace.importFiles(paths, options) }
        #expect(try workspace.fingerprint() == before)
        #expect(try workspace.warehouse.listings().isEmpty)
        return [error] + error.otherProblems
    }

    @Test func negativeFractionalAndTextCountsAreEachPlacedAtTheirValue() throws {
        let workspace = try ListingWorkspace()
        let path = try workspace.write(
            "page-0001.json",
            Self.page([
                Self.model("Qwen/a"),  // 2
                Self.model("Qwen/b", downloads: "-5"),  // 3
                Self.model("Qwen/c", downloads: "12.5"),  // 4
                Self.model("Qwen/d", downloads: "\"12\""),  // 5
                Self.model("Qwen/e", downloads: "1e3"),  // 6
                Self.model("Qwen/f", extra: ", \"downloadsAllTime\": -1"),  // 7
                Self.model("Qwen/g"),  // 8
            ]))
        let problems = try refused(workspace, [path])
        #expect(problems.map(\.place) == [path + ":3:31", path + ":4:31", path + ":5:31", path + ":6:31", path + ":7:67"], "\(problems)")
        #expect(problems[0].reason == "\"downloads\" is -5, a negative count")
        #expect(problems[1].reason == "\"downloads\" is 12.5, not a whole number")
        #expect(problems[2].reason == "\"downloads\" is a string (\"12\"), not a number")
        #expect(problems[3].reason == "\"downloads\" is 1e3, not a whole number")
        #expect(problems[4].reason == "\"downloadsAllTime\" is -1, a negative count")
        #expect(problems.allSatisfy { $0.category == .badInput })
    }

    @Test func aModelListedTwiceAcrossPagesNamesBothPlaces() throws {
        let workspace = try ListingWorkspace()
        // The repeat comes after more than 64 models, in another page: the key of the
        // table finds it, a batch later, and the error still names both places.
        let first = try workspace.write("page-0001.json", Self.page((1...70).map { Self.model("org/m\($0)") }))
        let second = try workspace.write(
            "page-0002.json", Self.page([Self.model("org/n1"), Self.model("org/m5", downloads: "99"), Self.model("org/n2")]))
        let problems = try refused(workspace, [first, second])
        #expect(problems.count == 1)
        #expect(problems[0].place == second + ":3:1")
        #expect(problems[0].reason == "the model org/m5 is listed twice, first at \(first):6:1")
    }

    @Test func repeatsAndRowProblemsAreListedTogetherInFileOrder() throws {
        let workspace = try ListingWorkspace()
        let first = try workspace.write("page-0001.json", Self.page([Self.model("org/a"), Self.model("org/b", downloads: "-1")]))
        let second = try workspace.write("page-0002.json", Self.page([Self.model("org/a"), Self.model("org/c", downloads: "x")]))
        let problems = try refused(workspace, [first, second])
        #expect(problems.map(\.file) == [first, second, second], "\(problems)")
        #expect(problems[0].reason.contains("negative"))
        #expect(problems[1].reason == "the model org/a is listed twice, first at \(first):2:1")
        // `x` is not JSON: that page stops there, after the repeat before it.
        #expect(problems[2].line == 3)
    }

    @Test func aPageThatIsNotAnArraySaysWhatItHolds() throws {
        let workspace = try ListingWorkspace()
        let good = try workspace.write("page-0001.json", Self.page([Self.model("org/a")]))
        let bad = try workspace.write("page-0002.json", "{\"error\": \"Invalid username or password.\"}\n")
        let number = try workspace.write("page-0003.json", "42\n")
        let problems = try refused(workspace, [good, bad, number])
        #expect(problems.map(\.place) == [bad + ":1:1", number + ":1:1"])
        #expect(problems[0].reason == "the page is an object, not an array of models: it holds the error \"Invalid username or password.\"")
        #expect(problems[1].reason == "the page is a number, not an array of models")
    }

    @Test func aRecordThatIsNotAModelAndAModelWithoutIDOrDownloads() throws {
        let workspace = try ListingWorkspace()
        let path = try workspace.write(
            "page-0001.json",
            Self.page([
                "\"org/a\"",  // 2
                "{\"downloads\": 3}",  // 3
                "{\"id\": \"org/b\"}",  // 4
                "{\"id\": \"org b\", \"downloads\": 3}",  // 5
                "{\"id\": \"bare\", \"downloads\": 3}",  // 6
                "{\"id\": \"org/c\", \"downloads\": 3, \"createdAt\": \"yesterday\"}",  // 7
                "{\"id\": \"org/d\", \"downloads\": 3, \"tags\": [\"base_model:finetune:\"]}",  // 8
            ]))
        let problems = try refused(workspace, [path])
        #expect(problems.map(\.line) == [2, 3, 4, 5, 6, 7, 8], "\(problems)")
        #expect(problems[0].reason == "the record is a string, not a model")
        #expect(problems[1].reason == "the model has no \"id\" (nor \"modelId\")")
        #expect(problems[2].reason == "the model org/b has no \"downloads\"")
        #expect(problems[3].reason.contains("holds a space"))
        #expect(problems[4].reason == "the model \"bare\" has no \"author\", and its id names none")
        #expect(problems[5].reason.contains("\"createdAt\" is \"yesterday\", not a timestamp"))
        #expect(problems[6].reason.contains("names no model"))
    }

    @Test func ndjsonLinesAreEachPlacedAndBrokenLinesDoNotStopTheRest() throws {
        let workspace = try ListingWorkspace()
        let path = try workspace.write(
            "listing.ndjson",
            [Self.model("org/a"), "{\"id\": ", Self.model("org/b", downloads: "-2"), "", Self.model("org/a")].joined(separator: "\n") + "\n"
        )
        let problems = try refused(workspace, [path])
        #expect(problems.map(\.line) == [2, 3, 5], "\(problems)")
        #expect(problems[2].reason == "the model org/a is listed twice, first at \(path):1:1")
    }

    @Test func pastTwentyProblemsTheRestAreCounted() throws {
        let workspace = try ListingWorkspace()
        let path = try workspace.write("page-0001.json", Self.page((1...30).map { Self.model("org/m\($0)", downloads: "-\($0)") }))
        let problems = try refused(workspace, [path])
        #expect(problems.count == 20)
        #expect(problems[0].unlistedProblems == 10)
    }

    @Test func aListingWithoutDownloadsIsRefused() throws {
        let workspace = try ListingWorkspace()
        let path = try workspace.write("page-0001.json", Self.page([Self.model("org/a", downloads: "0")]))
        let problems = try refused(workspace, [path])
        #expect(problems[0].reason == "no model of the listing has downloads in its window (1 read)")
    }

    @Test func theSameFileTwiceIsRefused() throws {
        let workspace = try ListingWorkspace()
        let error = try #require(throws: ImportError.self) {
            try workspace.importFiles([ListingWorkspace.pageFiles[0], ListingWorkspace.pageFiles[0]])
        }
        #expect(error.reason == "the file is given twice")
    }

    @Test func filesOfBothShapesAreNotOneListing() throws {
        let workspace = try ListingWorkspace()
        let error = try #require(throws: ListingError.self) {
            try workspace.importFiles([ListingWorkspace.pageFiles[0], ListingWorkspace.study])
        }
        #expect(error == .mixedShapes(hubAPI: ListingWorkspace.pageFiles[0], studyDataset: ListingWorkspace.study))
    }
}
