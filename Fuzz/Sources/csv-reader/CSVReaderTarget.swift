import Foundation
import FuzzSupport
@testable import Sharehouse
import SharehouseDB

// The CSV reader (CSVReader) on any bytes, with a comma and with a tab. Invariants:
// - it reads what an independent RFC 4180 reader (Reference below) reads: the same
//   records, fields, lines and columns, and refuses what that one refuses (a stray or
//   unclosed quote, text after a closing quote, text that is not UTF-8, a NUL, and a
//   start that is not text: a UTF-16 or UTF-32 byte-order mark, a binary format);
// - the records written back as CSV (every field quoted) read as the same records;
// - the same bytes read from a file whose 64 KiB chunks end inside them (after blank
//   lines, which are skipped) give the same records or the same error, at the same place.
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sharehouse-fuzz-csv-\(getpid()).csv").path

struct Record: Equatable {
    var fields: [String]
    var line: Int
    var columns: [Int]
}

enum Outcome: Equatable {
    case records([Record])
    case failure(line: Int?, column: Int?)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = inputBytes(data, size)
    let shape = TextShape(bytes)
    for delimiter in [UInt8(ascii: ","), UInt8(ascii: "\t")] {
        let outcome = read(.bytes(bytes, name: "fuzz.csv"), delimiter: delimiter, shape: shape)
        let expected = Reference.read(bytes, delimiter: delimiter)
        switch (outcome, expected) {
        case (.records(let records), .some(let reference)):
            invariant(records == reference, "\(show(bytes)): read \(records.prefix(3)), the reference \(reference.prefix(3))")
            let written = write(records, delimiter: delimiter)
            let again = read(.bytes(written, name: "again.csv"), delimiter: delimiter, shape: TextShape(written))
            guard case .records(let reread) = again else {
                invariant(false, "\(show(bytes)): written back as \(show(written)), it fails: \(again)")
                return 0
            }
            invariant(reread.map(\.fields) == records.map(\.fields), "\(show(bytes)): written back, reads as \(reread.prefix(3))")
        case (.failure, nil):
            break
        case (.records(let records), nil):
            invariant(false, "\(show(bytes)) (delimiter \(delimiter)): read as \(records.prefix(3)), the reference refuses it")
        case (.failure(let line, let column), .some(let reference)):
            invariant(false, "\(show(bytes)) (delimiter \(delimiter)): fails at \(String(describing: line)):\(String(describing: column)), "
                        + "the reference reads \(reference.prefix(3))")
        }
        if delimiter == UInt8(ascii: ",") { checkChunked(bytes, outcome: outcome) }
    }
    return 0
}

/// Every record of `input`, or where it fails; the error must be an ImportError inside the text.
func read(_ input: InputSource, delimiter: UInt8, shape: TextShape) -> Outcome {
    do {
        var reader = CSVReader(reader: try ChunkedReader(input), delimiter: Delimiter(rawValue: delimiter)!, fileName: "fuzz.csv")
        var records: [Record] = []
        var record = CSVRecord()
        while try reader.next(into: &record) {
            invariant(record.fields.count == record.locations.count && !record.fields.isEmpty, "a record of \(record.fields.count) fields")
            invariant(record.locations.allSatisfy { $0.line >= record.line }, "a field before its record's line \(record.line)")
            records.append(Record(fields: record.fields, line: record.line, columns: record.locations.map(\.column)))
        }
        return .records(records)
    } catch let error as ImportError {
        if let line = error.line { invariant((1...shape.lines).contains(line), "line \(line) of \(shape.lines): \(error)") }
        if let column = error.column {
            invariant((1...shape.longestLine + 1).contains(column), "column \(column), the longest line \(shape.longestLine): \(error)")
        }
        return .failure(line: error.line, column: error.column)
    } catch {
        invariant(false, "the CSV reader threw \(type(of: error)): \(error)")
        fatalError()
    }
}

