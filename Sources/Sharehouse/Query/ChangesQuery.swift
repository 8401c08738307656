import SharehouseDB

/// What changed with the latest snapshot of each measure and source: "what changed this
/// month?". A period the snapshot restates is compared with the figures in force just
/// before it (a revision); a period it is the first to give is compared with the period
/// of the same length before it, as it stands with the snapshot (the month's movement,
/// apart from any revision of the month before, which its own section shows).
public struct ChangesResult: Sendable, Encodable {
    /// What happened to one entity's figure.
    public enum Status: String, Sendable, Hashable, Encodable {
        /// Listed before and now, with another figure.
        case changed
        /// Listed before and now, with the same figure.
        case unchanged
        /// Listed now, not before.
        case entered
        /// Listed before, not now.
        case dropped
        /// The first figures of the measure and source: nothing to compare with.
        case first
    }

    /// What a period's figures are compared with.
    public enum Baseline: String, Sendable, Hashable, Encodable {
        /// The same period, as an earlier vintage gave it: the snapshot revises it.
        case earlierVintage = "earlier_vintage"
        /// The period of the same length before it: the snapshot is the first to give this one.
        case previousPeriod = "previous_period"
        /// Nothing to compare with: the first figures of the measure and source.
        case none
    }

    /// One entity's figure before and after.
    public struct Row: Sendable, Hashable, Encodable {
        /// The entity's code.
        public let entity: String
        /// The figure before (nil when not listed before).
        public let before: PublishedValue?
        /// The figure with the snapshot (nil when not listed now).
        public let after: PublishedValue?
        /// after - before (percentage points for shares), when both are given.
        public let change: Double?
        /// Competition ranks among every figure of the period (equal figures share one).
        public let rankBefore: Int?
        /// The rank with the snapshot (see ``rankBefore``).
        public let rankAfter: Int?
        /// What happened to the figure.
        public let status: Status
    }

    /// One period of one latest snapshot.
    public struct Section: Sendable, Encodable {
        /// The snapshot's measure.
        public let measure: Measure
        /// The key of the snapshot's source.
        public let source: String
        /// The latest snapshot.
        public let snapshotID: Int64
        /// When the snapshot's source published it.
        public let publishedOn: CalendarDate
        /// The period compared.
        public let period: Period
        /// What the period's figures are compared with.
        public let baseline: Baseline
        /// The period compared with: `period` itself (an earlier vintage) or the one before it.
        public let baselinePeriod: Period?
        /// The snapshot that gave the figures compared with (nil when there are none).
        public let baselineSnapshotID: Int64?
        /// When the baseline snapshot was published (nil when there is none).
        public let baselinePublishedOn: CalendarDate?
        /// The citation of the snapshot's figures.
        public let citation: Int
        /// The citation of the figures compared with (nil when there are none).
        public let baselineCitation: Int?
        /// The changes largest first, then entrants, drops and the unchanged.
        public let rows: [Row]
    }

    /// The day the snapshots compared were published by (nil: the latest of all).
    public let asOf: CalendarDate?
    /// One section per period of each latest snapshot.
    public let sections: [Section]
    /// Periods the latest snapshots restate without a change, left out of ``sections``.
    public let unchangedPeriods: Int
    /// The citations the sections refer to, in order of number.
    public let citations: [Citation]
}

