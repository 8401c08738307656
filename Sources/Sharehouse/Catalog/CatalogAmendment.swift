/// What an amendment did: the source or measure amended and, per field that changed, the
/// change recorded. Values given that equal the stored ones change nothing and are not
/// listed; an amendment that changes nothing is ``changedNothing``, not an error.
public struct CatalogAmendment: Sendable, Hashable, Encodable {
    /// Whether a source or a measure was amended.
    public let kind: CatalogKind
    /// The amended source's or measure's key.
    public let key: String
    /// One per field changed, in the order of the fields.
    public let changes: [CatalogChange]

    /// An amendment of `key` that made `changes`.
    public init(kind: CatalogKind, key: String, changes: [CatalogChange]) {
        self.kind = kind
        self.key = key
        self.changes = changes
    }

    /// True when every value given equalled the stored one: nothing was written.
    public var changedNothing: Bool { changes.isEmpty }
}
