import SharehouseDB

/// The ranking for one period.
public struct LeadersResult: Sendable, Encodable {
    /// One entity of the top.
    public struct Row: Sendable, Encodable {
        /// The rank (ties share a rank).
        public let rank: Int
        /// The entity's code.
        public let entity: String
        /// The figure as published.
        public let value: PublishedValue
    }

    /// The measure, the source policy, the notes and the citations.
    public let context: QueryContext
    /// The period.
    public let period: Period
    /// The citation of the figures.
    public let citation: Int
    /// The top entities, ties ranked alike (a tie at the cut keeps every tied entity).
    public let rows: [Row]
    /// The listed figures below the top: how many, and their sum.
    public let otherCount: Int
    /// The listed entities below the top, summed; nil when there are none.
    public let other: PublishedValue?
    /// For shares: 100 minus every listed figure, the part the source does not break down.
    public let notReported: PublishedValue?
}

extension Warehouse {
    /// The ranking of `period` (by default the latest period of the measure): the top
    /// `top` entities, then the rest as "other".
    public func leaders(period: Period? = nil, top: Int? = nil, scope: QueryScope = QueryScope()) throws -> LeadersResult {
        let top = top ?? ReportDefaults.top
        guard top > 0 else { throw QueryError.invalid("top must be at least 1") }
        return try database.read { connection in
            let measure = try measureKey(for: scope, periods: period.map { [$0] }, entities: [], on: connection)
            let book = try FigureBook.load(measure: measure, scope: scope, on: connection) { period == nil || $0 == period }
            guard let page = period == nil ? book.periods.last : book.periods.first else {
                throw QueryError.noData(
                    (period.map { "\($0) in the measure \(measure)" } ?? "the measure \(measure)")
                        + (scope.asOf.map { " as known on \($0)" } ?? ""))
            }
            var citations = CitationList()
            let citation = try citations.number(
                for: page.vintage, measure: measure, catalog: CatalogReader(connection: connection, asOf: scope.asOf))
            let figures = page.figures
            let ordered = figures.ranking()
            let shown = ordered.prefix { $0.rank <= top }
            let rest = ordered.dropFirst(shown.count)
            let decimals = figures.decimals
            let other =
                rest.isEmpty
                ? nil
                : PublishedValue(
                    value: rounded(rest.reduce(0) { $0 + figures.values[$1.index].value }, decimals: decimals), decimals: decimals)
            var notReported: PublishedValue?
            var notes: [ReportNote] = []
            if book.measure.unit == .percent {
                let total = figures.total
                let rest = rounded(100 - total, decimals: decimals)
                if rest > 0 { notReported = PublishedValue(value: rest, decimals: decimals) }
                if page.vintage.coverage == .topN {
                    notes.append(.topEntitiesOnly(rest: notReported))
                }
            }
            if shown.count > top { notes.append(.tieAtCut(rank: top)) }
            if let choice = page.choice {
                let publisher = citations.citations.first { $0.number == citation }?.sources.first?.publisher
                notes.insert(.sourceChosen(choice, publisher: publisher ?? choice.source), at: 0)
            }
            return LeadersResult(
                context: QueryContext(measure: book.measure, scope: scope, notes: notes, citations: citations.citations),
                period: page.period, citation: citation,
                rows: shown.map { .init(rank: $0.rank, entity: figures.codes[$0.index], value: figures.values[$0.index]) },
                otherCount: rest.count, other: other, notReported: notReported)
        }
    }
}
