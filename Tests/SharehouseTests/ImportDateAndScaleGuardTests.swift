import Foundation
import Sharehouse
import SharehouseTestSupport
import Testing

/// Typos that would do lasting harm are refused: a publication date in the future outranks
/// every real publication of its periods for good, and a period that starts after its
/// publication cannot have been published then. Shares written with `%` are percentages,
/// however small.
@Suite("Import: dates and scales that cannot be right")
struct ImportDateAndScaleGuardTests {
    static let header = "entity,period,value\n"

    @Test func aPublicationDateInTheFutureIsRefused() throws {
        let workspace = try ImportWorkspace()
        let before = try workspace.fingerprint()
        let future = ImportWorkspace.metadataJSON.replacingOccurrences(of: "2026-01-15", with: "2062-01-15")
        try workspace.write("typo.csv", Self.header + "CN,2025-08,17.1\n", sidecar: future)
        let error = try #require(throws: ImportError.self) { try workspace.importFile("typo.csv") }
        #expect(error.reason.hasPrefix("the publication date 2062-01-15 is in the future"), "\(error)")
        #expect(try workspace.fingerprint() == before)
    }

    @Test func aPeriodStartingAfterItsPublicationIsRefusedAtItsPlace() throws {
        let workspace = try ImportWorkspace()
        try workspace.write("late.csv", Self.header + "CN,2025-08,17.1\nUS,2099-06,15.8\n")
        let error = try #require(throws: ImportError.self) { try workspace.importFile("late.csv") }
        #expect(error.line == 3 && error.column == 4, "\(error)")
        #expect(error.reason == "the period 2099-06 starts after the publication date 2026-01-15")
    }

    @Test func smallSharesWithPercentSignsAreNotFractions() throws {
        let workspace = try ImportWorkspace()
        try workspace.write("small.csv", Self.header + "DE,2025-08,0.4%\nFR,2025-08,0.3%\n")
        #expect(try workspace.importFile("small.csv").rowsStored == 2)
        #expect(try workspace.currentFigures() == ["DE 2025-08=0.4", "FR 2025-08=0.3"])
        // Without the signs they look like fractions; --scale percent says they are not.
        try workspace.write("bare.csv", Self.header + "DE,2025-07,0.4\nFR,2025-07,0.3\n")
        #expect(throws: ImportError.self) { try workspace.importFile("bare.csv") }
        var options = ImportOptions()
        options.scale = .percent
        #expect(try workspace.importFile("bare.csv", options: options).rowsStored == 2)
        // A % sign under --scale fraction is a contradiction, said at its place.
        try workspace.write("mixed.csv", Self.header + "DE,2025-06,0.004\nFR,2025-06,40%\n")
        options.scale = .fraction
        let error = try #require(throws: ImportError.self) { try workspace.importFile("mixed.csv", options: options) }
        #expect(error.line == 3 && error.reason.contains("has a % sign"), "\(error)")
    }

    @Test func documentsInAGlobAreLeftOutAsFromAFolder() throws {
        let directory = try TemporaryDirectory("glob")
        let data = try directory.write("shares.csv", "entity,period,value\n")
        let book = try directory.write("Book1.xlsx", "PK")
        let pdf = try directory.write("report.pdf", "%PDF")
        let selection = try ImportSelection.select([data, book, pdf])
        #expect(selection.inputs.count == 1)
        #expect(selection.skipped.map(\.path) == [book, pdf])
        // Given an input format, a name says nothing: the file is read.
        #expect(try ImportSelection.select([book], anyName: true).inputs.count == 1)
    }
}
