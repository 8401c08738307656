/// A source as `sources show` presents it: the source and the sources it relays, as the
/// catalogue had them on a day, and the amendments of each.
public struct SourceDetails: Sendable, Hashable, Encodable {
    /// The day the catalogue was read as of (its changes on that day included); nil: now.
    public let asOf: CalendarDate?
    /// The source, then each source it relays (article, newspaper, study), as on ``asOf``.
    public let chain: [Source]
    /// The changes of the sources in ``chain`` made by ``asOf``, oldest first.
    public let history: [CatalogChange]
    /// How many changes of them were made after ``asOf``: not applied, not listed.
    public let laterChanges: Int

    /// The details of a source as of `asOf`: its chain, its history and the changes made after that day.
    public init(asOf: CalendarDate?, chain: [Source], history: [CatalogChange], laterChanges: Int) {
        self.asOf = asOf
        self.chain = chain
        self.history = history
        self.laterChanges = laterChanges
    }

    private enum CodingKeys: String, CodingKey {
        case asOf, chain, history, laterChanges
    }

    /// Every key always: `as_of` is `null` when the catalogue was read as it is now.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(asOf, forKey: .asOf)
        try container.encode(chain, forKey: .chain)
        try container.encode(history, forKey: .history)
        try container.encode(laterChanges, forKey: .laterChanges)
    }
}
