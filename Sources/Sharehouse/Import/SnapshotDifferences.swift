import SharehouseDB

/// How a snapshot being imported differs from the current figures of the same measure and
/// source, period by period. Runs inside the import's transaction and leaves the new
/// snapshot out, so "current" means as it was before this import.
enum SnapshotDifferences {
    static func compute(snapshotID: Int64, measure: String, source: String, publishedOn: CalendarDate,
                        periods: [(id: Int64, period: Period, digest: String, figures: Int)], limit: Int,
                        on connection: Connection) throws -> ([ImportReceipt.PeriodDifference], Bool) {
        var budget = limit
        var truncated = false
        var result: [ImportReceipt.PeriodDifference] = []
        for (periodID, period, digest, figures) in periods.sorted(by: { $0.period < $1.period }) {
            let previous = try connection.fetchOne("""
                SELECT s.id, s.published_on, c.digest FROM snapshots AS s
                JOIN snapshot_periods AS c ON c.snapshot_id = s.id AND c.period_id = ?
                WHERE s.measure = ? AND s.source = ? AND s.id <> ?
                ORDER BY s.published_on DESC, s.id DESC LIMIT 1
                """, periodID, measure, source, snapshotID) { row in
                (try row.get(0) as Int64, try row.get(1) as String, try row.get(2) as String?)
            }
            // The same digest: the period's figures are the same, no need to compare them.
            if let (previousID, previousText, previousDigest) = previous, previousDigest == digest {
                let previousDate = CalendarDate(previousText)
                result.append(.init(period: period, previousSnapshot: previousID, previousPublishedOn: previousDate,
                                    becomesCurrent: previousDate.map { publishedOn >= $0 } ?? true,
                                    addedCount: 0, changedCount: 0, droppedCount: 0, unchangedCount: figures,
                                    added: [], changed: [], dropped: []))
                continue
            }
            guard let (previousID, previousText, _) = previous else {
                // Nothing to compare with: every figure is new, and the count says it all.
                result.append(.init(period: period, previousSnapshot: nil, previousPublishedOn: nil, becomesCurrent: true,
                                    addedCount: figures, changedCount: 0, droppedCount: 0, unchangedCount: 0,
                                    added: [], changed: [], dropped: []))
                continue
            }
            var added: [ImportReceipt.Figure] = [], changed: [ImportReceipt.Change] = [], dropped: [ImportReceipt.Figure] = []
            var addedCount = 0, changedCount = 0, droppedCount = 0, unchangedCount = 0
            func keep() -> Bool {
                guard budget > 0 else { truncated = true; return false }
                budget -= 1
                return true
            }
            try connection.cachedStatement("""
                SELECT n.entity_code, n.value, n.decimals, o.value, o.decimals
                FROM observations AS n
                LEFT JOIN observations AS o ON o.snapshot_id = ? AND o.period_id = n.period_id AND o.entity_code = n.entity_code
                WHERE n.snapshot_id = ? AND n.period_id = ?
                ORDER BY n.entity_code
                """).forEachRow(binding: previousID, snapshotID, periodID) { row in
                let entity = try row.text(at: 0)
                let after = PublishedValue(value: try row.real(at: 1), decimals: Int(try row.integer(at: 2)))
                if row.isNull(at: 3) == false {
                    let before = PublishedValue(value: try row.real(at: 3), decimals: Int(try row.integer(at: 4)))
                    if before == after {
                        unchangedCount += 1
                    } else {
                        changedCount += 1
                        if keep() {
                            let difference = rounded(after.value - before.value, decimals: max(before.decimals, after.decimals))
                            changed.append(.init(entity: entity, before: before, after: after, difference: difference))
                        }
                    }
                } else {
                    addedCount += 1
                    if keep() { added.append(.init(entity: entity, value: after)) }
                }
            }
            do {
                try connection.cachedStatement("""
                    SELECT o.entity_code, o.value, o.decimals FROM observations AS o
                    WHERE o.snapshot_id = ? AND o.period_id = ?
                      AND NOT EXISTS (SELECT 1 FROM observations AS n
                                      WHERE n.snapshot_id = ? AND n.period_id = o.period_id AND n.entity_code = o.entity_code)
                    ORDER BY o.entity_code
                    """).forEachRow(binding: previousID, periodID, snapshotID) { row in
                    droppedCount += 1
                    if keep() { dropped.append(.init(entity: try row.get(0), value: PublishedValue(value: try row.get(1), decimals: try row.get(2)))) }
                }
            }
            let previousDate = CalendarDate(previousText)
            result.append(.init(period: period, previousSnapshot: previousID, previousPublishedOn: previousDate,
                                becomesCurrent: previousDate.map { publishedOn >= $0 } ?? true,
                                addedCount: addedCount, changedCount: changedCount, droppedCount: droppedCount,
                                unchangedCount: unchangedCount, added: added, changed: changed, dropped: dropped))
        }
        return (result, truncated)
    }
}
