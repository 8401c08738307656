import SharehouseDB

/// Which stored snapshots a snapshot being imported would correct: those of the same
/// measure, source and publication date in force for one of its periods whose figures
/// for that period differ. A source that publishes one date twice with other figures has
/// corrected itself, and that is never taken silently (``ImportOptions/acceptsCorrection``).
/// Runs inside the import's transaction, after the new snapshot's rows are written.
enum CorrectionCheck {
    /// How many differing figures an error names.
    static let listedFigures = 5

    /// The snapshots corrected, in id order, with the first figures that differ.
    static func corrected(
        by snapshotID: Int64, measure: String, source: String, publishedOn: CalendarDate,
        on connection: Connection
    ) throws -> [ImportReceipt.CorrectedSnapshot] {
        // For each period of the new snapshot: the latest stored snapshot of the same
        // publication covering it, and both digests (nil for snapshots stored before
        // schema 6, whose figures are then compared one by one).
        let pairs = try connection.fetchAll(
            """
            WITH stored AS (
                SELECT c.period_id, c.digest,
                       (SELECT s.id FROM snapshots AS s JOIN snapshot_periods AS sp ON sp.snapshot_id = s.id
                        WHERE sp.period_id = c.period_id AND s.measure = ? AND s.source = ? AND s.published_on = ?
                          AND s.id <> c.snapshot_id
                        ORDER BY s.id DESC LIMIT 1) AS stored
                FROM snapshot_periods AS c WHERE c.snapshot_id = ?
            )
            SELECT t.period_id, t.digest, t.stored, sp.digest
            FROM stored AS t LEFT JOIN snapshot_periods AS sp ON sp.snapshot_id = t.stored AND sp.period_id = t.period_id
            """, measure, source, publishedOn.description, snapshotID
        ) { row in
            (
                period: try row.get(0) as Int64, digest: try row.get(1) as String?, stored: try row.get(2) as Int64?,
                storedDigest: try row.get(3) as String?
            )
        }
        var differing: [Int64: [ImportReceipt.CorrectedFigure]] = [:]
        for pair in pairs {
            guard let stored = pair.stored else { continue }
            if let digest = pair.digest, let storedDigest = pair.storedDigest, digest == storedDigest { continue }
            let changes = try figureChanges(from: stored, to: snapshotID, periodID: pair.period, on: connection)
            if !changes.isEmpty { differing[stored, default: []].append(contentsOf: changes) }
        }
        return try differing.keys.sorted().map { id in
            let file = try connection.fetchOne("SELECT file_name FROM snapshots WHERE id = ?", id) { try $0.get(0) as String? }
            let changes = differing[id]!.sorted { ($0.period, $0.entity) < ($1.period, $1.entity) }
            return ImportReceipt.CorrectedSnapshot(
                snapshotID: id, fileName: file ?? nil, differingFigures: changes.count,
                firstDifferences: Array(changes.prefix(listedFigures)))
        }
    }

    /// The figures of one period that differ between two snapshots: changed, added (no
    /// `before`) and dropped (no `after`), by entity code.
    private static func figureChanges(
        from old: Int64, to new: Int64, periodID: Int64, on connection: Connection
    ) throws -> [ImportReceipt.CorrectedFigure] {
        let before = try StoredFigures.of(snapshot: old, periodID: periodID, on: connection)
        let after = try StoredFigures.of(snapshot: new, periodID: periodID, on: connection)
        let period = try connection.fetchOne(
            "SELECT start_date, end_date FROM periods WHERE id = ?", periodID
        ) { row in Period(start: CalendarDate(try row.get(0) as String)!, end: CalendarDate(try row.get(1) as String)!)! }!
        return Set(before.keys).union(after.keys).sorted().compactMap { code in
            guard before[code] != after[code] else { return nil }
            return ImportReceipt.CorrectedFigure(entity: code, period: period, before: before[code], after: after[code])
        }
    }
}

extension CorrectionCheck {
    /// The refusal of a file that would correct `corrected` without `--correction`.
    static func refusal(
        _ corrected: [ImportReceipt.CorrectedSnapshot], file: String, measure: String, source: String,
        publishedOn: CalendarDate
    ) -> ImportError {
        let first = corrected[0]
        let origin = first.fileName.map { " (imported from \($0))" } ?? ""
        let figures = first.firstDifferences.map { figure in
            "\(figure.entity) \(figure.period) \(figure.before?.description ?? "none") → \(figure.after?.description ?? "none")"
        }
        let more = first.differingFigures - first.firstDifferences.count
        let others = corrected.dropFirst().map { "snapshot \($0.snapshotID)" }
        return ImportError(
            file: file,
            reason: "snapshot \(first.snapshotID)\(origin) has the same measure (\(measure)), source (\(source)) and "
                + "publication date (\(publishedOn)) but other figures: " + figures.joined(separator: ", ")
                + (more > 0 ? ", and \(more) more" : "")
                + (others.isEmpty ? "" : "; so has " + others.joined(separator: ", ")),
            expected:
                "--correction (or \"correction\": true in its sidecar) to store it as a correction of snapshot \(first.snapshotID) (its figures then "
                + "replace those), or the date of a new publication (--published)",
            category: .refused)
    }
}