extension Warehouse {
    /// For each measure and source (or the ones named), the latest snapshot (published by
    /// `asOf`) against the figures in force just before it, period by period (or `period`
    /// alone): per entity the figure before and after, the change, the ranks, entrants and
    /// drops, the largest changes first. Synthetic measures are left out unless named or
    /// alone, as in the headline.
    public func changes(
        measure: String? = nil, source: String? = nil, period: Period? = nil, entities names: [String] = [],
        asOf: CalendarDate? = nil
    ) throws -> ChangesResult {
        let codes = Set(try entityCodes(names))
        return try database.read { connection in
            let catalog = CatalogReader(connection: connection)
            var measures = try Catalog.measures(in: connection)
            if let measure {
                measures = [try catalog.measure(measure)]
            } else if measures.contains(where: { !$0.isSynthetic }) {
                measures.removeAll(where: \.isSynthetic)
            }
            if let source, try Catalog.source(key: source, in: connection) == nil { throw QueryError.unknownSource(source) }
            var citations = CitationList()
            var sections: [ChangesResult.Section] = []
            var unchangedPeriods = 0
            for measure in measures {
                let sources = try connection.fetchAll(
                    "SELECT DISTINCT source FROM snapshots WHERE measure = ? AND (? IS NULL OR published_on <= ?) ORDER BY source",
                    measure.key, asOf?.description, asOf?.description
                ) { try $0.get(0) as String }
                for key in sources where source == nil || key == source {
                    let reader = ChangesReader(connection: connection, measure: measure.key, source: key)
                    guard let latest = try reader.latestSnapshot(asOf: asOf) else { continue }
                    for target in try reader.periods(of: latest) where period == nil || target == period {
                        let after = try reader.figures(of: latest.snapshotID, period: target)
                        var baseline = ChangesResult.Baseline.none
                        var baselinePeriod: Period?
                        var previous: Vintage?
                        if let earlier = try reader.vintage(before: latest, period: target) {
                            (baseline, baselinePeriod, previous) = (.earlierVintage, target, earlier)
                        } else if let (before, vintage) = try reader.previousPeriod(before: target, knownWith: latest) {
                            (baseline, baselinePeriod, previous) = (.previousPeriod, before, vintage)
                        }
                        let before = try previous.map { try reader.figures(of: $0.snapshotID, period: baselinePeriod!) } ?? [:]
                        var rows = Self.changeRows(before: before, after: after, hasBaseline: previous != nil)
                        if !codes.isEmpty { rows.removeAll { !codes.contains($0.entity) } }
                        // A restated period that nothing changed says nothing new.
                        if baseline == .earlierVintage, period == nil, rows.allSatisfy({ $0.status == .unchanged }) {
                            unchangedPeriods += 1
                            continue
                        }
                        sections.append(
                            ChangesResult.Section(
                                measure: measure, source: key, snapshotID: latest.snapshotID, publishedOn: latest.publishedOn,
                                period: target, baseline: baseline, baselinePeriod: baselinePeriod,
                                baselineSnapshotID: previous?.snapshotID, baselinePublishedOn: previous?.publishedOn,
                                citation: try citations.number(for: latest, measure: measure.key, catalog: catalog),
                                baselineCitation: try previous.map {
                                    try citations.number(for: $0, measure: measure.key, catalog: catalog)
                                },
                                rows: rows))
                    }
                }
            }
            guard !sections.isEmpty || unchangedPeriods > 0 else {
                let what = [measure.map { "the measure \($0)" }, source.map { "the source \($0)" }, period.map { "\($0)" }]
                    .compactMap { $0 }
                throw QueryError.noData("a snapshot " + (what.isEmpty ? "to report" : "of " + what.joined(separator: ", ")))
            }
            return ChangesResult(asOf: asOf, sections: sections, unchangedPeriods: unchangedPeriods, citations: citations.citations)
        }
    }

    /// Each entity's figure before and after, the largest changes first, then entrants
    /// (largest first), drops (largest first) and the unchanged (by rank).
    static func changeRows(
        before: [String: PublishedValue], after: [String: PublishedValue], hasBaseline: Bool
    ) -> [ChangesResult.Row] {
        func ranks(_ figures: [String: PublishedValue]) -> [String: Int] {
            let values = figures.values.map(\.value).sorted(by: >)
            return figures.mapValues { figure in 1 + values.prefix { $0 > figure.value }.count }
        }
        let (ranksBefore, ranksAfter) = (ranks(before), ranks(after))
        let rows = Set(before.keys).union(after.keys).map { code -> ChangesResult.Row in
            let (old, new) = (before[code], after[code])
            var change: Double?
            if let old, let new { change = rounded(new.value - old.value, decimals: max(old.decimals, new.decimals)) }
            let status: ChangesResult.Status =
                switch (old, new) {
                case (nil, _): hasBaseline ? .entered : .first
                case (_, nil): .dropped
                case (let old?, let new?): old == new ? .unchanged : .changed
                }
            return ChangesResult.Row(
                entity: code, before: old, after: new, change: change, rankBefore: ranksBefore[code], rankAfter: ranksAfter[code],
                status: status)
        }
        func order(_ row: ChangesResult.Row) -> (Int, Double) {
            switch row.status {
            case .changed: (0, -abs(row.change ?? 0))
            case .entered: (1, -(row.after?.value ?? 0))
            case .dropped: (2, -(row.before?.value ?? 0))
            case .unchanged, .first: (3, Double(row.rankAfter ?? .max))
            }
        }
        return rows.sorted { a, b in
            let (x, y) = (order(a), order(b))
            return x != y ? x < y : a.entity < b.entity
        }
    }
}

