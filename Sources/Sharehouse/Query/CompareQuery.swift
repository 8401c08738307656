import SharehouseDB

/// Two periods side by side for every entity.
public struct ComparisonResult: Sendable, Encodable {
    /// One entity in the two periods.
    public struct Row: Sendable, Encodable {
        /// The entity's code.
        public let entity: String
        /// The figure in the first period; nil when there is none.
        public let from: PublishedValue?
        /// The figure in the second period; nil when there is none.
        public let to: PublishedValue?
        /// to - from, in the measure's unit (percentage points for shares).
        public let change: Double?
        /// The change relative to `from`, in percent; nil when from is 0 or missing.
        public let relativeChange: Double?
        /// The rank in the first period (ties share a rank).
        public let fromRank: Int?
        /// The rank in the second period (ties share a rank).
        public let toRank: Int?
        /// Positive when the entity moved up (from rank 3 to rank 1: +2).
        public let rankChange: Int?
        /// Decimals to show the change with: the finer of the two figures'.
        public let decimals: Int
    }

    /// The measure, the source policy, the notes and the citations.
    public let context: QueryContext
    /// The first period.
    public let from: Period
    /// The second period.
    public let to: Period
    /// The citation of the first period's figures.
    public let fromCitation: Int
    /// The citation of the second period's figures.
    public let toCitation: Int
    /// The part two overlapping periods (two trailing windows) share; nil when they do not.
    public let overlap: Period?
    /// One row per entity, the second period's leaders first.
    public let rows: [Row]
}

extension Warehouse {
    /// Compares the latest period of the measure with the one before it, of the same
    /// length ("what changed this month?"); otherwise as ``compare(from:to:entities:scope:)``.
    public func compareLatest(entities names: [String] = [], scope: QueryScope = QueryScope()) throws -> ComparisonResult {
        let (measure, from, to) = try database.read { connection -> (String, Period, Period) in
            let measure = try measureKey(for: scope, periods: nil, entities: [], on: connection)
            let periods = try FigureBook.load(measure: measure, scope: scope, on: connection, entities: []).periods.map(\.period)
            let rule = PeriodLengthRule(periods)
            guard let last = periods.last,
                let previous = periods.dropLast().last(where: { rule.key(of: $0) == rule.key(of: last) && $0.end < last.start })
            else {
                throw QueryError.noData("two periods of one length to compare in the measure \(measure)")
            }
            return (measure, previous, last)
        }
        var scope = scope
        scope.measure = measure
        return try compare(from: from, to: to, entities: names, scope: scope)
    }

    /// Compares two periods for `entities` (all entities of either period when empty):
    /// values, change, relative change, ranks and rank change. Ranks count every entity
    /// with a figure in the period; equal figures share a rank.
    public func compare(
        from: Period, to: Period, entities names: [String] = [],
        scope: QueryScope = QueryScope()
    ) throws -> ComparisonResult {
        let codes = try entityCodes(names)
        return try database.read { connection in
            let measure = try measureKey(for: scope, periods: [from, to], entities: codes, on: connection)
            let book = try FigureBook.load(measure: measure, scope: scope, on: connection) { $0 == from || $0 == to }
            guard let before = book.periods.first(where: { $0.period == from }) else {
                throw QueryError.noData("\(from) in the measure \(measure)")
            }
            guard let after = book.periods.first(where: { $0.period == to }) else {
                throw QueryError.noData("\(to) in the measure \(measure)")
            }
            let catalog = CatalogReader(connection: connection, asOf: scope.asOf)
            var citations = CitationList()
            let fromCitation = try citations.number(for: before.vintage, measure: measure, catalog: catalog)
            let toCitation = try citations.number(for: after.vintage, measure: measure, catalog: catalog)
            let fromRanks = before.figures.ranks()
            let toRanks = after.figures.ranks()
            let shown = codes.isEmpty ? Array(Set(before.figures.codes).union(after.figures.codes)) : Array(Set(codes))
            let rows = shown.map { code -> ComparisonResult.Row in
                let fromIndex = before.figures.index(of: code)
                let toIndex = after.figures.index(of: code)
                let a = fromIndex.map { before.figures.values[$0] }
                let b = toIndex.map { after.figures.values[$0] }
                let fromRank = fromIndex.map { fromRanks[$0] }
                let toRank = toIndex.map { toRanks[$0] }
                let decimals = max(a?.decimals ?? 0, b?.decimals ?? 0)
                let change = a.flatMap { a in b.map { rounded($0.value - a.value, decimals: decimals) } }
                let relative = a.flatMap { a in a.value == 0 ? nil : change.map { rounded($0 / a.value * 100, decimals: 2) } }
                let rankChange = fromRank.flatMap { old in toRank.map { old - $0 } }
                return .init(
                    entity: code, from: a, to: b, change: change, relativeChange: relative, fromRank: fromRank,
                    toRank: toRank, rankChange: rankChange, decimals: decimals)
            }.sorted { ($0.to?.value ?? -1, $0.from?.value ?? -1, $1.entity) > ($1.to?.value ?? -1, $1.from?.value ?? -1, $0.entity) }
            var notes: [ReportNote] = []
            let overlap = from.overlaps(to) ? Period(start: max(from.start, to.start), end: min(from.end, to.end)) : nil
            if let overlap { notes.append(.periodsOverlap(shared: overlap)) }
            if PeriodLength.key(of: from, among: [from, to]) != PeriodLength.key(of: to, among: [from, to]) {
                notes.append(.periodLengthsDiffer(PeriodLength(from), PeriodLength(to)))
            }
            if before.vintage.source != after.vintage.source {
                notes.append(.sourcesDiffer(before.vintage.source, after.vintage.source))
            }
            notes += ReportNote.coverage([before.vintage, after.vintage])
            return ComparisonResult(
                context: QueryContext(measure: book.measure, scope: scope, notes: notes, citations: citations.citations),
                from: from, to: to, fromCitation: fromCitation, toCitation: toCitation,
                overlap: overlap, rows: rows)
        }
    }
}
