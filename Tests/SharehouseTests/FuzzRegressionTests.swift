import SharehouseDB
import Testing

@testable import Sharehouse

/// Inputs the libFuzzer targets in Fuzz/ found to break an invariant, each kept here with
/// the invariant it broke (Fuzz/RESULTS.md lists them with their fixes).
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    /// period-parse: "\u{0B}0002-Q2" read as a quarter whose canonical text was "2-Q2",
    /// which is not a period; a quarter's year is printed with four digits, as every other
    /// form's is (and as SQL's period_names prints it).
    @Test(arguments: ["\u{0B}0002-Q2", "0002-Q2", "0999-q4", "0010-Q1"])
    func aQuarterOfAYearBefore1000ReadsBack(_ text: String) throws {
        let period = try #require(Period(text))
        #expect(period.description.utf8.count == 7)
        #expect(Period(period.description) == period)
    }

    /// csv-import: a quote opened on line 1 runs across lines to a NUL byte on line 3; the
    /// NUL was reported at line 1, column 27 (bytes counted across the line ends).
    @Test(arguments: ["\n", "\r\n", "\r"])
    func aNULInAQuotedFieldThatSpansLinesIsPlacedOnItsOwnLine(_ lineEnd: String) throws {
        let workspace = try ImportWorkspace()
        let contents =
            ["entity,period,value", "CN,2024-01,\"8.0", "US,2024-01,2ج\u{0}2.0", "GB,2024-01,4.0\""]
            .joined(separator: lineEnd) + lineEnd
        try workspace.write("nul.csv", contents)
        let before = try workspace.fingerprint()
        let error = try #require(throws: ImportError.self) { try workspace.importFile("nul.csv") }
        #expect(error.reason.contains("NUL byte"), "\(error)")
        #expect(error.line == 3, "\(error)")
        #expect(error.column == 14, "US,2024-01,2ج is 13 characters: \(error)")
        #expect(try workspace.fingerprint() == before)
    }

    /// name-normalize: "8اۥل-" gave "8ال" by the fast path and "8اۥل" by the full one: the
    /// fast path dropped U+06E5 (a small waw, a letter) as if it were a mark. Every scalar
    /// the fast path answers for, between letters, now folds as the full path folds it.
    /// Found by the json-parser target after lone CRs became line ends: a value after
    /// LF then CR is on line 3 (the target's own reading had counted LF only).
    @Test func aValueAfterLFThenCRIsOnTheThirdLine() throws {
        let node = try JSONParser.parse(Array(" \n\r\"ix\"".utf8), fileName: "x.json")
        #expect(node.location.line == 3 && node.location.column == 1, "\(node.location)")
    }

    @Test func theFastPathFoldsEveryScalarItAnswersForAsTheFullPathDoes() {
        var checked = 0
        for value in UInt32(0)...0x2FFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for name in ["8\u{0627}\(scalar)\u{0644}", "a\(scalar)b", "\(scalar)"] {
                guard let quick = NameNormalizer.fastPath(name) else { continue }
                checked += 1
                #expect(
                    quick == NameNormalizer.fullPath(name), "U+\(String(value, radix: 16, uppercase: true)) in \(name.debugDescription)")
            }
        }
        #expect(checked > 400)
    }
}
