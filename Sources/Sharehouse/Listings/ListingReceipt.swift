/// What a listing import did: the listing it stored (or found), how many models it
/// stored and skipped, and what it read.
public struct ListingReceipt: Sendable, Hashable, Encodable {
    /// What the import did.
    public enum Outcome: String, Sendable, Hashable, Encodable {
        /// A new listing was written.
        case imported
        /// The same listing (same shape, source, date, window and models) was already
        /// imported: nothing was written.
        case unchanged
        /// Everything was checked, nothing was written.
        case dryRun = "dry_run"
    }

    /// Imported, unchanged (already stored) or checked only (a dry run).
    public let outcome: Outcome
    /// The listing written, the one it would be (dry run), or the one that already holds
    /// the same content (unchanged).
    public let listingID: Int64
    /// The catalogue source the listing is cited to.
    public let source: String
    /// The day the counts were retrieved.
    public let retrievedOn: CalendarDate
    /// The days the downloads cover, ending on the retrieval day.
    public let windowDays: Int
    /// The Hub's API pages or the study's dataset.
    public let shape: ListingShape
    /// The files read, in the order they were read.
    public let files: [String]
    /// Records read: models for the Hub's listings, weekly rows for the study dataset.
    public let rowsRead: Int
    /// Rows of the study dataset dated after the retrieval date, read and checked but not
    /// counted (0 for the Hub's listings).
    public let rowsAfterWindow: Int
    /// Models with downloads in the window: those stored (or, unchanged, already stored).
    public let modelsStored: Int
    /// Models read without downloads in the window, not stored.
    public let modelsSkipped: Int
    /// Base models named, over all stored models.
    public let basesStored: Int
}
