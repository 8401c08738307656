/// A stored listing: what it is cited to and covers, and how many models it holds.
public struct ListingSummary: Sendable, Hashable, Encodable {
    public let id: Int64
    public let source: String
    public let retrievedOn: CalendarDate
    public let windowDays: Int
    public let shape: ListingShape
    /// When it was imported (ISO 8601, UTC).
    public let importedAt: String
    /// The names of the files it was read from, in the order they were read.
    public let files: [String]
    public let models: Int
    public let modelsSkipped: Int
    /// The downloads of all its models in its window.
    public let downloads: Int64
    public let contentSHA256: String
}
