/// Where an attribution table puts one Hub author: its entity code and kind when the
/// table has a row for it, else `UNKNOWN` and `matched` false, so that a derivation
/// counts the author's downloads as unknown and can list it for a row to be added.
public struct AttributionLookup: Sendable, Hashable, Encodable {
    /// The entity code: a country, `USER`, `INTL`, or `UNKNOWN` (also for an author the
    /// table does not know).
    public let code: String
    /// The kind of account; nil when the table has no row for the author.
    public let kind: AttributionKind?
    /// True when the table has a row for the author.
    public let matched: Bool

    /// A lookup from its code, kind and whether the table has a row.
    public init(code: String, kind: AttributionKind?, matched: Bool) {
        self.code = code
        self.kind = kind
        self.matched = matched
    }

    /// The entity an author the table does not know is counted for.
    public static let unknownCode = "UNKNOWN"

    /// An author with no row.
    public static let unmatched = AttributionLookup(code: unknownCode, kind: nil, matched: false)
}
