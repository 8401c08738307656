import SharehouseDB

/// A strict, streaming RFC 4180 reader over bytes.
///
/// It reads fields quoted with `"` (a quote inside is written twice, line breaks inside
/// are data), CRLF, LF or CR line ends, and a UTF-8 byte-order mark. It refuses, with the
/// line and column: a quote inside an unquoted field, text after a closing quote, a quote
/// never closed, text that is not UTF-8 (naming the likely encoding), and fields or
/// records too large to be real. Blank lines are skipped.
///
/// Written here rather than taken from a CSV package because an import needs what those
/// do not give: the line and column of every field, refusal instead of repair, and the
/// encoding check, at the speed of a byte loop (the benchmark measures it).
struct CSVReader {
    static let maximumFieldBytes = 1 << 20
    static let maximumFields = 10_000
    /// All the fields of one record together: a wide table of 10,000 periods is a few
    /// hundred KiB, and without this a line of 10,000 fields of 1 MiB each would be held
    /// whole (10 GiB) before anything looked at it.
    static let maximumRecordBytes = 4 << 20

    let fileName: String
    let delimiter: Delimiter
    /// The delimiter's byte, for the byte loops.
    private let delimiterByte: UInt8
    private let reader: ChunkedReader
    private var chunk: [UInt8] = []
    private var index = 0
    private var exhausted = false
    private var startChecked = false
    private var position = TextPosition()
    private var field: [UInt8] = []
    /// True while the field read so far is ASCII without NUL bytes.
    private var fieldIsPlainASCII = true
    /// Bytes of the fields of the current record before the one being read.
    private var recordBytes = 0

    init(reader: ChunkedReader, delimiter: Delimiter, fileName: String) {
        self.reader = reader
        self.delimiter = delimiter
        delimiterByte = delimiter.byte
        self.fileName = fileName
    }

    /// Reads the next record into `record`; false at the end of the input.
    mutating func next(into record: inout CSVRecord) throws -> Bool {
        if !startChecked { try checkStart() }
        while let byte = try peek(), byte == 0x0A || byte == 0x0D { advance(byte) }  // blank lines
        guard try peek() != nil else { return false }
        record.fields.removeAll(keepingCapacity: true)
        record.locations.removeAll(keepingCapacity: true)
        record.line = position.line
        recordBytes = 0
        while true {
            let location = position.location
            let quoted = try readField(at: location)
            guard record.fields.count < Self.maximumFields else {
                throw ImportError(file: fileName, at: location, reason: "the record has more than \(Self.maximumFields) fields")
            }
            record.fields.append(try text(of: field, at: location, quoted: quoted))
            record.locations.append(location)
            recordBytes += field.count
            guard let byte = try peek() else { return true }
            if byte == delimiterByte {
                advance(byte)
                continue
            }
            // A line end: CR, LF or CRLF.
            advance(byte)
            if byte == 0x0D, let next = try peek(), next == 0x0A { advance(next) }
            return true
        }
    }

