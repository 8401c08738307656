/// One field of a source or measure changed by an amendment, as `catalog_changes`
/// records it: the value before and after, when, and why.
public struct CatalogChange: Sendable, Hashable, Encodable {
    /// The change's number in the history, oldest first.
    public let id: Int64
    /// Whether a source or a measure changed.
    public let kind: CatalogKind
    /// The source's or measure's key.
    public let key: String
    /// The column changed, as the table names it (`url`, `published_on`): a raw value of
    /// ``Source/Field`` or ``Measure/Field``.
    public let field: String
    /// The values as the table stores them (dates as `YYYY-MM-DD`); nil for none.
    public let oldValue: String?
    /// The value after, as the column stores it; nil when the field was cleared.
    public let newValue: String?
    /// When the change was made, in UTC: `2026-03-01T09:30:00Z`.
    public let changedAt: String
    /// Why, as the amendment said; nil when it gave no reason.
    public let reason: String?

    /// A change of `field` of the source or measure `key`, as the history stores it.
    public init(
        id: Int64, kind: CatalogKind, key: String, field: String, oldValue: String?, newValue: String?, changedAt: String,
        reason: String?
    ) {
        self.id = id
        self.kind = kind
        self.key = key
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
        self.changedAt = changedAt
        self.reason = reason
    }

    /// The day of the change in UTC: the catalogue as of a day includes the changes made
    /// on it.
    public var changedOn: CalendarDate? { CalendarDate(changedAt.prefix(10)) }

    private enum CodingKeys: String, CodingKey {
        case id, kind, key, field, oldValue, newValue, changedAt, reason
    }

    /// Every key always, `null` for none: a cleared field shows its new value as `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(key, forKey: .key)
        try container.encode(field, forKey: .field)
        try container.encode(oldValue, forKey: .oldValue)
        try container.encode(newValue, forKey: .newValue)
        try container.encode(changedAt, forKey: .changedAt)
        try container.encode(reason, forKey: .reason)
    }
}
