import SharehouseDB

/// One or more entities over periods of one length, in time order.
public struct SeriesResult: Sendable, Encodable {
    /// One figure of the series.
    public struct Point: Sendable, Encodable {
        /// The period.
        public let period: Period
        /// The entity's code.
        public let entity: String
        /// The figure as published.
        public let value: PublishedValue
        /// The source's key.
        public let source: String
        /// The citation of the figure.
        public let citation: Int
    }

    /// The measure, the source policy, the notes and the citations.
    public let context: QueryContext
    /// The entities' codes, in the order asked for or by rank.
    public let entities: [String]
    /// The length of every period of the series.
    public let periodLength: PeriodLength
    /// The points, in time order.
    public let points: [Point]
}

extension Warehouse {
    /// The figures of `entities` over the periods of one length between `from` and `to`
    /// (by default all), in time order. When the measure has periods of several lengths
    /// (months and trailing years), `length` chooses; by default the most frequent one,
    /// and the result notes what it left out. No entities: the `top` (by default
    /// ``ReportDefaults/seriesTop``) of the latest period, buckets such as `INTL` included.
    public func series(
        entities names: [String] = [], top: Int? = nil, from: Period? = nil, to: Period? = nil, length: PeriodLength? = nil,
        scope: QueryScope = QueryScope()
    ) throws -> SeriesResult {
        let codes: [String]
        if names.isEmpty {
            let count = top ?? ReportDefaults.seriesTop
            codes = Array(try leaders(top: count, scope: scope).rows.prefix(count).map(\.entity))
        } else {
            codes = try entityCodes(names)
        }
        return try database.read { connection in
            let measure = try measureKey(for: scope, periods: nil, entities: codes, on: connection)
            let book = try FigureBook.load(measure: measure, scope: scope, on: connection, entities: codes) { period in
                (from.map { period.start >= $0.start } ?? true) && (to.map { period.end <= $0.end } ?? true)
            }
            let relevant = book.periods.filter { page in codes.contains { page.figures[$0] != nil } }
            guard !relevant.isEmpty else {
                throw QueryError.noData("\(codes.joined(separator: ", ")) in the measure \(measure)")
            }
            var notes: [ReportNote] = []
            let rule = PeriodLengthRule(relevant.map(\.period))
            let lengths = Dictionary(grouping: relevant, by: { rule.key(of: $0.period) })
            let chosen =
                length
                ?? lengths.max { a, b in
                    (a.value.count, b.key.sortKey) < (b.value.count, a.key.sortKey)
                }!.key
            let skipped = relevant.count - (lengths[chosen]?.count ?? 0)
            if skipped > 0 {
                let others = lengths.keys.filter { $0 != chosen }.sorted { $0.description < $1.description }
                notes.append(.otherLengthsLeftOut(count: skipped, lengths: others))
            }
            let catalog = CatalogReader(connection: connection, asOf: scope.asOf)
            var citations = CitationList()
            var points: [SeriesResult.Point] = []
            for page in relevant where rule.key(of: page.period) == chosen {
                for code in codes {
                    guard let value = page.figures[code] else { continue }
                    points.append(
                        .init(
                            period: page.period, entity: code, value: value, source: page.vintage.source,
                            citation: try citations.number(for: page.vintage, measure: measure, catalog: catalog)))
                }
            }
            if points.isEmpty { throw QueryError.noData("\(codes.joined(separator: ", ")) over periods of \(chosen)") }
            if case .months(let n) = chosen, n > 1, Set(points.map(\.period)).count > 1 {
                notes.append(.overlappingWindows(months: n))
            }
            notes += ReportNote.coverage(book.periods.map(\.vintage))
            return SeriesResult(
                context: QueryContext(measure: book.measure, scope: scope, notes: notes, citations: citations.citations),
                entities: codes, periodLength: chosen, points: points)
        }
    }
}

extension PeriodLength {
    /// Shorter first, months before days, for choosing among equally frequent lengths.
    var sortKey: Int {
        switch self {
        case .months(let n): n * 31
        case .days(let n): n
        }
    }
}
