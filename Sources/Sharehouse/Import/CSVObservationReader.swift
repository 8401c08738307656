import Foundation
import SharehouseDB

/// Observations from a CSV or TSV file, in either shape:
///
/// - **long**: an entity column, a value column and (unless the snapshot gives one
///   period for all) a period column: `entity,period,value`;
/// - **wide**: an entity column and one column per period, headed by the period's text:
///   `entity,2025-07,2025-08`. An empty cell in a wide table means "no figure".
///
/// Header names are matched after folding case, accents and Arabic letter variants, and
/// may be given in Arabic (`الدولة`, `الفترة`, `الحصة`), or named by ``ColumnNames``. Any
/// other column is an error, not ignored, and so is a delimiter that does not match the
/// header; only trailing columns that are empty in the header and in every row (what
/// spreadsheets export) are ignored.
struct CSVObservationReader: ObservationReader {
    static let entityHeaders = [
        "entity", "country", "code", "country code", "country_code", "iso", "iso2", "iso3",
        "entity code", "region", "group", "country name", "country or group", "الدولة", "البلد", "الكيان", "الرمز", "الدول",
        "اسم الدولة",
    ]
    static let periodHeaders = ["period", "window", "month", "date", "year", "quarter", "الفترة", "الشهر", "السنة", "المدة"]
    static let valueHeaders = [
        "value", "share", "percent", "percentage", "pct", "share %", "share (%)", "count",
        "downloads", "download share", "share of downloads", "downloads share", "download share (%)",
        "الحصة", "القيمة", "النسبة", "النسبة المئوية", "الحصة (%)", "التحميلات", "حصة التنزيلات",
    ]

    private enum Shape {
        case long(entity: Int, period: Int?, value: Int)
        case wide(entity: Int, periods: [(column: Int, text: String, location: SourceLocation)])
    }

    let embeddedDescription = SnapshotDescription()
    private var reader: CSVReader
    private let shape: Shape
    private let fileName: String
    /// The columns read; the header may have more, empty ones after them.
    private let columnCount: Int
    private let headerCount: Int
    /// The delimiter the file is read with.
    var delimiter: Delimiter { reader.delimiter }
    private var record = CSVRecord()
    private var pending: [RawObservation] = []

    init(reader: ChunkedReader, delimiter: Delimiter, columns: ColumnNames = ColumnNames(), fileName: String) throws {
        self.fileName = fileName
        self.reader = CSVReader(reader: reader, delimiter: delimiter, fileName: fileName)
        var header = CSVRecord()
        guard try self.reader.next(into: &header) else {
            throw ImportError(
                file: fileName, line: 1, column: 1, reason: "the file is empty",
                expected: "a header line such as entity,period,value")
        }
        headerCount = header.fields.count
        // Trailing columns with no name: what a spreadsheet exports beside its table.
        let named = header.fields.lastIndex { !$0.trimmingSpaces.isEmpty }.map { $0 + 1 } ?? header.fields.count
        columnCount = named
        if named < header.fields.count {
            header.fields.removeLast(header.fields.count - named)
            header.locations.removeLast(header.locations.count - named)
        }
        shape = try Self.shape(of: header, delimiter: delimiter, columns: columns, fileName: fileName)
    }

    /// True when `header`, split at `delimiter`, has the columns a snapshot needs: an
    /// entity column and a value column or period columns (for guessing the delimiter of
    /// a spreadsheet's export).
    static func recognises(_ header: String, delimiter: Delimiter, columns: ColumnNames) -> Bool {
        let fields = header.split(separator: Character(Unicode.Scalar(delimiter.byte)), omittingEmptySubsequences: false)
            .map { String($0).trimmingSpaces.trimmingCharacters(in: ["\""]) }
        guard fields.count >= 2 else { return false }
        let names = fields.map(NameNormalizer.normalize)
        func has(_ aliases: [String], _ given: String?) -> Bool {
            let wanted = Set((given.map { [$0] } ?? aliases).map(NameNormalizer.normalize))
            return names.contains { wanted.contains($0) }
        }
        guard has(entityHeaders, columns.entity) else { return false }
        return has(valueHeaders, columns.value) || fields.contains { Period($0) != nil }
    }

