/// A stored listing: what it is cited to and covers, and how many models it holds.
public struct ListingSummary: Sendable, Hashable, Encodable {
    /// The listing's id.
    public let id: Int64
    /// The catalogue source it is cited to.
    public let source: String
    /// The day its counts were retrieved.
    public let retrievedOn: CalendarDate
    /// The days its downloads cover, ending on the retrieval day.
    public let windowDays: Int
    /// The Hub's API pages or the study's dataset.
    public let shape: ListingShape
    /// When it was imported (ISO 8601, UTC).
    public let importedAt: String
    /// The names of the files it was read from, in the order they were read.
    public let files: [String]
    /// The models it stores (those with downloads in the window).
    public let models: Int
    /// The models read but not stored (no downloads in the window).
    public let modelsSkipped: Int
    /// The downloads of all its models in its window.
    public let downloads: Int64
    /// SHA-256 of its canonical content: the same listing again is the same one.
    public let contentSHA256: String
}
