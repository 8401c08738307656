/// What an attribution import did: the version it wrote (or found), how many authors it
/// attributes and where, the names it matched by other than a code, and what changed
/// from the version that was the latest before it.
public struct AttributionReceipt: Sendable, Hashable, Encodable {
    /// What the import did.
    public enum Outcome: String, Sendable, Hashable, Encodable {
        /// A new version was written.
        case imported
        /// The same table (rows and source) is stored already: nothing was written.
        case unchanged
        /// `--dry-run`: everything was checked, nothing was written.
        case dryRun = "dry_run"
    }

    /// What the import did: imported, unchanged, or a dry run.
    public internal(set) var outcome: Outcome
    /// The version written, the one it would be (dry run), or the one that already holds
    /// this table (unchanged).
    public let version: Int
    /// The latest version once the import is done (for `unchanged`, it may be a later one
    /// than ``version``: a table stored before is never stored twice).
    public let latestVersion: Int
    /// The name of the input the table was read from.
    public let file: String
    /// The key of the table's source (citation) in the catalogue.
    public let source: String
    /// How many authors the table attributes.
    public let authors: Int
    /// Authors per country or bucket, most first.
    public let byCode: [AttributionCount]
    /// Countries given by name (or by ISO alpha-3, numeric code, alias) and what they
    /// matched.
    public let matchedByName: [ImportReceipt.NameMatch]
    /// Sources the sidecar defined and this import added to the catalogue.
    public let addedSources: [String]
    /// What changed from the version that was the latest before (nil for the first table,
    /// and when nothing was written).
    public let changes: AttributionDiff?
}
