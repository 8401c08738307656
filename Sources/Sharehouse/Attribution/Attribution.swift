/// One row of an attribution table: a Hub author (user or organisation) and the country
/// or bucket its models are counted for, with the kind of account and the basis.
public struct Attribution: Sendable, Hashable, Codable {
    /// The author as the table writes it (`Qwen`); ``authorKey`` is how it is matched.
    public let author: String
    /// The entity code: an ISO 3166-1 country (`CN`), or `USER`, `INTL`, `UNKNOWN`.
    public let code: String
    /// The kind of account the author is.
    public let kind: AttributionKind
    /// The basis: a public page naming the headquarters (nil when the table's source is
    /// the only citation).
    public let url: String?
    /// A free-text note on the row, if the table has one.
    public let note: String?

    /// A row from its fields, as given.
    public init(author: String, code: String, kind: AttributionKind, url: String?, note: String?) {
        self.author = author
        self.code = code
        self.kind = kind
        self.url = url
        self.note = note
    }

    /// The author as the Hub matches it: without regard to case (`Qwen` and `qwen` are one
    /// account).
    public var authorKey: String { Self.key(author) }

    /// `author` with ASCII letters lower-cased. Hub names are ASCII, and SQLite's
    /// `lower()` (the schema's check) folds ASCII only: the two agree on every key.
    public static func key(_ author: String) -> String {
        guard author.utf8.contains(where: { (0x41...0x5A).contains($0) }) else { return author }
        return String(decoding: author.utf8.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    private enum CodingKeys: String, CodingKey {
        case author, code, kind, url, note
    }
}
