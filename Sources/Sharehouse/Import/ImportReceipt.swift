/// What an import did: the snapshot it created (or found), what it read and stored, the
/// names it matched by alias, and how the figures differ from the current ones.
public struct ImportReceipt: Sendable, Hashable, Encodable {
    /// What an import did with one file.
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
        /// The name as the file wrote it.
        public let input: String
        /// The entity it resolved to.
        public let code: String
        /// What it matched: a name or an alias.
        public let matchedBy: EntityMatchKind
    }

    /// A figure of one entity.
    public struct Figure: Sendable, Hashable, Encodable {
        /// The entity's code.
        public let entity: String
        /// The figure as published.
        public let value: PublishedValue
    }

    /// A figure that the new snapshot changes.
    public struct Change: Sendable, Hashable, Encodable {
        /// The entity's code.
        public let entity: String
        /// The figure in force before.
        public let before: PublishedValue
        /// The figure of this snapshot.
        public let after: PublishedValue
        /// after - before, in the measure's unit (percentage points for shares).
        public let difference: Double
    }

    /// The difference for one period against the current figures of the same measure
    /// and source.
    public struct PeriodDifference: Sendable, Hashable, Encodable {
        /// The period.
        public let period: Period
        /// The snapshot whose figures were current for this period, if any.
        public let previousSnapshot: Int64?
        /// When the figures current before were published, if any.
        public let previousPublishedOn: CalendarDate?
        /// False when the current figures were published after this snapshot: it is kept
        /// as history and the current figures stay.
        public let becomesCurrent: Bool
        /// How many figures the period did not have before.
        public let addedCount: Int
        /// How many figures differ from the ones in force before.
        public let changedCount: Int
        /// How many figures in force before this snapshot leaves out.
        public let droppedCount: Int
        /// How many figures equal the ones in force before.
        public let unchangedCount: Int
        /// The figures behind the counts (cut short for very large snapshots, see
        /// ``ImportReceipt/differencesTruncated``). A period seen for the first time lists
        /// no figures: all of them are new, and ``addedCount`` says how many.
        public let added: [Figure]
        /// The figures that differ, before and after.
        public let changed: [Change]
        /// The figures in force before that this snapshot leaves out.
        public let dropped: [Figure]
    }

    /// A figure that differs between a stored snapshot and the one correcting it: nil
    /// `before` for a figure the correction adds, nil `after` for one it drops.
    public struct CorrectedFigure: Sendable, Hashable, Encodable {
        /// The entity's code.
        public let entity: String
        /// The period.
        public let period: Period
        /// The stored figure; nil when the correction adds it.
        public let before: PublishedValue?
        /// The correction's figure; nil when the correction drops it.
        public let after: PublishedValue?
    }

    /// A stored snapshot of the same measure, source and publication date whose figures
    /// this import's differ from: it corrects that snapshot.
    public struct CorrectedSnapshot: Sendable, Hashable, Encodable {
        /// The snapshot.
        public let snapshotID: Int64
        /// The file it was imported from, as stored.
        public let fileName: String?
        /// How many figures differ.
        public let differingFigures: Int
        /// The first of them, by period and entity.
        public let firstDifferences: [CorrectedFigure]
    }

    /// Imported, unchanged (already stored) or checked only (a dry run).
    public let outcome: Outcome
    /// The snapshot written, the one it would be (dry run), or the one that already holds
    /// this content (unchanged).
    public let snapshotID: Int64
    /// The file, as named to the import.
    public let file: String
    /// The measure's key.
    public let measure: String
    /// The source's key.
    public let source: String
    /// The publication date.
    public let publishedOn: CalendarDate
    /// How directly the source was checked.
    public let verification: Verification
    /// Whether the source lists every entity or only its leaders.
    public let coverage: Coverage
    /// The rows read from the file.
    public let rowsRead: Int
    /// Figures stored (0 when unchanged or a dry run).
    public let rowsStored: Int
    /// The periods the snapshot covers, in order.
    public let periods: [Period]
    /// The names that matched an entity by name or alias rather than by code.
    public let matchedByName: [NameMatch]
    /// Per period, what changed against the figures in force before.
    public let differences: [PeriodDifference]
    /// True when the figures listed in ``differences`` were cut short (the counts are whole).
    public let differencesTruncated: Bool
    /// Measures and sources this import added to the catalog.
    public let addedMeasures: [String]
    /// The sources the file's definitions added to the catalogue.
    public let addedSources: [String]
    /// For `unchanged`: the earlier file of the same run that holds the same content,
    /// when the snapshot was made by this run (in a dry run it was never written).
    public var sameAsFileInThisRun: String?
    /// How a delimited file was read when it was not as its name says: the delimiter found
    /// in its header (`semicolon`), and whether its values had decimal commas.
    public var delimiterFound: String?
    /// True when the file's figures were read with decimal commas.
    public var decimalCommasRead = false
    /// The stored snapshots this one corrects (imported with `--correction`).
    public var corrects: [CorrectedSnapshot] = []
    /// For `unchanged`: the snapshot that corrected the one holding this content, whose
    /// figures are in force instead.
    public var correctedBy: Int64?
    /// What deserves a second look (a snapshot dated before its source, or long after).
    public var warnings: [ImportWarning] = []
}
