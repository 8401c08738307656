/// What an import did: the snapshot it created (or found), what it read and stored, the
/// names it matched by alias, and how the figures differ from the current ones.
public struct ImportReceipt: Sendable, Hashable, Encodable {
    public enum Outcome: String, Sendable, Hashable, Encodable {
        /// A new snapshot was written.
        case imported
        /// The same content was already imported: nothing was written.
        case unchanged
        /// `--dry-run`: everything was checked, nothing was written.
        case dryRun = "dry_run"
    }

    /// A name in the file that matched by something other than the entity's code.
    public struct NameMatch: Sendable, Hashable, Encodable {
        public let input: String
        public let code: String
        public let matchedBy: EntityMatchKind
    }

    /// A figure of one entity.
    public struct Figure: Sendable, Hashable, Encodable {
        public let entity: String
        public let value: PublishedValue
    }

    /// A figure that the new snapshot changes.
    public struct Change: Sendable, Hashable, Encodable {
        public let entity: String
        public let before: PublishedValue
        public let after: PublishedValue
        /// after - before, in the measure's unit (percentage points for shares).
        public let difference: Double
    }

    /// The difference for one period against the current figures of the same measure
    /// and source.
    public struct PeriodDifference: Sendable, Hashable, Encodable {
        public let period: Period
        /// The snapshot whose figures were current for this period, if any.
        public let previousSnapshot: Int64?
        public let previousPublishedOn: CalendarDate?
        /// False when the current figures were published after this snapshot: it is kept
        /// as history and the current figures stay.
        public let becomesCurrent: Bool
        public let addedCount: Int
        public let changedCount: Int
        public let droppedCount: Int
        public let unchangedCount: Int
        /// The figures behind the counts (cut short for very large snapshots, see
        /// ``ImportReceipt/differencesTruncated``). A period seen for the first time lists
        /// no figures: all of them are new, and ``addedCount`` says how many.
        public let added: [Figure]
        public let changed: [Change]
        public let dropped: [Figure]
    }

    /// A figure that differs between a stored snapshot and the one correcting it: nil
    /// `before` for a figure the correction adds, nil `after` for one it drops.
    public struct CorrectedFigure: Sendable, Hashable, Encodable {
        public let entity: String
        public let period: Period
        public let before: PublishedValue?
        public let after: PublishedValue?
    }

    /// A stored snapshot of the same measure, source and publication date whose figures
    /// this import's differ from: it corrects that snapshot.
    public struct CorrectedSnapshot: Sendable, Hashable, Encodable {
        public let snapshotID: Int64
        /// The file it was imported from, as stored.
        public let fileName: String?
        /// How many figures differ.
        public let differingFigures: Int
        /// The first of them, by period and entity.
        public let firstDifferences: [CorrectedFigure]
    }

    public let outcome: Outcome
    /// The snapshot written, the one it would be (dry run), or the one that already holds
    /// this content (unchanged).
    public let snapshotID: Int64
    public let file: String
    public let measure: String
    public let source: String
    public let publishedOn: CalendarDate
    public let verification: Verification
    public let coverage: Coverage
    public let rowsRead: Int
    /// Figures stored (0 when unchanged or a dry run).
    public let rowsStored: Int
    public let periods: [Period]
    public let matchedByName: [NameMatch]
    public let differences: [PeriodDifference]
    /// True when the figures listed in ``differences`` were cut short (the counts are whole).
    public let differencesTruncated: Bool
    /// Measures and sources this import added to the catalog.
    public let addedMeasures: [String]
    public let addedSources: [String]
    /// For `unchanged`: the earlier file of the same run that holds the same content,
    /// when the snapshot was made by this run (in a dry run it was never written).
    public var sameAsFileInThisRun: String?
    /// How a delimited file was read when it was not as its name says: the delimiter found
    /// in its header (`semicolon`), and whether its values had decimal commas.
    public var delimiterFound: String?
    public var decimalCommasRead = false
    /// The stored snapshots this one corrects (imported with `--correction`).
    public var corrects: [CorrectedSnapshot] = []
    /// For `unchanged`: the snapshot that corrected the one holding this content, whose
    /// figures are in force instead.
    public var correctedBy: Int64?
    /// What deserves a second look (a snapshot dated before its source, or long after).
    public var warnings: [ImportWarning] = []
}
