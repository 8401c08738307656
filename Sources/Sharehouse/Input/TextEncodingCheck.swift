/// Tells UTF-8 text from the encodings that are often mistaken for it, so that a file in
/// Latin-1 or UTF-16 is refused with the encoding named, never stored as mojibake.
enum TextEncodingCheck {
    /// The encoding a byte-order mark at the start of `bytes` announces, if it is not UTF-8.
    static func foreignByteOrderMark(_ bytes: ArraySlice<UInt8>) -> String? {
        let prefix = Array(bytes.prefix(4))
        if prefix.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return "UTF-32 (little-endian)" }
        if prefix.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return "UTF-32 (big-endian)" }
        if prefix.starts(with: [0xFF, 0xFE]) { return "UTF-16 (little-endian)" }
        if prefix.starts(with: [0xFE, 0xFF]) { return "UTF-16 (big-endian)" }
        return nil
    }

    /// Formats a snapshot file is often mistaken for, by their first bytes, each with what
    /// to do instead. A workbook saved with a .csv name is the common case.
    static let binarySignatures: [(bytes: [UInt8], format: String, advice: String)] = [
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive", "an Excel .xlsx or OpenDocument .ods workbook is one: save the sheet as CSV UTF-8"),
        ([0x50, 0x4B, 0x05, 0x06], "a ZIP archive", "an Excel .xlsx or OpenDocument .ods workbook is one: save the sheet as CSV UTF-8"),
        (
            [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "an old Office document",
            "such as an Excel .xls workbook: save the sheet as CSV UTF-8"
        ),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG image", "a table in a picture must be typed in"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image", "a table in a picture must be typed in"),
        (Array("%PDF-".utf8), "a PDF document", "copy the table out of it into a CSV file"),
        ([0x1F, 0x8B], "a gzip-compressed file", "decompress it first"),
        (Array("SQLite format 3".utf8) + [0], "an SQLite database", "read it with `sharehouse sql` or sqlite3, or export a CSV"),
        ([0x7F, 0x45, 0x4C, 0x46], "an executable program (ELF)", "give the data file"),
        ([0xCF, 0xFA, 0xED, 0xFE], "an executable program (Mach-O)", "give the data file"),
        ([0xCA, 0xFE, 0xBA, 0xBE], "an executable program (Mach-O)", "give the data file"),
    ]

    /// Why an input is not UTF-8 text, judged from its first bytes: a byte-order mark of
    /// another encoding, a known binary format, UTF-16 without a mark (a NUL byte beside
    /// every ASCII letter), or NUL bytes all over (binary data). Nil when the start looks
    /// like text; invalid bytes further on are found where they are read.
    static func foreignStart(_ bytes: ArraySlice<UInt8>) -> String? {
        if let encoding = foreignByteOrderMark(bytes) { return message(encoding: encoding) }
        for signature in binarySignatures where bytes.starts(with: signature.bytes) {
            return "the input is \(signature.format), not text (\(signature.advice))"
        }
        let prefix = bytes.prefix(64)
        guard prefix.contains(0) else { return nil }
        var zerosAtEven = 0
        var zerosAtOdd = 0
        for (offset, byte) in prefix.enumerated() where byte == 0 {
            if offset % 2 == 0 { zerosAtEven += 1 } else { zerosAtOdd += 1 }
        }
        if zerosAtOdd >= 2, zerosAtEven == 0 { return message(encoding: "UTF-16 (little-endian) without a byte-order mark") }
        if zerosAtEven >= 2, zerosAtOdd == 0 { return message(encoding: "UTF-16 (big-endian) without a byte-order mark") }
        // A stray NUL or two is left to the reader, which names its line and column.
        return zerosAtEven + zerosAtOdd >= 4 ? nulMessage : nil
    }

    /// The message for NUL bytes, which no text file holds.
    static let nulMessage =
        "the input holds NUL bytes (0x00), which text never does: it is binary data, not text; "
        + "expected a UTF-8 CSV, TSV, JSON or NDJSON file"

    /// The message for one NUL byte inside otherwise readable text.
    static let nulByteMessage = "a NUL byte (0x00), which text never holds; remove it (was the file produced by a broken export?)"

    /// The likely encoding of bytes that are not valid UTF-8.
    static func likelyEncoding(of bytes: some Collection<UInt8>) -> String {
        let zeros = bytes.lazy.filter { $0 == 0 }.count
        if zeros > 0, zeros * 4 >= bytes.count { return "UTF-16" }
        // Arabic in a single-byte code page writes whole words in high bytes; Latin-1
        // text has an accented letter here and there between ASCII ones.
        var run = 0
        var longestRun = 0
        for byte in bytes {
            run = byte >= 0xC0 ? run + 1 : 0
            longestRun = max(longestRun, run)
        }
        if longestRun >= 3 { return "Windows-1256 (Arabic) or another single-byte code page" }
        if bytes.contains(where: { (0x80...0x9F).contains($0) }) { return "Windows-1252" }
        return "Latin-1 (ISO-8859-1)"
    }

    /// The offset of the first byte at which `bytes` stop being valid UTF-8, or nil.
    static func firstInvalidUTF8(in bytes: some Collection<UInt8>) -> Int? {
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var consumed = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                consumed += UTF8.width(scalar)
                offset = consumed
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }

    /// The message for text that is not UTF-8.
    static func message(encoding: String) -> String {
        "the text is not UTF-8 (it looks like \(encoding)); save the file as UTF-8 and import it again"
    }
}