/// The reads behind ``Warehouse/changes(measure:source:period:entities:asOf:)`` for one
/// measure and source. Vintages are ordered by publication date, then import (the
/// vintage rule), so "before" a snapshot means earlier in that order.
private struct ChangesReader {
    let connection: Connection
    let measure: String
    let source: String

    /// A vintage from the columns `s.id, s.published_on, s.verification, s.coverage`.
    private func vintage(_ row: Row) throws -> Vintage {
        Vintage(
            snapshotID: try row.get(0), source: source, publishedOn: CalendarDate(try row.get(1) as String)!,
            verification: Verification(rawValue: try row.get(2)) ?? .unverified,
            coverage: Coverage(rawValue: try row.get(3)) ?? .topN)
    }

    func latestSnapshot(asOf: CalendarDate?) throws -> Vintage? {
        try connection.fetchOne(
            """
            SELECT s.id, s.published_on, s.verification, s.coverage FROM snapshots AS s
            WHERE s.measure = ? AND s.source = ? AND (? IS NULL OR s.published_on <= ?)
            ORDER BY s.published_on DESC, s.id DESC LIMIT 1
            """, measure, source, asOf?.description, asOf?.description, map: vintage)
    }

    /// The periods a snapshot gives, latest first.
    func periods(of snapshot: Vintage) throws -> [Period] {
        try connection.fetchAll(
            """
            SELECT p.start_date, p.end_date FROM snapshot_periods AS c JOIN periods AS p ON p.id = c.period_id
            WHERE c.snapshot_id = ? ORDER BY p.end_date DESC, p.start_date DESC
            """, snapshot.snapshotID
        ) { row in Period(start: CalendarDate(try row.get(0) as String)!, end: CalendarDate(try row.get(1) as String)!)! }
    }

    /// The vintage of `period` in force just before `snapshot` (or with it, `including` it).
    func vintage(before snapshot: Vintage, period: Period, including: Bool = false) throws -> Vintage? {
        try connection.fetchOne(
            """
            SELECT s.id, s.published_on, s.verification, s.coverage FROM snapshots AS s
            JOIN snapshot_periods AS c ON c.snapshot_id = s.id
            JOIN periods AS p ON p.id = c.period_id AND p.start_date = ? AND p.end_date = ?
            WHERE s.measure = ? AND s.source = ? AND (s.published_on < ? OR (s.published_on = ? AND s.id < ?))
            ORDER BY s.published_on DESC, s.id DESC LIMIT 1
            """, period.start.description, period.end.description, measure, source, snapshot.publishedOn.description,
            snapshot.publishedOn.description, snapshot.snapshotID + (including ? 1 : 0), map: vintage)
    }

    /// The latest period of the same length as `period` that ends before it starts, known
    /// by `snapshot` or before it, and its vintage in force with it.
    func previousPeriod(before period: Period, knownWith snapshot: Vintage) throws -> (Period, Vintage)? {
        let candidates = try connection.fetchAll(
            """
            SELECT DISTINCT p.start_date, p.end_date FROM snapshots AS s
            JOIN snapshot_periods AS c ON c.snapshot_id = s.id JOIN periods AS p ON p.id = c.period_id
            WHERE s.measure = ? AND s.source = ? AND p.end_date < ?
              AND (s.published_on < ? OR (s.published_on = ? AND s.id <= ?))
            ORDER BY p.end_date DESC, p.start_date DESC
            """, measure, source, period.start.description, snapshot.publishedOn.description,
            snapshot.publishedOn.description, snapshot.snapshotID
        ) { row in Period(start: CalendarDate(try row.get(0) as String)!, end: CalendarDate(try row.get(1) as String)!)! }
        let rule = PeriodLengthRule(candidates + [period])
        guard let previous = candidates.first(where: { rule.key(of: $0) == rule.key(of: period) }),
            let vintage = try vintage(before: snapshot, period: previous, including: true)
        else { return nil }
        return (previous, vintage)
    }

    func figures(of snapshotID: Int64, period: Period) throws -> [String: PublishedValue] {
        try StoredFigures.of(snapshot: snapshotID, period: period, on: connection)
    }
}
