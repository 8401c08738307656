/// How to import.
public struct ImportOptions: Sendable {
    /// The format; nil to take it from the file name.
    public var format: InputFormat?
    /// Metadata given outside the file (the command line). Where the file or its sidecar
    /// also gives a field, the two must agree.
    public var description: SnapshotDescription
    /// Read `17,1` as 17.1 (and refuse `.` in values).
    public var decimalComma: Bool
    /// Check everything and report what would change, writing nothing.
    public var dryRun: Bool
    /// Read `FILE.json` (or `FILE.csv.json`) next to a CSV, TSV or NDJSON file for its metadata.
    public var readsSidecar: Bool
    /// Called every few thousand rows.
    public var progress: (@Sendable (ImportProgress) -> Void)?

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
