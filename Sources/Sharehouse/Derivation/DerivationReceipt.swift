/// What a derivation computed and stored: the listing and table it read, the two
/// snapshots it wrote (or found unchanged), each country's downloads and share, and the
/// authors no attribution matched, largest first, so the user knows which rows to add.
public struct DerivationReceipt: Sendable, Encodable {
    /// One country's (or bucket's) downloads and share.
    public struct Figure: Sendable, Hashable, Encodable {
        public let entity: String
        /// Downloads attributed to it (a fraction where a merge was split).
        public let downloads: Double
        public let share: PublishedValue
    }

    /// An author (or, for the dataset's columns, a country name) no attribution matched.
    public struct Unmatched: Sendable, Hashable, Encodable {
        public let name: String
        public let downloads: Double
    }

    public let listingID: Int64
    public let listingSource: String
    public let retrievedOn: CalendarDate
    public let attributionVersion: Int64?
    public let method: DerivationMethod
    public let period: Period
    public let countMeasure: String
    public let shareMeasure: String
    public let source: String
    public let modelsCounted: Int
    public let totalDownloads: Double
    /// Largest first.
    public let figures: [Figure]
    /// The largest unmatched, up to `DownloadAttribution.unmatchedListed`; all of them
    /// count in ``unmatchedCount`` and ``unmatchedDownloads`` (attributed to UNKNOWN).
    public let unmatched: [Unmatched]
    public let unmatchedCount: Int
    public let unmatchedDownloads: Double
    /// base-model: models whose chain of bases loops back (attributed where the loop
    /// closes), and models with a base outside the listing (attributed by the base's author).
    public let modelsWithCycles: Int
    public let modelsWithBasesOutside: Int
    /// The receipts of the count snapshot and the share snapshot.
    public let snapshots: [ImportReceipt]
}
