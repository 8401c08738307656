import Foundation
import Sharehouse
import SharehouseTestSupport
import Testing

/// A bad file is reported whole: every problem in file order (up to 20), then how many
/// more; nothing is written.
@Suite("Import: every problem of a file at once")
struct ImportProblemListTests {
    static let header = "entity,period,value\n"

    @Test func fiveBadRowsAreFivePlacesInFileOrder() throws {
        let workspace = try ImportWorkspace()
        try workspace.write("good.csv", Self.header + "CN,2025-07,17.1\n")
        _ = try workspace.importFile("good.csv")
        let before = try workspace.fingerprint()
        // Five kinds of problem on five lines, good rows between them; the duplicate is
        // found by the table's key, a batch after the rows around it were checked.
        try workspace.write(
            "five.csv",
            Self.header
                + "CN,2025-08,17.1\n"  // 2
                + "Atlantis,2025-08,1.0\n"  // 3: unknown name
                + "US,2025-08,abc\n"  // 4: not a number
                + "DE,2025-13,2.0\n"  // 5: not a period
                + "FR,2025-08,1.0,9\n"  // 6: a field too many
                + "GB,2025-08,3.6\n"  // 7
                + "China,2025-08,17.1\n"  // 8: CN twice
        )
        let error = try #require(throws: ImportError.self) { try workspace.importFile("five.csv") }
        let problems = [error] + error.otherProblems
        #expect(problems.map(\.line) == [3, 4, 5, 6, 8], "\(error)")
        #expect(problems.map(\.column) == [1, 12, 4, 16, 1], "\(error)")
        #expect(problems[0].reason.contains("\"Atlantis\""))
        #expect(problems[1].reason.contains("\"abc\" is not a number"))
        #expect(problems[2].reason.contains("\"2025-13\" is not a period"))
        #expect(problems[3].reason.contains("the row has 4 field(s)"))
        #expect(problems[4].reason.contains("CN is given twice for 2025-08"))
        #expect(error.unlistedProblems == 0 && error.problemCount == 5)
        // One line each, `file:line:column: reason; expected ...`, as an editor reads them.
        let lines = error.description.split(separator: "\n").map(String.init)
        try #require(lines.count == 5 && problems.count == 5)
        #expect(zip(lines, problems).allSatisfy { $0.hasPrefix($1.place + ": " + $1.reason) })
        #expect(try workspace.fingerprint() == before)
    }

    @Test func pastTwentyTheRestAreCounted() throws {
        let workspace = try ImportWorkspace()
        let before = try workspace.fingerprint()
        let rows = (1...45).map { "CN,2025-\(String(format: "%02d", $0 % 12 + 1)),x\($0)\n" }.joined()
        try workspace.write("many.csv", Self.header + rows)
        let error = try #require(throws: ImportError.self) { try workspace.importFile("many.csv") }
        #expect(error.otherProblems.count == 19)
        #expect(error.unlistedProblems == 25)
        #expect(([error] + error.otherProblems).map(\.line) == Array(2...21))
        #expect(error.description.hasSuffix("\nand 25 more problems in \(error.file)"))
        #expect(try workspace.fingerprint() == before)
    }

    @Test func aWideTablesBadPeriodHeaderIsOneProblemAtItsCell() throws {
        let workspace = try ImportWorkspace()
        try workspace.write("wide.csv", "entity,2025-08,2026-03-01\nCN,17.1,3\nUS,x,4\nGB,3.6,2\n")
        let error = try #require(throws: ImportError.self) { try workspace.importFile("wide.csv") }
        let problems = [error] + error.otherProblems
        // The header's period once (not once per row), then the bad figure.
        #expect(problems.map(\.place) == [error.file + ":1:16", error.file + ":3:4"], "\(error)")
        #expect(problems[0].reason.contains("\"2026-03-01\" is a date, not a period"))
    }

    @Test func aProblemThatStopsTheReadingComesAfterThoseFoundBeforeIt() throws {
        let workspace = try ImportWorkspace()
        // An unknown name, then a quote never closed: the reader cannot go on after it.
        try workspace.write("stop.csv", Self.header + "Atlantis,2025-08,1\nCN,2025-08,\"17.1\n")
        let error = try #require(throws: ImportError.self) { try workspace.importFile("stop.csv") }
        #expect(error.line == 2 && error.reason.contains("Atlantis"))
        #expect(error.otherProblems.count == 1)
        #expect(error.otherProblems.first?.line == 3)
    }

    @Test func anNDJSONFileListsEachBadLine() throws {
        let workspace = try ImportWorkspace()
        try workspace.write(
            "rows.ndjson",
            """
            {"entity": "CN", "period": "2025-08", "value": 17.1}
            {"entity": "US", "period": "2025-08", "value": }
            {"entity": "Atlantis", "period": "2025-08", "value": 1}
            {"entity": "GB", "period": "2025-08", "value": "lots"}

            """)
        let error = try #require(throws: ImportError.self) { try workspace.importFile("rows.ndjson") }
        #expect(([error] + error.otherProblems).map(\.line) == [2, 3, 4], "\(error)")
    }
}
