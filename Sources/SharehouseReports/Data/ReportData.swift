public import Sharehouse

/// A report as data: one header of `snake_case` names and rows of typed cells, which
/// CSV, TSV, JSON and NDJSON write alike. Cells hold plain numbers with their published
/// digits (`17.10` stays `17.10`), codes and names in fields of their own, and nothing
/// for people only: no `%`, `pp`, arrows, signs or thousands separators; empty is empty.
public struct ReportData: Sendable {
    /// A typed cell.
    public enum Cell: Sendable, Equatable {
        /// Words, codes or periods.
        case text(String)
        /// A count or a rank.
        case integer(Int)
        /// A figure as published.
        case number(PublishedValue)
        /// True or false.
        case boolean(Bool)
        /// Nothing: empty in CSV, `null` in JSON.
        case empty

        /// A computed figure (a change, a ratio), written with `decimals` decimals.
        public static func number(_ value: Double, decimals: Int) -> Cell {
            .number(PublishedValue(value: value, decimals: decimals))
        }
    }

    /// What the report is (`leaders`, `series`...), for JSON.
    public var report: String
    /// The header: `snake_case` names.
    public var columns: [String]
    /// The rows, one cell per column.
    public var rows: [[Cell]] = []
    /// The measure, source policy, as-of date, notes and citations, for JSON; nil for
    /// ad-hoc SQL.
    public var context: QueryContext?
    /// Citations of a report whose context has none of its own (`report sources`).
    public var citations: [Citation] = []
    /// Notes and the as-of date of such a report.
    public var notes: [ReportNote] = []
    /// The day the figures were known on, for JSON; nil for now.
    public var asOf: CalendarDate?
    /// For a report whose value columns are sources (`report sources`): what each holds.
    public var columnSources: [ColumnSource] = []

    /// The source, measure, unit, period and citation of one value column.
    public struct ColumnSource: Sendable, Encodable {
        /// The column's header.
        public let column: String
        /// The source of the column's figures.
        public let source: String
        /// The measure of the column's figures.
        public let measure: String
        /// The measure's unit.
        public let unit: String
        /// The column's period.
        public let period: Period
        /// The citation of the column's figures.
        public let citation: Int
    }

    /// A report named `report` with `columns`, citing what `context` cites.
    public init(report: String, columns: [String], context: QueryContext? = nil) {
        self.report = report
        self.columns = columns
        self.context = context
        self.citations = context?.citations ?? []
        self.notes = context?.notes ?? []
        self.asOf = context?.asOf
    }

    /// Adds a row; it must have a cell per column.
    public mutating func append(_ row: [Cell]) {
        precondition(row.count == columns.count, "a row needs one cell per column")
        rows.append(row)
    }
}

extension ReportData.Cell {
    /// `text`, or empty when there is none.
    static func text(_ text: String?) -> Self { text.map(Self.text) ?? .empty }
    static func number(_ value: PublishedValue?) -> Self { value.map(Self.number) ?? .empty }
    static func integer(_ value: Int?) -> Self { value.map(Self.integer) ?? .empty }
}
