import SharehouseDB

/// The weekly rows of one file of the study's dataset, in file order: CSV (or TSV) with
/// a header, as DuckDB or pandas write the dataset's Parquet, or NDJSON of the same
/// records. Read in a stream, at flat memory. A row that is wrong spoils itself alone;
/// a file whose CSV is broken (a quote never closed) stops there.
struct StudyRowReader {
    let chunks: ChunkedReader
    private let fileName: String
    // One of the two, mutated in place through the optional.
    private var csv: CSVReader?
    private var lines: LineReader?
    /// The CSV header's columns by name, and how many there are.
    private var columns: [String: Int] = [:]
    private var columnCount = 0
    private var modelColumn: Int?
    private var timeColumn: Int?
    private var countColumn: Int?
    private var optionalColumns: [Int?] = []
    private var record = CSVRecord()

    init(input: InputSource, format: InputFormat) throws {
        fileName = input.name
        chunks = try ChunkedReader(input)
        switch format {
        case .csv, .tsv:
            var reader = CSVReader(reader: chunks, delimiter: format == .tsv ? .tab : .comma, fileName: fileName)
            var header = CSVRecord()
            guard try reader.next(into: &header) else {
                throw ImportError(file: fileName, line: 1, column: 1, reason: "the file is empty", expected: StudyFields.expectedColumns)
            }
            for (index, name) in header.fields.enumerated() {
                if let earlier = columns[name] {
                    throw ImportError(
                        file: fileName, at: header.locations[index],
                        reason: "the column \"\(name)\" appears twice (also column \(earlier + 1))")
                }
                columns[name] = index
            }
            let missing = StudyFields.required.filter { columns[$0] == nil }
            guard missing.isEmpty else {
                let seen = header.fields.prefix(30).map { "\"\($0)\"" }.joined(separator: ", ")
                throw ImportError(
                    file: fileName, line: header.line, column: 1,
                    reason: "no column " + missing.map { "\"\($0)\"" }.joined(separator: ", ") + " among " + seen,
                    expected: StudyFields.expectedColumns)
            }
            columnCount = header.fields.count
            modelColumn = columns[StudyFields.model]
            timeColumn = columns[StudyFields.time]
            countColumn = columns[StudyFields.downloadsAllTime]
            optionalColumns = StudyFields.optional.map { columns[$0] }
            csv = reader
        case .ndjson:
            lines = LineReader(reader: chunks, fileName: fileName, record: "row")
        case .json:
            throw ImportError(
                file: fileName, reason: "the study dataset is read from CSV or NDJSON, not a JSON document",
                expected: "the dataset written as CSV (the README gives the DuckDB and pandas commands), or --shape hub-api")
        }
    }

    /// The next row, or nil after the last.
    mutating func next() throws -> StudyRow? {
        if csv != nil {
            while try csv!.next(into: &record) {
                if record.fields.allSatisfy(\.isEmpty) { continue }
                guard record.fields.count == columnCount else {
                    throw ImportError(
                        file: fileName, line: record.line,
                        column: record.fields.count > columnCount ? record.locations[columnCount].column : nil,
                        reason: "the row has \(record.fields.count) field(s) but the header has \(columnCount)",
                        expected: "one field per header column (quote a field that contains a comma)"
                    ).ofOneRow()
                }
                do {
                    return try row(fromCSV: record)
                } catch let error as ImportError {
                    throw error.ofOneRow()
                }
            }
            return nil
        }
        while let (bytes, lineNumber) = try lines!.next() {
            guard !LineReader.isBlank(bytes) else { continue }
            do {
                return try row(fromJSON: try JSONParser.parse(Array(bytes), fileName: fileName, startLine: lineNumber), line: lineNumber)
            } catch let error as ImportError {
                throw error.ofOneRow()
            }
        }
        return nil
    }

    private func row(fromCSV record: CSVRecord) throws -> StudyRow {
        func field(_ name: String) -> (text: Substring, location: SourceLocation?)? {
            // The columns a listing reads, by their place in StudyFields' lists, found once.
            let index =
                switch name {
                case StudyFields.model: modelColumn
                case StudyFields.time: timeColumn
                case StudyFields.downloadsAllTime: countColumn
                default: StudyFields.optional.firstIndex(of: name).flatMap { optionalColumns[$0] }
                }
            return index.map { (record.fields[$0][...], record.locations[$0]) }
        }
        return try StudyFields.row(
            model: field(StudyFields.model), time: field(StudyFields.time), count: field(StudyFields.downloadsAllTime),
            optional: field, fileName: fileName, line: record.line, column: 1)
    }

    private func row(fromJSON node: JSONNode, line: Int) throws -> StudyRow {
        guard case .object = node.value else {
            throw ImportError(
                file: fileName, at: node.location, reason: "the line is \(node.kindName), not a row of the study dataset",
                expected: "one object a line with " + StudyFields.expectedColumns)
        }
        /// A member's text: a string's, a number's (only where a number is wanted).
        func member(_ name: String, number: Bool = false) throws -> (text: Substring, location: SourceLocation?)? {
            guard let value = node[name], !value.isNull else { return nil }
            switch value.value {
            case .string(let text) where !number: return (text[...], value.location)
            case .number(let text) where number: return (text[...], value.location)
            default:
                let hint = name == StudyFields.time ? " (write dates as text: DuckDB does, pandas with date_format='iso')" : ""
                throw ImportError(
                    file: fileName, at: value.location,
                    reason: "\"\(name)\" is \(value.kindName), not \(number ? "a number" : "a string")\(hint)",
                    expected: number ? StudyFields.expectedCount : "a string or null")
            }
        }
        var list: [String]?
        if let bases = node[StudyFields.derivedFrom], case .array(let elements) = bases.value {
            list = try elements.map { element in
                guard case .string(let id) = element.value else {
                    throw ImportError(
                        file: fileName, at: element.location, reason: "\"merged_derived_from\" holds \(element.kindName), not a model id",
                        expected: "an array of model ids")
                }
                return id
            }
            if list?.isEmpty == true { list = nil }
        }
        return try StudyFields.row(
            model: try member(StudyFields.model), time: try member(StudyFields.time),
            count: try member(StudyFields.downloadsAllTime, number: true),
            optional: { name in
                if name == StudyFields.derivedFrom, list != nil { return nil }
                return try member(name)
            },
            derivedFromList: list, fileName: fileName, line: line, column: node.location.column)
    }
}
