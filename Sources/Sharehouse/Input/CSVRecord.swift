import SharehouseDB

/// One record of a CSV or TSV file, with the place each field starts.
struct CSVRecord {
    var fields: [String] = []
    var locations: [SourceLocation] = []
    /// The line the record starts on.
    var line = 0
}
