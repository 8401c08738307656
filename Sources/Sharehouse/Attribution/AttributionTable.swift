/// One version of the attribution table, whole: its rows by author, its citation, and
/// the lookup a derivation calls for every model's author.
///
/// ```swift
/// let table = try warehouse.attribution(version: nil)      // the latest
/// table.lookup(author: "qwen")   // AttributionLookup(code: "CN", kind: .company, matched: true)
/// table.lookup(author: "someone") // code "UNKNOWN", matched false
/// ```
public struct AttributionTable: Sendable, Encodable {
    /// The version as stored: its number, source, file and hash.
    public let summary: AttributionVersionSummary
    /// The table's source, as the catalogue holds it (nil only if it could not be read).
    public let citation: Source?
    /// Every row, by author key.
    public let rows: [Attribution]
    /// Row indexes by author key.
    private let index: [String: Int]

    /// The version every figure derived with this table records.
    public var version: Int { summary.version }

    /// A table from its summary, citation and rows (sorted by author key here).
    public init(summary: AttributionVersionSummary, citation: Source?, rows: [Attribution]) {
        self.summary = summary
        self.citation = citation
        let sorted = rows.sorted { $0.authorKey < $1.authorKey }
        self.rows = sorted
        // The import refuses an author twice; should two rows share a key anyway, the
        // first is kept, so a lookup never depends on dictionary order.
        self.index = Dictionary(sorted.indices.map { (sorted[$0].authorKey, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The row for a Hub author, compared without regard to case, or nil.
    public func attribution(forAuthor author: String) -> Attribution? {
        index[Attribution.key(author)].map { rows[$0] }
    }

    /// Where the table puts a Hub author (compared without regard to case): its code and
    /// kind, or `UNKNOWN` with `matched` false when it has no row for it.
    public func lookup(author: String) -> AttributionLookup {
        guard let row = attribution(forAuthor: author) else { return .unmatched }
        return AttributionLookup(code: row.code, kind: row.kind, matched: true)
    }

    /// How many authors each code has, most first (then by code).
    public var authorsByCode: [AttributionCount] {
        AttributionCount.counting(rows)
    }

    private enum CodingKeys: String, CodingKey {
        case version, source, importedAt, fileName, contentSHA256, authors, citation, rows
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(summary.version, forKey: .version)
        try container.encode(summary.source, forKey: .source)
        try container.encode(summary.importedAt, forKey: .importedAt)
        try container.encode(summary.fileName, forKey: .fileName)
        try container.encode(summary.contentSHA256, forKey: .contentSHA256)
        try container.encode(summary.authors, forKey: .authors)
        try container.encode(citation, forKey: .citation)
        try container.encode(rows, forKey: .rows)
    }
}
