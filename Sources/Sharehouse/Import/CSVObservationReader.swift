import SharehouseDB

/// Observations from a CSV or TSV file, in either shape:
///
/// - **long**: an entity column, a value column and (unless the snapshot gives one
///   period for all) a period column: `entity,period,value`;
/// - **wide**: an entity column and one column per period, headed by the period's text:
///   `entity,2025-07,2025-08`. An empty cell in a wide table means "no figure".
///
/// Header names are matched after folding case, accents and Arabic letter variants, and
/// may be given in Arabic (`الدولة`, `الفترة`, `الحصة`). Any other column is an error, not
/// ignored, and so is a delimiter that does not match the header.
struct CSVObservationReader: ObservationReader {
    static let entityHeaders = [
        "entity", "country", "code", "country code", "country_code", "iso", "iso2", "iso3",
        "entity code", "region", "group", "الدولة", "البلد", "الكيان", "الرمز", "الدول",
    ]
    static let periodHeaders = ["period", "window", "month", "date", "year", "quarter", "الفترة", "الشهر", "السنة", "المدة"]
    static let valueHeaders = [
        "value", "share", "percent", "percentage", "pct", "share %", "share (%)", "count",
        "downloads", "الحصة", "القيمة", "النسبة", "النسبة المئوية", "الحصة (%)", "التحميلات",
    ]

    private enum Shape {
        case long(entity: Int, period: Int?, value: Int)
        case wide(entity: Int, periods: [(column: Int, text: String)])
    }

    let embeddedDescription = SnapshotDescription()
    private var reader: CSVReader
    private let shape: Shape
    private let fileName: String
    private let columnCount: Int
    private var record = CSVRecord()
    private var pending: [RawObservation] = []

    init(reader: ChunkedReader, delimiter: Delimiter, fileName: String) throws {
        self.fileName = fileName
        self.reader = CSVReader(reader: reader, delimiter: delimiter, fileName: fileName)
        var header = CSVRecord()
        guard try self.reader.next(into: &header) else {
            throw ImportError(
                file: fileName, line: 1, column: 1, reason: "the file is empty",
                expected: "a header line such as entity,period,value")
        }
        columnCount = header.fields.count
        shape = try Self.shape(of: header, delimiter: delimiter, fileName: fileName)
    }

    mutating func next() throws -> RawObservation? {
        while pending.isEmpty {
            guard try reader.next(into: &record) else { return nil }
            // A row of empty fields (what spreadsheets leave below a table) is a blank line.
            if record.fields.allSatisfy({ $0.trimmingSpaces.isEmpty }) { continue }
            guard record.fields.count == columnCount else {
                let column = record.fields.count > columnCount ? record.locations[columnCount].column : nil
                throw ImportError(
                    file: fileName, line: record.line, column: column,
                    reason: "the row has \(record.fields.count) field(s) but the header has \(columnCount)"
                        + otherDelimiterHint(in: record),
                    expected: "one field per header column (quote a field that contains the delimiter)")
            }
            switch shape {
            case .long(let entity, let period, let value):
                pending.append(
                    RawObservation(
                        entity: record.fields[entity], entityLocation: record.locations[entity],
                        period: period.map { record.fields[$0] }, periodLocation: period.map { record.locations[$0] },
                        value: record.fields[value], valueLocation: record.locations[value], line: record.line))
            case .wide(let entity, let periods):
                for (column, text) in periods.reversed() where !record.fields[column].trimmingSpaces.isEmpty {
                    pending.append(
                        RawObservation(
                            entity: record.fields[entity], entityLocation: record.locations[entity],
                            period: text, periodLocation: nil,
                            value: record.fields[column], valueLocation: record.locations[column], line: record.line))
                }
            }
        }
        return pending.removeLast()
    }

    /// For a row with too few fields that holds another delimiter ("US;2025-08;15.8" under
    /// a comma header): says so, since the file mixes delimiters.
    private func otherDelimiterHint(in record: CSVRecord) -> String {
        guard record.fields.count < columnCount else { return "" }
        // The semicolon first: a comma header over semicolon rows is the usual mix-up.
        for other in [Delimiter.semicolon, .tab, .comma, .pipe] where other != reader.delimiter {
            if record.fields.contains(where: { $0.utf8.contains(other.byte) }) {
                return "; it holds a \(other.name): the file mixes delimiters (the header's is a \(reader.delimiter.name))"
            }
        }
        return ""
    }

    private static func shape(of header: CSVRecord, delimiter: Delimiter, fileName: String) throws -> Shape {
        let names = header.fields.map { NameNormalizer.normalize($0) }
        if header.fields.count == 1 {
            // One column whose name holds another delimiter: the file is not delimited the
            // way its name or the options say. Report it; never guess.
            for other in [Delimiter.comma, .tab, .semicolon, .pipe] where other != delimiter {
                if header.fields[0].utf8.contains(other.byte) {
                    throw ImportError(
                        file: fileName, line: header.line, column: 1,
                        reason: "the header is one column that contains a \(other.name): the file looks "
                            + "\(other.name)-delimited, but it is read as \(delimiter.name)-delimited",
                        expected: "a file delimited as its name says (.csv: commas, .tsv: tabs), or --input-format")
                }
            }
        }
        var seen: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            if let earlier = seen[name] {
                throw ImportError(
                    file: fileName, at: header.locations[index],
                    reason: "the column \"\(header.fields[index])\" appears twice (also column \(earlier + 1))")
            }
            seen[name] = index
        }
        func find(_ aliases: [String]) throws -> Int? {
            let wanted = Set(aliases.map(NameNormalizer.normalize))
            let matches = names.indices.filter { wanted.contains(names[$0]) }
            guard matches.count <= 1 else {
                throw ImportError(
                    file: fileName, at: header.locations[matches[1]],
                    reason: "the columns \"\(header.fields[matches[0]])\" and \"\(header.fields[matches[1]])\" mean the same thing")
            }
            return matches.first
        }
        let expected =
            "a header with an entity column (\(entityHeaders.prefix(3).joined(separator: ", ")), الدولة) and either "
            + "a value column (value, share, الحصة) with an optional period column (period, الفترة), or one column per period "
            + "(2025-07, 2025-08, ...)"
        guard let entity = try find(entityHeaders) else {
            throw ImportError(
                file: fileName, line: header.line, column: 1,
                reason: "no entity column among \(header.fields.map { "\"\($0)\"" }.joined(separator: ", "))",
                expected: expected)
        }
        if let value = try find(valueHeaders) {
            let period = try find(periodHeaders)
            for index in names.indices where index != entity && index != value && index != period {
                throw ImportError(
                    file: fileName, at: header.locations[index], reason: "unexpected column \"\(header.fields[index])\"",
                    expected: expected)
            }
            return .long(entity: entity, period: period, value: value)
        }
        var periods: [(Int, String)] = []
        for index in names.indices where index != entity {
            let text = header.fields[index].trimmingSpaces
            guard Period(text) != nil else {
                throw ImportError(
                    file: fileName, at: header.locations[index],
                    reason: "the column \"\(header.fields[index])\" is neither a value column nor a period",
                    expected: expected)
            }
            periods.append((index, text))
        }
        guard !periods.isEmpty else {
            throw ImportError(file: fileName, line: header.line, column: 1, reason: "no value or period column", expected: expected)
        }
        return .wide(entity: entity, periods: periods)
    }
}
