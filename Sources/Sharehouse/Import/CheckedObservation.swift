import SharehouseDB

/// One figure after the validator: its entity resolved to a code, its period resolved
/// and numbered, its value parsed and in range. Ready to be stored as it is.
struct CheckedObservation {
    /// The period's number in this snapshot (0, 1, ... in the order periods first
    /// appear), which the inserter maps to the period's row.
    let periodIndex: Int
    let period: Period
    let code: String
    let value: PublishedValue
    /// Where the row is, for an error about the row as a whole (a figure given twice).
    let location: SourceLocation?
}
