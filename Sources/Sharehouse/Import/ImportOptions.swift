/// How to import.
public struct ImportOptions: Sendable {
    /// The format; nil to take it from the file name.
    public var format: InputFormat?
    /// Metadata given outside the file (the command line). Where the file or its sidecar
    /// also gives a field, the two must agree.
    public var description: SnapshotDescription
    /// Read `17,1` as 17.1 (and refuse `.` in values). Without it, a file delimited by
    /// semicolons or tabs whose values are all written `13,8` is read so too (the receipt
    /// says so).
    public var decimalComma: Bool
    /// The delimiter of a CSV or TSV file; nil: the one that alone splits the header into
    /// columns Sharehouse knows, else the one its name says (the receipt says which).
    public var delimiter: Delimiter?
    /// Header names that hold the entity, the period and the value, for headers no alias
    /// matches (`Country Name`, `Download share`...).
    public var columns = ColumnNames()
    /// How a period written as a bare date (`2026-03-01`) is read; nil refuses it.
    public var bareDates: BareDates?
    /// `.fraction`: shares written as fractions of 1 (`0.225`) are read as percent (22.5).
    public var scale: ValueScale?
    /// Store a file whose figures differ from a stored snapshot of the same measure,
    /// source and publication date as a correction of it; without it such a file is refused.
    public var acceptsCorrection = false
    /// Check everything and report what would change, writing nothing.
    public var dryRun: Bool
    /// Read `FILE.json` (or `FILE.csv.json`) next to a CSV, TSV or NDJSON file for its metadata.
    public var readsSidecar: Bool
    /// Called every few thousand rows.
    public var progress: (@Sendable (ImportProgress) -> Void)?

    /// Options for an import; the defaults read the format from the file name and its metadata from the file or its sidecar.
    public init(
        format: InputFormat? = nil, description: SnapshotDescription = SnapshotDescription(),
        decimalComma: Bool = false, dryRun: Bool = false, readsSidecar: Bool = true,
        progress: (@Sendable (ImportProgress) -> Void)? = nil
    ) {
        self.format = format
        self.description = description
        self.decimalComma = decimalComma
        self.dryRun = dryRun
        self.readsSidecar = readsSidecar
        self.progress = progress
    }
}

/// How the figures of a share file are written.
public enum ValueScale: String, Sendable, Hashable, CaseIterable {
    /// Fractions of 1: `0.225` is 22.5%.
    case fraction
    /// Percentages, however small (`0.4` is 0.4%): the file is never taken for fractions.
    case percent
}

/// A period written as a bare date: its month (what a spreadsheet makes of `2026-03`), or
/// that one day.
public enum BareDates: String, Sendable, Hashable, CaseIterable {
    /// A bare date (`2026-03-01`) stands for its month.
    case month
    /// A bare date stands for that one day.
    case day
}

/// The header names a CSV or TSV file uses for its entity, period and value columns,
/// when they are none of the names Sharehouse knows.
public struct ColumnNames: Sendable, Hashable {
    /// The header of the entity column, when it is not one Sharehouse knows.
    public var entity: String?
    /// The header of the period column, when it is not one Sharehouse knows.
    public var period: String?
    /// The header of the value column, when it is not one Sharehouse knows.
    public var value: String?

    /// Column headers to read the entity, period and value from.
    public init(entity: String? = nil, period: String? = nil, value: String? = nil) {
        self.entity = entity
        self.period = period
        self.value = value
    }
}
