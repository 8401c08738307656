/// What every query is asked within: a measure, a source policy and an as-of date.
public struct QueryScope: Sendable, Hashable {
    /// The measure's key; nil lets the query choose (and say which): the one that has the
    /// figures asked for, else the default measure (``Warehouse/defaultMeasure()``).
    public var measure: String?
    public var sources: SourcePolicy
    /// What was known on this day: only snapshots published on or before it count.
    /// nil: everything imported.
    public var asOf: CalendarDate?

    public init(measure: String? = nil, sources: SourcePolicy = .preferred, asOf: CalendarDate? = nil) {
        self.measure = measure
        self.sources = sources
        self.asOf = asOf
    }
}
