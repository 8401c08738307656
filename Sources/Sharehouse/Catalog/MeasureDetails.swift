/// A measure as `measures show` presents it: its definition as the catalogue had it on a
/// day, and its amendments.
public struct MeasureDetails: Sendable, Hashable, Encodable {
    /// The day the catalogue was read as of (its changes on that day included); nil: now.
    public let asOf: CalendarDate?
    /// The measure as it was on the day asked for (as it is, without one).
    public let measure: Measure
    /// The measure's changes made by ``asOf``, oldest first.
    public let history: [CatalogChange]
    /// How many changes were made after ``asOf``: not applied, not listed.
    public let laterChanges: Int

    /// The details of `measure` as of `asOf`, with its history.
    public init(asOf: CalendarDate?, measure: Measure, history: [CatalogChange], laterChanges: Int) {
        self.asOf = asOf
        self.measure = measure
        self.history = history
        self.laterChanges = laterChanges
    }

    private enum CodingKeys: String, CodingKey {
        case asOf, measure, history, laterChanges
    }

    /// Every key always: `as_of` is `null` when the catalogue was read as it is now.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(asOf, forKey: .asOf)
        try container.encode(measure, forKey: .measure)
        try container.encode(history, forKey: .history)
        try container.encode(laterChanges, forKey: .laterChanges)
    }
}
