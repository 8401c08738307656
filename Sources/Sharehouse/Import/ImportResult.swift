/// What importing one snapshot came to. An import that fails throws an ``ImportError``
/// instead, and has written nothing.
enum ImportResult {
    /// A new snapshot was written.
    case imported(ImportReceipt)
    /// A stored snapshot of the same measure, source and date holds the same figures:
    /// nothing is kept. The receipt names that snapshot.
    case unchanged(ImportReceipt)
    /// Everything was checked and written, to be rolled back at the end of the run.
    case dryRun(ImportReceipt)

    var receipt: ImportReceipt {
        switch self {
        case .imported(let receipt), .unchanged(let receipt), .dryRun(let receipt): receipt
        }
    }

    var isUnchanged: Bool {
        if case .unchanged = self { return true }
        return false
    }
}
