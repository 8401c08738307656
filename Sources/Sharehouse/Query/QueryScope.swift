/// What every query is asked within: a measure, a source policy and an as-of date.
public struct QueryScope: Sendable, Hashable {
    /// The measure's key; nil lets the query choose (and say which): the one that has the
    /// figures asked for, else the default measure (``Warehouse/defaultMeasure()``).
    public var measure: String?
    /// Which sources: one, or per period the one a reader would pick.
    public var sources: SourcePolicy
    /// What was known on this day: only snapshots published on or before it count.
    /// nil: everything imported.
    public var asOf: CalendarDate?

    /// A scope; the defaults take the default measure, the preferred source per period, and the figures known now.
    public init(measure: String? = nil, sources: SourcePolicy = .preferred, asOf: CalendarDate? = nil) {
        self.measure = measure
        self.sources = sources
        self.asOf = asOf
    }
}
