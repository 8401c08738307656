import Sharehouse

/// The four queries, each as the library asks it and as hand-written SQL that computes the
/// same answer straight on SQLite (under the same vintage rule, for one source), with a
/// checksum of each answer so the two can be checked against each other.
struct BenchQuery {
    let name: String
    let sql: String
    let cliArguments: [String]
    let library: (Warehouse) throws -> (rows: Int, checksum: Double)

    static let scope = QueryScope(measure: "bench_share", sources: .only("bench-s1"))

    /// For each period, the latest-published snapshot of bench_share from bench-s1 that
    /// covers it (ties: the later import). Evaluated per row where few periods are needed
    /// (a series, a comparison), computed once (materialized) where every period is.
    static func current(materialized: Bool) -> String {
        """
        WITH current (period_id, snapshot_id) AS \(materialized ? "MATERIALIZED" : "NOT MATERIALIZED") (
            SELECT c.period_id,
                   (SELECT s2.id FROM snapshot_periods AS c2 JOIN snapshots AS s2 ON s2.id = c2.snapshot_id
                    WHERE c2.period_id = c.period_id AND s2.measure = 'bench_share' AND s2.source = 'bench-s1'
                    ORDER BY s2.published_on DESC, s2.id DESC LIMIT 1)
            FROM snapshot_periods AS c JOIN snapshots AS s ON s.id = c.snapshot_id
            WHERE s.measure = 'bench_share' AND s.source = 'bench-s1'
            GROUP BY c.period_id
        )
        """
    }

    static func all(first: Period, last: Period) -> [BenchQuery] {
        let common = ["--measure", "bench_share", "--source", "bench-s1", "--format", "csv"]
        return [
            BenchQuery(
                name: "series of one country, all periods",
                sql: current(materialized: false) + """
                    SELECT p.end_date, o.value, o.decimals FROM current AS c
                    JOIN observations AS o ON o.snapshot_id = c.snapshot_id AND o.period_id = c.period_id AND o.entity_code = 'CN'
                    JOIN periods AS p ON p.id = c.period_id ORDER BY p.end_date
                    """,
                cliArguments: ["report", "series", "--entity", "CN"] + common,
                library: { warehouse in
                    let result = try warehouse.series(entities: ["CN"], scope: scope)
                    return (result.points.count, result.points.reduce(0) { $0 + $1.value.value + Double($1.value.decimals) })
                }),
            BenchQuery(
                name: "compare two periods, all countries, ranks",
                sql: """
                    WITH chosen (period_id, snapshot_id) AS (
                        SELECT p.id,
                               (SELECT s.id FROM snapshot_periods AS c JOIN snapshots AS s ON s.id = c.snapshot_id
                                WHERE c.period_id = p.id AND s.measure = 'bench_share' AND s.source = 'bench-s1'
                                ORDER BY s.published_on DESC, s.id DESC LIMIT 1)
                        FROM periods AS p
                        WHERE (p.start_date = '\(first.start)' AND p.end_date = '\(first.end)')
                           OR (p.start_date = '\(last.start)' AND p.end_date = '\(last.end)')
                    ), ranked AS (
                        SELECT p.end_date AS e, o.entity_code, o.value,
                               rank() OVER (PARTITION BY c.period_id ORDER BY o.value DESC) AS r
                        FROM chosen AS c JOIN observations AS o ON o.snapshot_id = c.snapshot_id AND o.period_id = c.period_id
                        JOIN periods AS p ON p.id = c.period_id
                    )
                    -- One pass over both periods' ranked rows, pivoted by entity (a self-join of
                    -- the ranked rows was ten times slower: SQLite scans the second side for each row).
                    SELECT max(CASE WHEN e = '\(first.end)' THEN value END), max(CASE WHEN e = '\(last.end)' THEN value END),
                           max(CASE WHEN e = '\(first.end)' THEN r END), max(CASE WHEN e = '\(last.end)' THEN r END)
                    FROM ranked GROUP BY entity_code
                    """,
                cliArguments: ["report", "compare", "--from", first.description, "--to", last.description] + common,
                library: { warehouse in
                    let result = try warehouse.compare(from: first, to: last, scope: scope)
                    return (result.rows.count, result.rows.reduce(0) { sum, row in
                        sum + (row.from?.value ?? 0) + (row.to?.value ?? 0) + Double(row.fromRank ?? 0) + Double(row.toRank ?? 0)
                    })
                }),
            BenchQuery(
                name: "concentration (HHI, CR3, leader), every period",
                // Per period: the sum of squares over the primary-key range, and the top
                // three by a sort SQLite bounds with LIMIT (a window over every row was
                // five times slower).
                sql: current(materialized: true) + """
                    SELECT c.period_id,
                           (SELECT sum(o.value * o.value) FROM observations AS o
                            WHERE o.snapshot_id = c.snapshot_id AND o.period_id = c.period_id),
                           (SELECT sum(value) FROM (SELECT o.value FROM observations AS o
                            WHERE o.snapshot_id = c.snapshot_id AND o.period_id = c.period_id ORDER BY o.value DESC LIMIT 3)),
                           (SELECT o.entity_code FROM observations AS o WHERE o.snapshot_id = c.snapshot_id AND o.period_id = c.period_id
                            ORDER BY o.value DESC, o.entity_code LIMIT 1)
                    FROM current AS c
                    """,
                cliArguments: ["report", "concentration"] + common,
                library: { warehouse in
                    let result = try warehouse.concentration(scope: scope)
                    // The raw checksum also adds period_id (1...N).
                    return (result.rows.count, result.rows.enumerated().reduce(0) { sum, row in
                        sum + row.element.hhi + row.element.cr3 + Double(row.offset + 1)
                    })
                }),
            BenchQuery(
                name: "crossovers of two countries",
                sql: current(materialized: true) + """
                    , pair AS (
                        SELECT p.end_date AS e, a.value AS x, b.value AS y FROM current AS c
                        JOIN observations AS a ON a.snapshot_id = c.snapshot_id AND a.period_id = c.period_id AND a.entity_code = 'CN'
                        JOIN observations AS b ON b.snapshot_id = c.snapshot_id AND b.period_id = c.period_id AND b.entity_code = 'US'
                        JOIN periods AS p ON p.id = c.period_id
                    ), differences AS (SELECT e, x, y, lag(x - y) OVER (ORDER BY e) AS previous FROM pair)
                    SELECT x, y FROM differences WHERE (previous < 0 AND x > y) OR (previous > 0 AND x < y)
                    """,
                cliArguments: ["report", "crossovers", "--entity", "CN", "--entity", "US"] + common,
                library: { warehouse in
                    let result = try warehouse.crossovers("CN", "US", scope: scope)
                    return (result.crossings.count, result.crossings.reduce(0) { $0 + $1.leaderValue.value + $1.overtakenValue.value })
                }),
        ]
    }
}
