/// One stored listing in more detail: its summary, its source's citation, how many
/// authors and bases it names, and its models with the most downloads.
public struct ListingDetail: Sendable, Hashable, Encodable {
    /// How many models ``Warehouse/listing(id:top:)`` lists unless told.
    public static let defaultTop = 10

    /// The listing: its source, date, window and counts.
    public let summary: ListingSummary
    /// The source it is cited to.
    public let citation: Source?
    /// Distinct authors of its models.
    public let authors: Int
    /// Base models named, over all its models.
    public let bases: Int
    /// Its models with the most downloads (ties: by id), with their bases.
    public let topModels: [ListingModel]
}
