/// The format of a snapshot file.
public enum InputFormat: String, Sendable, Hashable, CaseIterable {
    /// A JSON snapshot: its metadata and its observations in one object.
    case json
    /// One JSON observation per line.
    case ndjson
    /// Comma-separated values (or another delimiter), long or wide.
    case csv
    /// Tab-separated values, long or wide.
    case tsv

    /// The format a file name's extension says, if it says one.
    public init?(fileName: String) {
        let lowered = fileName.lowercased()
        if lowered.hasSuffix(".json") {
            self = .json
        } else if lowered.hasSuffix(".ndjson") || lowered.hasSuffix(".jsonl") {
            self = .ndjson
        } else if lowered.hasSuffix(".csv") {
            self = .csv
        } else if lowered.hasSuffix(".tsv") || lowered.hasSuffix(".tab") {
            self = .tsv
        } else {
            return nil
        }
    }
}
