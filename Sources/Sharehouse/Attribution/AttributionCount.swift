/// How many authors an attribution table puts in one country or bucket.
public struct AttributionCount: Sendable, Hashable, Encodable {
    /// The entity code: a country, or `USER`, `INTL`, `UNKNOWN`.
    public let code: String
    /// How many authors the table attributes to ``code``.
    public let authors: Int

    /// A count from its code and number of authors.
    public init(code: String, authors: Int) {
        self.code = code
        self.authors = authors
    }

    /// The counts of `rows` by code, most authors first, then by code.
    static func counting(_ rows: [Attribution]) -> [AttributionCount] {
        Dictionary(grouping: rows, by: \.code)
            .map { AttributionCount(code: $0.key, authors: $0.value.count) }
            .sorted { ($1.authors, $0.code) < ($0.authors, $1.code) }
    }
}