    /// Reads one field into `field`; true when it was quoted.
    @discardableResult
    private mutating func readField(at location: SourceLocation) throws -> Bool {
        field.removeAll(keepingCapacity: true)
        fieldIsPlainASCII = true
        if let first = try peek(), first == UInt8(ascii: "\"") {
            advance(first)
            while true {
                guard let byte = try peek() else {
                    throw ImportError(
                        file: fileName, at: location, reason: "the quote opened here is never closed",
                        expected: "a closing \" before the end of the file")
                }
                advance(byte)
                if byte == UInt8(ascii: "\"") {
                    guard let next = try peek(), next == UInt8(ascii: "\"") else { break }
                    advance(next)
                }
                try append(byte, at: location)
            }
            if let after = try peek(), after != delimiterByte, after != 0x0A, after != 0x0D {
                // A quoted header followed by another delimiter: the file is delimited
                // otherwise than its name says (R's write.csv2 quotes and uses ';').
                if position.line == 1, let other = Delimiter(rawValue: after) {
                    throw ImportError(
                        file: fileName, at: position.location,
                        reason: "a \(other.name) follows the quoted field at \(location): the file looks "
                            + "\(other.name)-delimited, but it is read as \(delimiter.name)-delimited",
                        expected: "--delimiter '\(other == .tab ? "\\t" : String(UnicodeScalar(other.byte)))' (and --entity-column, "
                            + "--period-column, --value-column for headers Sharehouse does not know)")
                }
                throw ImportError(
                    file: fileName, at: position.location,
                    reason: "unexpected text after the closing quote of the field at \(location)",
                    expected: "a delimiter or the end of the line (a quote inside a quoted field is written twice: \"\")")
            }
            return true
        }
        // An unquoted field: take the run of bytes up to a delimiter, line end or quote in
        // one go (the hot loop of every import), chunk by chunk.
        while try index < chunk.count || refill(keeping: false) {
            var end = index
            var columns = 0
            while end < chunk.count {
                let byte = chunk[end]
                if byte == delimiterByte || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: "\"") { break }
                if byte >= 0x80 || byte == 0 { fieldIsPlainASCII = false }
                if byte & 0xC0 != 0x80 { columns += 1 }
                end += 1
            }
            if end > index {
                guard field.count + (end - index) <= Self.maximumFieldBytes else {
                    throw ImportError(
                        file: fileName, at: location,
                        reason: "the field is longer than \(Self.maximumFieldBytes / 1024) KiB; this is not a table of figures")
                }
                try checkRecordSize(adding: end - index, at: location)
                field.append(contentsOf: chunk[index..<end])
                position.advance(columns: columns)
                index = end
            }
            if end < chunk.count { break }
        }
        if let byte = try peek(), byte == UInt8(ascii: "\"") {
            throw ImportError(
                file: fileName, at: position.location, reason: "a quote inside an unquoted field",
                expected: "the whole field in quotes, with the quote written twice (\"say \"\"hi\"\"\")")
        }
        return false
    }

    private mutating func append(_ byte: UInt8, at location: SourceLocation) throws {
        if byte >= 0x80 || byte == 0 { fieldIsPlainASCII = false }
        guard field.count < Self.maximumFieldBytes else {
            // Almost always a quote left open: everything after it reads as one field.
            throw ImportError(
                file: fileName, at: location,
                reason: "the quoted field that starts here is longer than \(Self.maximumFieldBytes / 1024) KiB: "
                    + "is it a quote left open?",
                expected: "a closing \" at the end of the field (a quote inside a quoted field is written twice: \"\")")
        }
        try checkRecordSize(adding: 1, at: location)
        field.append(byte)
    }

    private func checkRecordSize(adding count: Int, at location: SourceLocation) throws {
        guard recordBytes + field.count + count <= Self.maximumRecordBytes else {
            throw ImportError(
                file: fileName, at: location,
                reason: "the line is longer than \(Self.maximumRecordBytes / 1024) KiB; this is not a table of figures")
        }
    }

    private func text(of bytes: [UInt8], at location: SourceLocation, quoted: Bool) throws -> String {
        // ASCII (what codes, periods and numbers are) needs no validation.
        if fieldIsPlainASCII { return String(decoding: bytes, as: UTF8.self) }
        if let text = String(validating: bytes, as: UTF8.self), !bytes.contains(0) {
            return text
        }
        // Whichever comes first: a NUL byte (valid UTF-8, but never text) or a byte that is
        // not UTF-8.
        let nul = bytes.firstIndex(of: 0)
        let invalid = TextEncodingCheck.firstInvalidUTF8(in: bytes)
        let offset = [nul, invalid].compactMap { $0 }.min() ?? 0
        // A quoted field may span lines, and a column counts characters, not bytes.
        // (Fuzzing found a NUL on line 41 reported as line 1, column 647.)
        var place = TextPosition(line: location.line, column: location.column + (quoted ? 1 : 0))
        place.advance(past: bytes[..<offset])
        throw ImportError(
            file: fileName, at: place.location,
            reason: offset == nul
                ? TextEncodingCheck.nulByteMessage
                : TextEncodingCheck.message(encoding: TextEncodingCheck.likelyEncoding(of: bytes)))
    }

    /// Skips a UTF-8 byte-order mark; refuses UTF-16 and UTF-32 (with a mark or without),
    /// and files that are not text at all (a workbook, an image, a program).
    private mutating func checkStart() throws {
        startChecked = true
        guard try peek() != nil else { return }
        while chunk.count - index < 64, !exhausted, try refill(keeping: true) {}
        if let reason = TextEncodingCheck.foreignStart(chunk[index...]) {
            throw ImportError(file: fileName, line: 1, column: 1, reason: reason)
        }
        if chunk[index...].starts(with: [0xEF, 0xBB, 0xBF]) { index += 3 }
    }

    // MARK: Bytes

    private mutating func peek() throws -> UInt8? {
        if index < chunk.count { return chunk[index] }
        guard try refill(keeping: false) else { return nil }
        return chunk[index]
    }

    /// Loads the next chunk; with `keeping`, appends it to what is left of this one.
    private mutating func refill(keeping: Bool) throws -> Bool {
        guard !exhausted, let next = try reader.next() else {
            exhausted = true
            return false
        }
        if keeping {
            chunk = Array(chunk[index...]) + next
        } else {
            chunk = next
        }
        index = 0
        return true
    }

    /// Moves past `byte` (the current one), keeping the line and column.
    private mutating func advance(_ byte: UInt8) {
        index += 1
        position.advance(past: byte)
    }
}
