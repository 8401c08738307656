/// One version of the attribution table, as stored: never changed once imported.
public struct AttributionVersionSummary: Sendable, Hashable, Encodable {
    /// The version number.
    public let version: Int
    /// The key of its source (citation) in the catalogue.
    public let source: String
    /// When it was imported (ISO 8601).
    public let importedAt: String
    /// The file it was read from, its base name (nil for standard input).
    public let fileName: String?
    /// SHA-256 of the canonical content: the source and the rows, by author.
    public let contentSHA256: String
    /// How many authors it attributes.
    public let authors: Int

    /// A summary from its stored fields.
    public init(version: Int, source: String, importedAt: String, fileName: String?, contentSHA256: String, authors: Int) {
        self.version = version
        self.source = source
        self.importedAt = importedAt
        self.fileName = fileName
        self.contentSHA256 = contentSHA256
        self.authors = authors
    }
}
