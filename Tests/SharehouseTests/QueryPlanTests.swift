import SharehouseDB
import Testing

@testable import Sharehouse

/// The statements behind every query use the indexes meant for them: a schema change that
/// loses one fails here, not as a slow report months later.
@Suite("Query plans")
struct QueryPlanTests {
    static func plan(_ sql: String, in warehouse: Warehouse) throws -> [String] {
        try warehouse.database.read { connection in
            // Parameters stay unbound: the plan does not depend on their values.
            try connection.prepare("EXPLAIN QUERY PLAN " + sql).map { try $0.get(3) as String }
        }
    }

    @Test(arguments: [
        (FigureBook.SQL.snapshots, ["SEARCH snapshots USING INDEX snapshots_by_series (measure=?)"]),
        (
            FigureBook.SQL.coverage,
            [
                "SEARCH s USING COVERING INDEX snapshots_by_series (measure=?)",
                "SEARCH c USING COVERING INDEX snapshot_periods_by_snapshot (snapshot_id=?)",
                "SEARCH p USING INTEGER PRIMARY KEY (rowid=?)",
            ]
        ),
        (FigureBook.SQL.snapshotsOfSource, ["SEARCH snapshots USING INDEX snapshots_by_series (measure=? AND source=?)"]),
        (
            FigureBook.SQL.coverageOfSource,
            [
                "SEARCH s USING COVERING INDEX snapshots_by_series (measure=? AND source=?)",
                "SEARCH c USING COVERING INDEX snapshot_periods_by_snapshot (snapshot_id=?)",
                "SEARCH p USING INTEGER PRIMARY KEY (rowid=?)",
            ]
        ),
        (FigureBook.SQL.figuresOfPeriod, ["SEARCH observations USING PRIMARY KEY (snapshot_id=? AND period_id=?)"]),
        (FigureBook.SQL.figureOfEntity, ["SEARCH observations USING PRIMARY KEY (snapshot_id=? AND period_id=? AND entity_code=?)"]),
    ])
    func everyQueryStatementUsesItsIndex(_ sql: String, _ expected: [String]) throws {
        let fixtures = try FixtureWarehouse()
        try fixtures.warehouse.database.write { try $0.execute("ANALYZE") }
        let plan = try Self.plan(sql, in: fixtures.warehouse)
        for step in expected {
            #expect(plan.contains(step), "\(plan)")
        }
        #expect(
            !plan.contains { $0.hasPrefix("SCAN observations") || $0.hasPrefix("SCAN snapshot_periods") || $0.hasPrefix("SCAN c") },
            "no full scan where an index serves: \(plan)")
    }

    @Test(arguments: [
        (SnapshotDifferences.previousFigures, "SEARCH previous USING PRIMARY KEY (snapshot_id=? AND period_id=?)"),
        (SnapshotDifferences.newFigures, "SEARCH new USING PRIMARY KEY (snapshot_id=? AND period_id=?)"),
    ])
    func importDifferencesMergeTwoKeyRangesWithoutSorting(_ sql: String, _ expected: String) throws {
        let fixtures = try FixtureWarehouse()
        let plan = try Self.plan(sql, in: fixtures.warehouse)
        #expect(plan == [expected], "a range of the primary key, already in entity order: \(plan)")
    }
}
