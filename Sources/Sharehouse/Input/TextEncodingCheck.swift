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

    /// The likely encoding of bytes that are not valid UTF-8.
    static func likelyEncoding(of bytes: some Collection<UInt8>) -> String {
        let zeros = bytes.lazy.filter { $0 == 0 }.count
        if zeros > 0, zeros * 4 >= bytes.count { return "UTF-16" }
        // Arabic in a single-byte code page writes whole words in high bytes; Latin-1
        // text has an accented letter here and there between ASCII ones.
        var run = 0, longestRun = 0
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