    mutating func next() throws -> RawObservation? {
        while pending.isEmpty {
            guard try reader.next(into: &record) else { return nil }
            // A row of empty fields (what spreadsheets leave below a table) is a blank line.
            if record.fields.allSatisfy({ $0.trimmingSpaces.isEmpty }) { continue }
            // Trailing columns empty in the header must be empty in every row too.
            if record.fields.count == headerCount, headerCount > columnCount {
                if let index = (columnCount..<headerCount).first(where: { !record.fields[$0].trimmingSpaces.isEmpty }) {
                    throw ImportError(
                        file: fileName, at: record.locations[index],
                        reason: "a figure in a column without a name (\"\(record.fields[index])\")",
                        expected: "every column named in the header, or empty in every row"
                    ).ofOneRow()
                }
                record.fields.removeLast(headerCount - columnCount)
                record.locations.removeLast(headerCount - columnCount)
            }
            guard record.fields.count == columnCount else {
                let column = record.fields.count > columnCount ? record.locations[columnCount].column : nil
                throw ImportError(
                    file: fileName, line: record.line, column: column,
                    reason: "the row has \(record.fields.count) field(s) but the header has \(columnCount)"
                        + otherDelimiterHint(in: record),
                    expected: "one field per header column (quote a field that contains the delimiter)"
                ).ofOneRow()
            }
            switch shape {
            case .long(let entity, let period, let value):
                pending.append(
                    RawObservation(
                        entity: record.fields[entity], entityLocation: record.locations[entity],
                        period: period.map { record.fields[$0] }, periodLocation: period.map { record.locations[$0] },
                        value: record.fields[value], valueLocation: record.locations[value], line: record.line))
            case .wide(let entity, let periods):
                // A period is read from its header cell, and a problem with it is placed there.
                for (column, text, location) in periods.reversed() where !record.fields[column].trimmingSpaces.isEmpty {
                    pending.append(
                        RawObservation(
                            entity: record.fields[entity], entityLocation: record.locations[entity],
                            period: text, periodLocation: location,
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

    private static func shape(of header: CSVRecord, delimiter: Delimiter, columns: ColumnNames, fileName: String) throws -> Shape {
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
                        expected: "--delimiter '\(other == .tab ? "\\t" : String(UnicodeScalar(other.byte)))' (and --entity-column, "
                            + "--period-column, --value-column for headers Sharehouse does not know: \(header.fields[0]))")
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
        func find(_ aliases: [String], given: String? = nil) throws -> Int? {
            let wanted = Set((given.map { [$0] } ?? aliases).map(NameNormalizer.normalize))
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
        let seenColumns = header.fields.map { "\"\($0)\"" }.joined(separator: ", ")
        let mapping = "; name yours with --entity-column, --period-column and --value-column"
        guard let entity = try find(entityHeaders, given: columns.entity) else {
            throw ImportError(
                file: fileName, line: header.line, column: 1,
                reason: columns.entity.map { "no column \"\($0)\" (--entity-column) among \(seenColumns)" }
                    ?? "no entity column among \(seenColumns)",
                expected: expected + mapping)
        }
        if columns.value != nil, try find(valueHeaders, given: columns.value) == nil {
            throw ImportError(
                file: fileName, line: header.line, column: 1,
                reason: "no column \"\(columns.value!)\" (--value-column) among \(seenColumns)", expected: expected + mapping)
        }
        if columns.period != nil, try find(periodHeaders, given: columns.period) == nil {
            throw ImportError(
                file: fileName, line: header.line, column: 1,
                reason: "no column \"\(columns.period!)\" (--period-column) among \(seenColumns)", expected: expected + mapping)
        }
        if let value = try find(valueHeaders, given: columns.value) {
            let period = try find(periodHeaders, given: columns.period)
            for index in names.indices where index != entity && index != value && index != period {
                throw ImportError(
                    file: fileName, at: header.locations[index],
                    reason: "unexpected column \"\(header.fields[index])\" (the columns are \(seenColumns))",
                    expected: expected + mapping)
            }
            return .long(entity: entity, period: period, value: value)
        }
        var periods: [(Int, String, SourceLocation)] = []
        for index in names.indices where index != entity {
            let text = header.fields[index].trimmingSpaces
            guard Period(text) != nil else {
                throw ImportError(
                    file: fileName, at: header.locations[index],
                    reason:
                        "the column \"\(header.fields[index])\" is neither a value column nor a period (the columns are \(seenColumns))",
                    expected: expected + mapping)
            }
            periods.append((index, text, header.locations[index]))
        }
        guard !periods.isEmpty else {
            throw ImportError(file: fileName, line: header.line, column: 1, reason: "no value or period column", expected: expected)
        }
        return .wide(entity: entity, periods: periods)
    }
}
