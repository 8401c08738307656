import SharehouseDB

extension Warehouse {
    /// The contributors behind the leading country (not a bucket) of the latest derived
    /// share, its top ``ReportDefaults/overviewSeriesEntities`` organisations; nil when no
    /// share was derived (published by `asOf`).
    func derivedLeaderContributors(asOf: CalendarDate?) throws -> ContributorsResult? {
        let leader = try database.read { connection in
            try connection.fetchOne(
                """
                SELECT o.entity_code, s.measure, p.start_date, p.end_date
                FROM derivations AS d
                JOIN snapshots AS s ON s.id = d.snapshot_id
                JOIN measures AS m ON m.key = s.measure AND m.unit = 'percent'
                JOIN observations AS o ON o.snapshot_id = s.id
                JOIN entities AS e ON e.code = o.entity_code AND e.kind = 'country'
                JOIN periods AS p ON p.id = o.period_id
                WHERE ?1 IS NULL OR s.published_on <= ?1
                ORDER BY p.end_date DESC, s.published_on DESC, s.id DESC, o.value DESC LIMIT 1
                """, asOf?.description
            ) { row in
                (
                    code: try row.get(0) as String, measure: try row.get(1) as String,
                    period: Period(start: CalendarDate(try row.get(2) as String)!, end: CalendarDate(try row.get(3) as String)!)!
                )
            }
        }
        guard let leader else { return nil }
        return try contributors(
            entity: leader.code, period: leader.period, measure: leader.measure, top: ReportDefaults.overviewSeriesEntities)
    }
}
