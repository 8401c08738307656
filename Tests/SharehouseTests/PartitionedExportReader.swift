import Foundation
import Sharehouse
import Testing

/// Reads a partitioned export back the way another program would, without the library:
/// walks `table/name=value/...` folders (values %-decoded), parses each CSV file (RFC 4180)
/// or NDJSON file, and adds the partition columns from the path.
struct PartitionedExportReader {
    let directory: String
    let format: ExportFileFormat

    /// One row: column name to its text (nil when absent), and the file it came from.
    struct Row {
        var values: [String: String?]
        let file: String
    }

    /// The files of `table`, relative to the directory, sorted.
    func files(_ table: String) throws -> [String] {
        let root = (directory as NSString).appendingPathComponent(table)
        guard FileManager.default.fileExists(atPath: root) else { return [] }
        let all = try #require(FileManager.default.subpaths(atPath: root))
        return all.filter { $0.hasSuffix("." + format.fileExtension) }.map { table + "/" + $0 }.sorted()
    }

    /// Every row of `table`. Columns in `numeric` must be numbers (JSON numbers in NDJSON,
    /// plain digits in CSV); their text is normalised to a Double's when `format` is NDJSON
    /// (JSON's reader drops a published trailing zero), else kept exactly.
    func rows(_ table: String, columns: [String], partitions: [String], numeric: Set<String>) throws -> [Row] {
        var rows: [Row] = []
        for file in try files(table) {
            let parts = file.split(separator: "/").dropFirst().dropLast()
            #expect(parts.map { String($0.prefix { $0 != "=" }) } == partitions, "\(file)")
            var partition: [String: String?] = [:]
            for part in parts {
                let value = String(part.drop { $0 != "=" }.dropFirst())
                partition[String(part.prefix { $0 != "=" })] = Self.percentDecoded(value)
            }
            let text = try String(contentsOfFile: (directory as NSString).appendingPathComponent(file), encoding: .utf8)
            for var values in try parse(text, columns: columns, numeric: numeric, file: file) {
                for (name, value) in partition {
                    #expect(values[name] == nil, "\(file): the partition column \(name) is not repeated in the file")
                    values[name] = value
                }
                rows.append(Row(values: values, file: file))
            }
        }
        return rows
    }

    private func parse(_ text: String, columns: [String], numeric: Set<String>, file: String) throws -> [[String: String?]] {
        switch format {
        case .csv:
            let records = try Self.csvRecords(text)
            #expect(records.first == columns, "\(file): the header")
            #expect(text.hasSuffix("\r\n"), "\(file): every line ends in CRLF")
            return records.dropFirst().map { record in
                #expect(record.count == columns.count, "\(file): \(record)")
                var values: [String: String?] = [:]
                for (column, field) in zip(columns, record) {
                    values[column] = field.isEmpty ? nil : field
                    if numeric.contains(column) && !field.isEmpty {
                        #expect(Double(field) != nil && !field.contains(","), "\(file): \(column) \(field) is a plain number")
                    }
                }
                return values
            }
        case .ndjson:
            #expect(text.hasSuffix("\n") && !text.contains("\r"), "\(file): lines end in LF")
            return try text.split(separator: "\n").map { line in
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
                #expect(Set(object.keys) == Set(columns), "\(file): \(line)")
                var values: [String: String?] = [:]
                for column in columns {
                    switch object[column] {
                    case is NSNull, nil: values[column] = String?.none
                    case let text as String:
                        #expect(!numeric.contains(column), "\(file): \(column) is a JSON number, not \"\(text)\"")
                        values[column] = text
                    case let number as NSNumber:
                        #expect(numeric.contains(column), "\(file): \(column) is text, not \(number)")
                        values[column] = String(number.doubleValue)
                    default: Issue.record("\(file): \(column) is neither text, a number nor null")
                    }
                }
                return values
            }
        }
    }

    /// `%XX` escapes of a folder's value decoded (as Hive and DuckDB decode them).
    static func percentDecoded(_ value: String) -> String {
        var bytes: [UInt8] = []
        var rest = Substring(value).utf8[...]
        while let byte = rest.first {
            if byte == UInt8(ascii: "%"), rest.count >= 3,
                let hex = UInt8(String(decoding: rest.dropFirst().prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(hex)
                rest = rest.dropFirst(3)
            } else {
                bytes.append(byte)
                rest = rest.dropFirst()
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The records of an RFC 4180 text: fields split at commas, quoted fields with doubled
    /// quotes and line ends inside, records ending in CRLF or LF.
    static func csvRecords(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let scalar = pending {
                pending = nil
                return scalar
            }
            return scalars.next()
        }
        var atFieldStart = true
        while let scalar = next() {
            if quoted {
                if scalar == "\"" {
                    let following = next()
                    if following == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        // The closing quote: what followed it is read again, outside quotes.
                        quoted = false
                        pending = following
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where atFieldStart:
                quoted = true
                atFieldStart = false
            case ",":
                record.append(field)
                field = ""
                atFieldStart = true
            case "\r":
                continue
            case "\n":
                record.append(field)
                records.append(record)
                record = []
                field = ""
                atFieldStart = true
            default:
                field.unicodeScalars.append(scalar)
                atFieldStart = false
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}
