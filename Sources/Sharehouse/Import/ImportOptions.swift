/// The format of a snapshot file.
public enum InputFormat: String, Sendable, Hashable, CaseIterable {
    case json, ndjson, csv, tsv

    /// The format a file name's extension says, if it says one.
    public init?(fileName: String) {
        let lowered = fileName.lowercased()
        if lowered.hasSuffix(".json") { self = .json }
        else if lowered.hasSuffix(".ndjson") || lowered.hasSuffix(".jsonl") { self = .ndjson }
        else if lowered.hasSuffix(".csv") { self = .csv }
        else if lowered.hasSuffix(".tsv") || lowered.hasSuffix(".tab") { self = .tsv }
        else { return nil }
    }
}

/// Progress of a running import, for a progress line.
public struct ImportProgress: Sendable {
    public let file: String
    public let rowsRead: Int
    public let bytesRead: Int
    /// The size of the input when known.
    public let totalBytes: Int?
}

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

    public init(format: InputFormat? = nil, description: SnapshotDescription = SnapshotDescription(),
                decimalComma: Bool = false, dryRun: Bool = false, readsSidecar: Bool = true,
                progress: (@Sendable (ImportProgress) -> Void)? = nil) {
        self.format = format
        self.description = description
        self.decimalComma = decimalComma
        self.dryRun = dryRun
        self.readsSidecar = readsSidecar
        self.progress = progress
    }
}