/// The records as CSV with every field quoted.
func write(_ records: [Record], delimiter: UInt8) -> [UInt8] {
    var bytes: [UInt8] = []
    for record in records {
        for (index, field) in record.fields.enumerated() {
            if index > 0 { bytes.append(delimiter) }
            bytes.append(UInt8(ascii: "\""))
            for byte in field.utf8 {
                bytes.append(byte)
                if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            }
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(0x0A)
    }
    return bytes
}

/// The bytes after blank lines, in a file, so that the reader's first 64 KiB chunk ends
/// inside them (where, depends on the input's first byte).
func checkChunked(_ bytes: [UInt8], outcome: Outcome) {
    // What the reader judges from the start of a file is not at the start after blank lines.
    guard TextEncodingCheck.foreignStart(bytes[...]) == nil else { return }
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    guard !body.isEmpty else { return }
    let cut = Int(body[0]) % (body.count + 1)
    let filler = ChunkedReader.chunkSize - cut
    let file = [UInt8](repeating: 0x0A, count: filler) + body
    guard FileManager.default.createFile(atPath: scratch, contents: Data(file)) else { fatalError("cannot write \(scratch)") }
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    var chunked = read(.file(scratch), delimiter: UInt8(ascii: ","), shape: TextShape(file))
    // Lines counted from the file's start: take the blank lines off.
    switch chunked {
    case .records(let records):
        chunked = .records(records.map { Record(fields: $0.fields, line: $0.line - filler, columns: $0.columns) })
    case .failure(let line, let column):
        chunked = .failure(line: line.map { $0 - filler }, column: column)
    }
    invariant(chunked == outcome, "\(show(bytes)): read in chunks cut at byte \(cut), \(chunked); at once, \(outcome)")
}

/// RFC 4180 as the reader documents it, written as plainly as possible: whole input in
/// memory, one byte at a time. Returns nil where the reader must refuse the input.
enum Reference {
    static func read(_ input: [UInt8], delimiter: UInt8) -> [Record]? {
        // A start that is not text (a byte-order mark of UTF-16 or UTF-32, a binary format,
        // NUL bytes all over): the library's own judgement of the first 64 bytes.
        if TextEncodingCheck.foreignStart(input[...]) != nil { return nil }
        let bytes = input.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(input.dropFirst(3)) : input
        var index = 0, line = 1, column = 1
        var records: [Record] = []
        func take() {
            let byte = bytes[index]
            if byte == 0x0D || (byte == 0x0A && (index == 0 || bytes[index - 1] != 0x0D)) {
                line += 1
                column = 1
            } else if byte != 0x0A, byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        func isEnd(_ byte: UInt8) -> Bool { byte == delimiter || byte == 0x0A || byte == 0x0D }
        while true {
            while index < bytes.count, bytes[index] == 0x0A || bytes[index] == 0x0D { take() }
            if index == bytes.count { return records }
            var record = Record(fields: [], line: line, columns: [])
            while true {
                record.columns.append(column)
                var field: [UInt8] = []
                if bytes[index] == UInt8(ascii: "\"") {
                    take()
                    while true {
                        guard index < bytes.count else { return nil }  // never closed
                        if bytes[index] == UInt8(ascii: "\"") {
                            if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                                field.append(bytes[index])
                                take(); take()
                                continue
                            }
                            take()
                            break
                        }
                        field.append(bytes[index])
                        take()
                    }
                    if index < bytes.count, !isEnd(bytes[index]) { return nil }  // text after the closing quote
                } else {
                    while index < bytes.count, !isEnd(bytes[index]) {
                        if bytes[index] == UInt8(ascii: "\"") { return nil }  // a quote inside an unquoted field
                        field.append(bytes[index])
                        take()
                    }
                }
                guard !field.contains(0), let text = String(validating: field, as: UTF8.self) else { return nil }
                record.fields.append(text)
                if index == bytes.count { break }
                let end = bytes[index]
                take()
                if end == delimiter {
                    // A delimiter at the very end still opens an (empty) field.
                    if index == bytes.count {
                        record.columns.append(column)
                        record.fields.append("")
                        break
                    }
                    continue
                }
                if end == 0x0D, index < bytes.count, bytes[index] == 0x0A { take() }
                break
            }
            records.append(record)
        }
    }
}

@main
struct CSVReaderFuzzer {
    static func main() { runFuzzer(fuzzOneInput) }
}
