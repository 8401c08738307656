import Foundation
import Sharehouse
import SharehouseTestSupport
import Testing

/// "What changed this month?": the latest snapshot against the figures in force just
/// before it, the largest changes first, entrants and drops, with citations.
@Suite("Query: what changed with the latest snapshot")
struct ChangesQueryTests {
    static let header = "entity,period,value\n"
    static let january = "CN,2026-01,20.0\nUS,2026-01,15.0\nGB,2026-01,4.0\nFR,2026-01,2.0\nIN,2026-01,1.0\n"
    static let february = "CN,2026-02,21.5\nUS,2026-02,14.0\nGB,2026-02,4.2\nFR,2026-02,2.0\nDE,2026-02,1.5\n"

    static func sidecar(_ date: String) -> String {
        ImportWorkspace.metadataJSON.replacingOccurrences(of: "2026-01-15", with: date)
    }

    /// January published on 1 February; February (restating January unchanged) on 1 March.
    static func twoMonths() throws -> ImportWorkspace {
        let workspace = try ImportWorkspace()
        try workspace.write("2026-01.csv", header + january, sidecar: sidecar("2026-02-01"))
        try workspace.write("2026-02.csv", header + january + february, sidecar: sidecar("2026-03-01"))
        _ = try workspace.importFile("2026-01.csv")
        _ = try workspace.importFile("2026-02.csv")
        return workspace
    }

    @Test func aNewMonthListsTheMoversInOrderThenEntrantsDropsAndTheUnchanged() throws {
        let result = try Self.twoMonths().warehouse.changes(measure: "test_share")
        let section = try #require(result.sections.first)
        #expect(result.sections.count == 1)
        #expect(section.period == Period("2026-02") && section.snapshotID == 2)
        #expect(section.baseline == .previousPeriod && section.baselinePeriod == Period("2026-01"))
        #expect(section.rows.map(\.entity) == ["CN", "US", "GB", "DE", "IN", "FR"])
        #expect(section.rows.map(\.status) == [.changed, .changed, .changed, .entered, .dropped, .unchanged])
        #expect(section.rows.map(\.change) == [1.5, -1.0, 0.2, nil, nil, 0.0])
        #expect(section.rows.map(\.rankBefore) == [1, 2, 3, nil, 5, 4])
        #expect(section.rows.map(\.rankAfter) == [1, 2, 3, 5, nil, 4])
        // January, restated without a change, is counted, not listed.
        #expect(result.unchangedPeriods == 1)
        #expect(result.citations.map(\.snapshotID) == [2])
        #expect(section.citation == 1 && section.baselineCitation == 1)
    }

    @Test func aRevisionIsComparedWithTheVintageBeforeIt() throws {
        let workspace = try Self.twoMonths()
        try workspace.write(
            "revised.csv", Self.header + Self.february.replacingOccurrences(of: "US,2026-02,14.0", with: "US,2026-02,13.8"),
            sidecar: Self.sidecar("2026-03-15"))
        _ = try workspace.importFile("revised.csv")
        let result = try workspace.warehouse.changes(measure: "test_share", source: "test-source")
        let section = try #require(result.sections.first)
        #expect(result.sections.count == 1 && result.unchangedPeriods == 0)
        #expect(section.baseline == .earlierVintage && section.baselineSnapshotID == 2)
        #expect(section.baselinePublishedOn == CalendarDate("2026-03-01"))
        #expect(section.rows.first?.entity == "US" && section.rows.first?.change == -0.2)
        #expect(section.rows.dropFirst().allSatisfy { $0.status == .unchanged })
        #expect(result.citations.map(\.snapshotID) == [3, 2])
        // As known on 2 March, the latest snapshot was February's.
        let before = try workspace.warehouse.changes(measure: "test_share", asOf: CalendarDate("2026-03-02"))
        #expect(before.sections.first?.snapshotID == 2)
    }

    @Test func onePeriodAndSomeEntitiesOnly() throws {
        let workspace = try Self.twoMonths()
        let january = try workspace.warehouse.changes(measure: "test_share", period: Period("2026-01"), entities: ["China", "France"])
        // Asked for, a restated period is shown even though nothing in it changed.
        #expect(january.sections.map(\.period) == [Period("2026-01")])
        #expect(january.sections.first?.rows.map(\.entity) == ["CN", "FR"])
        #expect(january.sections.first?.rows.allSatisfy { $0.status == .unchanged } == true)
    }

    @Test func theFirstSnapshotHasNothingToCompareWith() throws {
        let workspace = try ImportWorkspace()
        try workspace.write("2026-01.csv", Self.header + Self.january, sidecar: Self.sidecar("2026-02-01"))
        _ = try workspace.importFile("2026-01.csv")
        let section = try #require(try workspace.warehouse.changes(measure: "test_share").sections.first)
        #expect(section.baseline == .none && section.baselineCitation == nil)
        #expect(section.rows.allSatisfy { $0.status == .first && $0.before == nil })
        #expect(section.rows.map(\.entity) == ["CN", "US", "GB", "FR", "IN"])
    }

    @Test func unknownMeasureOrSourceIsAnError() throws {
        let workspace = try Self.twoMonths()
        #expect(throws: QueryError.self) { try workspace.warehouse.changes(measure: "nope") }
        #expect(throws: QueryError.self) { try workspace.warehouse.changes(source: "nope") }
        #expect(throws: QueryError.self) { try workspace.warehouse.changes(measure: "test_share", period: Period("2020-01")) }
        // The test measure is synthetic, and alone: it is reported unnamed too.
        #expect(try workspace.warehouse.changes().sections.count == 1)
    }
}
