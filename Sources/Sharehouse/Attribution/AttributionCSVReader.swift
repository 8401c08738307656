import SharehouseDB

/// The rows of an attribution CSV file (`author,country,kind,url,note`), each field with
/// its place, in the header's order whatever order the file gives its columns in.
///
/// Strict as the share import is: the header must name the five columns, each once, and
/// nothing else; a row must have a field per column. Blank lines, and rows of empty
/// fields (what a spreadsheet leaves below a table), are skipped.
struct AttributionCSVReader {
    enum Column: String, CaseIterable {
        case author, country, kind, url, note
    }

    /// One row: its fields in ``Column`` order, trimmed of spaces, and where each starts.
    struct Row {
        var fields: [String]
        var locations: [SourceLocation]
        var line: Int

        subscript(_ column: Column) -> String { fields[Self.index(column)] }
        func location(_ column: Column) -> SourceLocation { locations[Self.index(column)] }

        private static func index(_ column: Column) -> Int { Column.allCases.firstIndex(of: column)! }
    }

    static let header = Column.allCases.map(\.rawValue).joined(separator: ",")

    private var reader: CSVReader
    private let fileName: String
    /// For each column of ``Column``, its position in the file.
    private let positions: [Int]
    private var record = CSVRecord()

    init(reader chunks: ChunkedReader, fileName: String) throws {
        self.fileName = fileName
        reader = CSVReader(reader: chunks, delimiter: .comma, fileName: fileName)
        var header = CSVRecord()
        guard try reader.next(into: &header) else {
            throw ImportError(file: fileName, line: 1, column: 1, reason: "the file is empty", expected: "the header " + Self.header)
        }
        let names = header.fields.map { $0.trimmingSpaces.lowercased() }
        if names.count == 1, let other = [";", "\t", "|"].first(where: { names[0].contains($0) }) {
            throw ImportError(
                file: fileName, line: header.line, column: 1,
                reason: "the header is one column; the file looks delimited by \(other == "\t" ? "tabs" : "'\(other)'")",
                expected: "a comma-separated file with the header " + Self.header)
        }
        var positions: [Int] = []
        for (index, name) in names.enumerated() where Column(rawValue: name) == nil {
            throw ImportError(
                file: fileName, at: header.locations[index], reason: "unknown column \"\(header.fields[index])\"",
                expected: "the header " + Self.header)
        }
        for column in Column.allCases {
            let found = names.indices.filter { names[$0] == column.rawValue }
            guard found.count <= 1 else {
                throw ImportError(
                    file: fileName, at: header.locations[found[1]],
                    reason: "the column \"\(column.rawValue)\" is named twice (also column \(header.locations[found[0]].column))",
                    expected: "the header " + Self.header)
            }
            guard let position = found.first else {
                throw ImportError(
                    file: fileName, line: header.line, column: nil, reason: "the header has no column \"\(column.rawValue)\"",
                    expected: "the header " + Self.header + " (url and note may be empty in a row, not left out)")
            }
            positions.append(position)
        }
        self.positions = positions
    }

    /// The next row, or nil at the end. A row with the wrong number of fields throws a
    /// problem of that row alone, and the next call reads on.
    mutating func next() throws -> Row? {
        while try reader.next(into: &record) {
            if record.fields.allSatisfy({ $0.trimmingSpaces.isEmpty }) { continue }
            guard record.fields.count == positions.count else {
                let column = record.fields.count > positions.count ? record.locations[positions.count].column : nil
                throw ImportError(
                    file: fileName, line: record.line, column: column,
                    reason: "the row has \(record.fields.count) field(s) but the header has \(positions.count)",
                    expected: "one field per column of " + Self.header + " (quote a field that contains a comma)"
                ).ofOneRow()
            }
            return Row(
                fields: positions.map { record.fields[$0].trimmingSpaces }, locations: positions.map { record.locations[$0] },
                line: record.line)
        }
        return nil
    }
}
