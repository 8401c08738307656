import Foundation
import Sharehouse
import SharehouseDB
import SharehouseTestSupport
import Testing

/// The study dataset: weekly rows of cumulative downloads, summed over a window as the
/// growth of the count (Fixtures/listings/README.md gives every sum by hand).
@Suite("Listings: the study dataset's weekly rows")
struct ListingStudyTests {
    static let header =
        "_id,model,author,time,created,downloadsAllTime,org_country_single,derived_org_country_single,merged_derived_from\n"

    func studyOptions(_ workspace: ListingWorkspace, retrievedOn: String = "2025-06-30", windowDays: Int? = 28) -> ListingImportOptions {
        workspace.options(retrievedOn: retrievedOn, windowDays: windowDays)
    }

    @Test func theWindowsSumsAreTheGrowthOfTheCumulativeCount() throws {
        let workspace = try ListingWorkspace()
        let receipt = try workspace.importFiles([ListingWorkspace.study], studyOptions(workspace))
        #expect(receipt.outcome == .imported)
        #expect(receipt.shape == .studyDataset)
        #expect(receipt.rowsRead == 25)
        #expect(receipt.rowsAfterWindow == 4)
        #expect(receipt.modelsStored == 4)
        #expect(receipt.modelsSkipped == 2)
        #expect(
            try workspace.downloads(listing: 1) == [
                "meta-llama/Llama-3.2-1B": 3000 - 1000,  // the last row before the window to the last in it
                "Qwen/Qwen2.5-0.5B": 1000 - 400,  // no row before the window: from its first in it
                "deepseek-ai/DeepSeek-Small-Preview": 900,  // created in the window: from 0
                "someuser/merged-model": 40 - 10,
            ])
        let rows = try workspace.warehouse.database.read { connection in
            try connection.fetchAll(
                """
                SELECT model, author, downloads_all_time, created_on, coalesce(org_country, '-'), coalesce(derived_org_country, '-')
                FROM listing_models ORDER BY model
                """
            ) { row in (0..<6).map { try? row.get($0) as String }.map { $0 ?? "" }.joined(separator: " ") }
        }
        // The values of the last row in the window; the author from the id when empty.
        #expect(
            rows == [
                "Qwen/Qwen2.5-0.5B Qwen  2024-09-15 China China",
                "deepseek-ai/DeepSeek-Small-Preview deepseek-ai  2025-06-12 China China",
                "meta-llama/Llama-3.2-1B meta-llama  2024-09-18 USA USA",
                "someuser/merged-model someuser  2025-04-01 - -",
            ])
        #expect(
            try workspace.bases(listing: 1) == [
                "someuser/merged-model Qwen/Qwen2.5-0.5B base", "someuser/merged-model meta-llama/Llama-3.2-1B base",
            ])
        let allTime = try workspace.warehouse.database.read { connection in
            try connection.fetchOne("SELECT downloads_all_time FROM listing_models WHERE model = 'meta-llama/Llama-3.2-1B'") {
                try $0.get(0) as Int64
            }
        }
        #expect(allTime == 3000)
    }

    @Test func theSameRowsInAnotherOrderAreUnchanged() throws {
        let workspace = try ListingWorkspace()
        try workspace.importFiles([ListingWorkspace.study], studyOptions(workspace))
        let before = try workspace.fingerprint()
        let text = try String(contentsOfFile: ListingWorkspace.study, encoding: .utf8)
        var lines = text.split(separator: "\n").map(String.init)
        let header = lines.removeFirst()
        let shuffled = try workspace.write("shuffled.csv", ([header] + lines.reversed()).joined(separator: "\n") + "\n")
        let again = try workspace.importFiles([shuffled], studyOptions(workspace))
        #expect(again.outcome == .unchanged && again.listingID == 1)
        #expect(try workspace.fingerprint() == before)
        // As NDJSON, with the bases as a JSON array: the same listing.
        let ndjson = try workspace.write(
            "rows.ndjson",
            lines.map { line -> String in
                let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                func text(_ value: String) -> String { value.isEmpty ? "null" : "\"\(value)\"" }
                let bases =
                    line.contains("['") ? "[\"meta-llama/Llama-3.2-1B\", \"Qwen/Qwen2.5-0.5B\"]" : text(fields.count > 8 ? fields[8] : "")
                return "{\"model\": \"\(fields[1])\", \"author\": \(text(fields[2])), \"time\": \"\(fields[3])\", "
                    + "\"created\": \(text(fields[4])), \"downloadsAllTime\": \(fields[5]), \"org_country_single\": \(text(fields[6])), "
                    + "\"derived_org_country_single\": \(text(fields[7])), \"merged_derived_from\": \(bases)}"
            }.joined(separator: "\n") + "\n")
        let fromNDJSON = try workspace.importFiles([ndjson], studyOptions(workspace))
        #expect(fromNDJSON.outcome == .unchanged, "\(fromNDJSON)")
    }

    @Test func anotherWindowCountsOtherWeeks() throws {
        let workspace = try ListingWorkspace()
        // Seven days up to 2025-06-30: from the 06-23 row to the 06-30 row.
        let week = try workspace.importFiles([ListingWorkspace.study], studyOptions(workspace, windowDays: 7))
        #expect(week.outcome == .imported)
        #expect(
            try workspace.downloads(listing: 1) == [
                "meta-llama/Llama-3.2-1B": 400, "Qwen/Qwen2.5-0.5B": 200, "deepseek-ai/DeepSeek-Small-Preview": 200,
                "someuser/merged-model": 30,
            ])
    }

    @Test func eachFieldKeepsTheLastValueGivenInTheWindow() throws {
        let workspace = try ListingWorkspace()
        let path = try workspace.write(
            "rows.csv",
            Self.header
                + "1,org/a,,2025-06-10,,100,China,CN-derived,a/base\n"
                + "2,org/a,,2025-06-17,,150,,,\n"  // says nothing: the week before stands
                + "3,org/a,,2025-06-24,,170,,Singapore,\n")
        try workspace.importFiles([path], studyOptions(workspace))
        let row = try workspace.warehouse.database.read { connection in
            try connection.fetchOne("SELECT org_country || ' ' || derived_org_country FROM listing_models") { try $0.get(0) as String }
        }
        #expect(row == "China Singapore")
        #expect(try workspace.bases(listing: 1) == ["org/a a/base base"])
    }

    @Test func theStudyDatasetNeedsAWindow() throws {
        let workspace = try ListingWorkspace()
        let error = try #require(throws: ListingError.self) {
            try workspace.importFiles([ListingWorkspace.study], studyOptions(workspace, windowDays: nil))
        }
        #expect(error == .windowNeeded)
    }

    @Test func aModelTwiceInOneWeekAndAFallingCountNameBothPlaces() throws {
        let workspace = try ListingWorkspace()
        let path = try workspace.write(
            "rows.csv",
            Self.header
                + "1,org/a,org,2025-06-10,,100,,,\n"  // 2
                + "2,org/b,org,2025-06-10,,100,,,\n"  // 3
                + "3,org/a,org,2025-06-10,,120,,,\n"  // 4: org/a twice for 06-10
                + "4,org/b,org,2025-06-17,,90,,,\n"  // 5: falls from 100
        )
        let before = try workspace.fingerprint()
        let error = try #require(throws: ImportError.self) { try workspace.importFiles([path], studyOptions(workspace)) }
        let problems = [error] + error.otherProblems
        #expect(problems.map(\.place) == [path + ":4", path + ":5"], "\(problems)")
        #expect(problems[0].reason == "the model org/a has two rows for 2025-06-10 (the first at \(path):2)")
        #expect(problems[1].reason == "the cumulative downloads of org/b fall from 100 (2025-06-10, \(path):3) to 90 (2025-06-17)")
        #expect(try workspace.fingerprint() == before)
        // With a row a reader refuses, they are all said at once.
        let more = try workspace.write("more.csv", try String(contentsOfFile: path, encoding: .utf8) + "5,org/c,org,2025-06-10,,x,,,\n")
        let all = try #require(throws: ImportError.self) { try workspace.importFiles([more], studyOptions(workspace)) }
        #expect(([all] + all.otherProblems).map(\.line) == [4, 5, 6])
        #expect(try workspace.fingerprint() == before)
    }

    @Test func badFieldsAreEachPlaced() throws {
        let workspace = try ListingWorkspace()
        let path = try workspace.write(
            "rows.csv",
            Self.header
                + "1,org/a,,2025-06-10,,-5,,,\n"  // 2: negative
                + "2,org/b,,2025-06-10,,12.5,,,\n"  // 3: a fraction
                + "3,org/c,,2025-06-10,,1200.0,,,\n"  // 4: pandas' float: 1200
                + "4,org/d,,June 10,,5,,,\n"  // 5: not a date
                + "5,org/e,,2025-06-10,,,,,\n"  // 6: no count
                + "6,org/f,,2025-06-10,,5,,\n"  // 7: a field short
        )
        let before = try workspace.fingerprint()
        let error = try #require(throws: ImportError.self) { try workspace.importFiles([path], studyOptions(workspace)) }
        let problems = [error] + error.otherProblems
        #expect(problems.map(\.place) == [path + ":2:22", path + ":3:22", path + ":5:10", path + ":6:22", path + ":7"], "\(problems)")
        #expect(problems[0].reason == "\"downloadsAllTime\" is -5, a negative count")
        #expect(problems[1].reason == "\"downloadsAllTime\" is 12.5, not a whole number")
        #expect(problems[2].reason == "\"time\" is \"June 10\", not a date")
        #expect(problems[3].reason == "the row has no \"downloadsAllTime\"")
        #expect(problems[4].reason == "the row has 8 field(s) but the header has 9")
        #expect(try workspace.fingerprint() == before)
    }

    @Test func aHeaderWithoutTheStudysColumnsListsWhatItHas() throws {
        let workspace = try ListingWorkspace()
        let path = try workspace.write("rows.csv", "id,downloads\norg/a,5\n")
        let error = try #require(throws: ImportError.self) { try workspace.importFiles([path], studyOptions(workspace)) }
        #expect(error.place == path + ":1:1")
        #expect(error.reason == "no column \"model\", \"time\", \"downloadsAllTime\" among \"id\", \"downloads\"")
    }

    @Test func derivedFromAsPandasDuckDBAndJSONWriteIt() throws {
        let workspace = try ListingWorkspace()
        let rows = [
            ("org/pandas", "\"['a/b', 'c/d']\""), ("org/numpy", "['a/b' 'c/d']"), ("org/duckdb", "\"[a/b, c/d]\""),
            ("org/json", "\"[\"\"a/b\"\"]\""), ("org/one", "a/b"), ("org/empty", "[]"), ("org/nan", "nan"),
        ]
        let path = try workspace.write(
            "rows.csv",
            Self.header
                + rows.enumerated().map { index, row in
                    "\(index),\(row.0),,2025-06-01,,0,,,\(row.1)\n\(index),\(row.0),,2025-06-30,,5,,,\(row.1)\n"
                }.joined())
        try workspace.importFiles([path], studyOptions(workspace))
        #expect(
            try workspace.bases(listing: 1) == [
                "org/duckdb a/b base", "org/duckdb c/d base", "org/json a/b base", "org/numpy a/b base", "org/numpy c/d base",
                "org/one a/b base", "org/pandas a/b base", "org/pandas c/d base",
            ])
    }
}
