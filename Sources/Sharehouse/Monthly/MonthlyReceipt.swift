/// What one monthly run did, step by step: the listing, each derivation, and what changed
/// in the derived shares. Every step is idempotent, so a second run of a finished month
/// writes nothing and says so.
public struct MonthlyReceipt: Sendable, Encodable {
    /// What the listing import did.
    public let listing: ListingReceipt
    /// One per method; empty in a dry run (a derivation needs the listing stored).
    public let derivations: [DerivationReceipt]
    /// What changed in each derived share measure with its latest snapshot.
    public let changes: ChangesResult?

    /// True when the run stored nothing new: the month was already done.
    public var wroteNothing: Bool {
        listing.outcome != .imported && derivations.allSatisfy { $0.snapshots.allSatisfy { $0.outcome != .imported } }
    }
}
