import SharehouseDB

/// The same period across sources and measures, side by side, each column labelled with
/// its measure, so that figures of different measures are never read as one series.
public struct CrossSourceResult: Sendable, Encodable {
    /// One source's figures for one measure.
    public struct Column: Sendable, Encodable {
        /// The column's measure.
        public let measure: Measure
        /// The column's source.
        public let source: String
        /// The column's period: the one asked for, or a longer window that overlaps it.
        public let period: Period
        /// True when the column's period is the one asked for, false when it only overlaps.
        public let isExactPeriod: Bool
        /// The citation of the column's figures.
        public let citation: Int
    }

    /// One entity across the columns.
    public struct Row: Sendable, Encodable {
        /// The entity's code.
        public let entity: String
        /// One figure per column (nil: the column's source gives none).
        public let values: [PublishedValue?]
    }

    /// The period asked for.
    public let period: Period
    /// The day the figures were known on; nil for now.
    public let asOf: CalendarDate?
    /// One column per source and measure.
    public let columns: [Column]
    /// One row per entity.
    public let rows: [Row]
    /// What a reader must know to read the table right.
    public let notes: [ReportNote]
    /// The citations the columns refer to.
    public let citations: [Citation]
}

extension Warehouse {
    /// Every measure and source with figures for `period` (by default the latest period of
    /// the default measure), and, unless `exactOnly`, for periods at least as long that
    /// overlap it (labelled with their own period), for `entities` (all when empty).
    public func crossSource(
        period: Period? = nil, entities names: [String] = [], exactOnly: Bool = false,
        asOf: CalendarDate? = nil
    ) throws -> CrossSourceResult {
        let codes = try entityCodes(names)
        let target: Period
        if let period {
            target = period
        } else {
            guard let measure = try defaultMeasure() else { throw QueryError.noData("any measure: the warehouse is empty") }
            target = try leaders(top: 1, scope: QueryScope(measure: measure.key, asOf: asOf)).period
        }
        return try database.read { connection in
            let catalog = CatalogReader(connection: connection, asOf: asOf)
            let measures = try catalog.measures()
            var columns: [CrossSourceResult.Column] = []
            var columnFigures: [FigureTable] = []
            var citations = CitationList()
            for measure in measures {
                // Every source on its own: one column per (source, period) in force.
                let sources = try connection.fetchAll(
                    "SELECT DISTINCT source FROM snapshots WHERE measure = ? ORDER BY source", measure.key
                ) { try $0.get(0) as String }
                for source in sources {
                    let book = try FigureBook.load(
                        measure: measure.key, scope: QueryScope(measure: measure.key, sources: .only(source), asOf: asOf),
                        on: connection
                    ) { period in
                        // Overlapping windows at least as long as the one asked for (a
                        // trailing year, a cumulative total), never the months inside it.
                        period == target || (!exactOnly && period.overlaps(target) && period.days >= target.days)
                    }
                    for page in book.periods {
                        let shown = codes.isEmpty ? page.figures : page.figures.filter(Set(codes))
                        guard !shown.isEmpty else { continue }
                        columns.append(
                            .init(
                                measure: measure, source: source, period: page.period, isExactPeriod: page.period == target,
                                citation: try citations.number(for: page.vintage, measure: measure.key, catalog: catalog)))
                        columnFigures.append(shown)
                    }
                }
            }
            guard !columns.isEmpty else { throw QueryError.noData("\(target) in any measure") }
            // Exact period first, then by measure, period and source.
            let order = columns.indices.sorted { a, b in
                let x = columns[a]
                let y = columns[b]
                return (x.isExactPeriod ? 0 : 1, x.measure.key, x.period.end, x.period.start, x.source)
                    < (y.isExactPeriod ? 0 : 1, y.measure.key, y.period.end, y.period.start, y.source)
            }
            let sortedColumns = order.map { columns[$0] }
            let sortedFigures = order.map { columnFigures[$0] }
            let entities = codes.isEmpty ? Array(Set(sortedFigures.flatMap(\.codes))) : codes
            let rows = entities.map { code in CrossSourceResult.Row(entity: code, values: sortedFigures.map { $0[code] }) }
                .sorted { a, b in
                    let x = a.values.compactMap { $0?.value }.max() ?? -1
                    let y = b.values.compactMap { $0?.value }.max() ?? -1
                    return (x, b.entity) > (y, a.entity)
                }
            var notes: [ReportNote] = []
            let distinctMeasures = Set(sortedColumns.map(\.measure.key))
            if distinctMeasures.count > 1 { notes.append(.measuresSideBySide(count: distinctMeasures.count)) }
            if sortedColumns.contains(where: { !$0.isExactPeriod }) { notes.append(.columnsOnlyOverlap(target)) }
            return CrossSourceResult(
                period: target, asOf: asOf, columns: sortedColumns, rows: rows, notes: notes,
                citations: citations.citations)
        }
    }
}
