/// What a partitioned export did (``Warehouse/exportFigures(to:options:)``,
/// ``Warehouse/exportListings(to:options:)``): every file of the export, in the order
/// written, with its row count and whether it was written, replaced or already there.
public struct PartitionedExportReceipt: Sendable, Hashable, Encodable {
    /// The folder exported into, as given.
    public let directory: String
    /// The files' format.
    public let format: ExportFileFormat
    /// Every file of the export.
    public let files: [PartitionedExportFile]

    /// A receipt for the files of one export.
    public init(directory: String, format: ExportFileFormat, files: [PartitionedExportFile]) {
        self.directory = directory
        self.format = format
        self.files = files
    }

    /// How many files had `outcome`.
    public func count(_ outcome: PartitionedExportFile.Outcome) -> Int {
        files.lazy.filter { $0.outcome == outcome }.count
    }

    /// The rows of every file, written or not.
    public var rows: Int { files.reduce(0) { $0 + $1.rows } }
}

/// One file of a partitioned export.
public struct PartitionedExportFile: Sendable, Hashable, Encodable {
    /// What the export did with a file.
    public enum Outcome: String, Sendable, Hashable, Encodable {
        /// A new file.
        case written
        /// A file of other content replaced (only when asked to replace).
        case replaced
        /// The file was there with this very content, and was left alone.
        case unchanged
    }

    /// The table the file belongs to: `figures`, `figure_history`, `listings` or `listing_bases`.
    public let table: String
    /// The file's path relative to the export's folder:
    /// `figures/measure=KEY/period=2025-10/part-0.csv`.
    public let path: String
    /// How many rows it holds (not counting a CSV header).
    public let rows: Int
    /// Whether it was written, replaced or left alone.
    public let outcome: Outcome

    /// A file of `table` at `path` with `rows` rows.
    public init(table: String, path: String, rows: Int, outcome: Outcome) {
        self.table = table
        self.path = path
        self.rows = rows
        self.outcome = outcome
    }
}
