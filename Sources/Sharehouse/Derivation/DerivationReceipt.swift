/// What a derivation computed and stored: the listing and table it read, the two
/// snapshots it wrote (or found unchanged), each country's downloads and share, and the
/// authors no attribution matched, largest first, so the user knows which rows to add.
public struct DerivationReceipt: Sendable, Encodable {
    /// One country's (or bucket's) downloads and share.
    public struct Figure: Sendable, Hashable, Encodable {
        /// The entity code: a country or bucket.
        public let entity: String
        /// Downloads attributed to it (a fraction where a merge was split).
        public let downloads: Double
        /// Its share of all downloads, rounded as requested.
        public let share: PublishedValue
    }

    /// An author (or, for the dataset's columns, a country name) no attribution matched.
    public struct Unmatched: Sendable, Hashable, Encodable {
        /// The author (or country name) as the listing writes it.
        public let name: String
        /// The downloads counted for it (attributed to UNKNOWN).
        public let downloads: Double
    }

    /// The listing derived from.
    public let listingID: Int64
    /// The listing's source.
    public let listingSource: String
    /// The day the listing was retrieved: the last day of ``period``.
    public let retrievedOn: CalendarDate
    /// The attribution table's version used (nil when none was).
    public let attributionVersion: Int64?
    /// How the downloads were attributed.
    public let method: DerivationMethod
    /// The period the snapshots cover: the listing's download window.
    public let period: Period
    /// The key of the count snapshot's measure.
    public let countMeasure: String
    /// The key of the share snapshot's measure.
    public let shareMeasure: String
    /// The key of the derived snapshots' source.
    public let source: String
    /// How many models were counted.
    public let modelsCounted: Int
    /// The downloads of every model counted.
    public let totalDownloads: Double
    /// Largest first.
    public let figures: [Figure]
    /// The largest unmatched, up to `DownloadAttribution.unmatchedListed`; all of them
    /// count in ``unmatchedCount`` and ``unmatchedDownloads`` (attributed to UNKNOWN).
    public let unmatched: [Unmatched]
    /// How many names no attribution matched.
    public let unmatchedCount: Int
    /// The downloads of the names no attribution matched.
    public let unmatchedDownloads: Double
    /// base-model: models whose chain of bases loops back (attributed where the loop
    /// closes), and models with a base outside the listing (attributed by the base's author).
    public let modelsWithCycles: Int
    /// The number of models with a base outside the listing (see ``modelsWithCycles``).
    public let modelsWithBasesOutside: Int
    /// The receipts of the count snapshot and the share snapshot.
    public let snapshots: [ImportReceipt]
}
