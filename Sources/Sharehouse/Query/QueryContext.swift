/// What every query result says about itself: the measure it is about, the rule that
/// chose its sources, the as-of date, notes a reader must see, and its citations.
public struct QueryContext: Sendable, Encodable {
    /// The measure of the figures.
    public let measure: Measure
    /// The source policy the query applied.
    public let sourcePolicy: SourcePolicy
    /// The day the figures were known on; nil for now.
    public let asOf: CalendarDate?
    /// Things the reader must know to read the figures right (a lower bound, overlapping
    /// windows, periods left out).
    public let notes: [ReportNote]
    /// The snapshots the figures come from; rows refer to them by number.
    public let citations: [Citation]

    init(measure: Measure, scope: QueryScope, notes: [ReportNote], citations: [Citation]) {
        self.measure = measure
        self.sourcePolicy = scope.sources
        self.asOf = scope.asOf
        self.notes = notes
        self.citations = citations
    }
}
