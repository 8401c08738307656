import SharehouseDB

/// How concentrated the shares are, period by period.
public struct ConcentrationResult: Sendable, Encodable {
    /// One period's concentration.
    public struct Row: Sendable, Encodable {
        /// The period.
        public let period: Period
        /// The Herfindahl-Hirschman index: the sum of squared shares in percent (0 to 10,000).
        public let hhi: Double
        /// The largest share, the three largest and the five largest, summed.
        public let cr1: Double
        /// The three largest shares, summed.
        public let cr3: Double
        /// The five largest shares, summed.
        public let cr5: Double
        /// The entity with the largest share.
        public let leader: String
        /// How many entities the figures list.
        public let entities: Int
        /// True when the figures are a top-N list or sum to less than 100: every index is
        /// then only a lower bound (the missing shares would add to it).
        public let isLowerBound: Bool
        /// The digits after the decimal point to show.
        public let decimals: Int
        /// The citation of the period's figures.
        public let citation: Int
    }

    /// The measure, the source policy, the notes and the citations.
    public let context: QueryContext
    /// One row per period, in time order.
    public let rows: [Row]
}

extension Warehouse {
    /// HHI, CR1, CR3, CR5 and the leader for each period between `from` and `to` (or of
    /// `period` alone), counting every entity with a figure.
    public func concentration(
        period: Period? = nil, from: Period? = nil, to: Period? = nil,
        scope: QueryScope = QueryScope()
    ) throws -> ConcentrationResult {
        return try database.read { connection in
            let measure = try measureKey(for: scope, periods: period.map { [$0] }, entities: [], on: connection)
            let book = try FigureBook.load(measure: measure, scope: scope, on: connection) { candidate in
                if let period { return candidate == period }
                return (from.map { candidate.start >= $0.start } ?? true) && (to.map { candidate.end <= $0.end } ?? true)
            }
            guard book.measure.unit == .percent else { throw QueryError.notAShare(measure: measure, query: "concentration") }
            guard !book.periods.isEmpty else { throw QueryError.noData(period.map { "\($0) in \(measure)" } ?? "the measure \(measure)") }
            let catalog = CatalogReader(connection: connection, asOf: scope.asOf)
            var citations = CitationList()
            var rows: [ConcentrationResult.Row] = []
            for page in book.periods {
                let figures = page.figures
                let decimals = figures.decimals
                let largest = figures.top(5)
                let total = figures.total
                let hhi = rounded(figures.values.reduce(0) { sum, share in sum + share.value * share.value }, decimals: 2 * decimals)
                let top: (Int) -> Double = { count in
                    rounded(largest.prefix(count).reduce(0) { $0 + figures.values[$1].value }, decimals: decimals)
                }
                let leader = figures.codes[largest[0]]
                let citation = try citations.number(for: page.vintage, measure: measure, catalog: catalog)
                rows.append(
                    .init(
                        period: page.period, hhi: hhi, cr1: top(1), cr3: top(3), cr5: top(5), leader: leader,
                        entities: figures.count, isLowerBound: page.vintage.coverage == .topN || total < 99.5,
                        decimals: decimals, citation: citation))
            }
            var notes: [ReportNote] = rows.contains(where: \.isLowerBound) ? [.concentrationLowerBound] : []
            if book.periods.count == 1, let choice = book.periods[0].choice {
                let publisher = citations.citations.first?.sources.first?.publisher
                notes.insert(.sourceChosen(choice, publisher: publisher ?? choice.source), at: 0)
            }
            return ConcentrationResult(
                context: QueryContext(
                    measure: book.measure, scope: scope, notes: notes,
                    citations: citations.citations), rows: rows)
        }
    }
}
