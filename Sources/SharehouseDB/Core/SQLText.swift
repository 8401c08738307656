/// Small lexical helpers over UTF-8 SQL text: enough to find where a statement starts
/// and what its first keywords are. Parsing proper is SQLite's job.
enum SQLText {
    /// The index of the first byte that is not white space or inside a comment
    /// (`-- ...` to the end of the line, `/* ... */`), or `bytes.endIndex`.
    static func skipSpaceAndComments<C: Collection<UInt8>>(_ bytes: C, from start: C.Index) -> C.Index {
        var index = start
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C || byte == 0x0B {
                index = bytes.index(after: index)
            } else if byte == UInt8(ascii: "-"), next(bytes, index) == UInt8(ascii: "-") {
                while index != bytes.endIndex, bytes[index] != 0x0A { index = bytes.index(after: index) }
            } else if byte == UInt8(ascii: "/"), next(bytes, index) == UInt8(ascii: "*") {
                index = bytes.index(index, offsetBy: 2)
                while index != bytes.endIndex {
                    if bytes[index] == UInt8(ascii: "*"), next(bytes, index) == UInt8(ascii: "/") {
                        index = bytes.index(index, offsetBy: 2)
                        break
                    }
                    index = bytes.index(after: index)
                }
            } else {
                return index
            }
        }
        return index
    }

    /// True when `bytes` holds anything but white space, comments and semicolons.
    static func hasStatement<C: Collection<UInt8>>(in bytes: C) -> Bool {
        var index = bytes.startIndex
        while true {
            index = skipSpaceAndComments(bytes, from: index)
            guard index != bytes.endIndex else { return false }
            guard bytes[index] == UInt8(ascii: ";") else { return true }
            index = bytes.index(after: index)
        }
    }

    /// The first `count` words of the statement (upper-cased; a word is letters, digits
    /// and `_`, and a `.` between two words joins them, as in `main.foreign_keys`).
    static func leadingWords(of sql: String, count: Int) -> [String] {
        let bytes = Array(sql.utf8)
        var words: [String] = []
        var index = 0
        while words.count < count {
            index = skipSpaceAndComments(bytes, from: index)
            var end = index
            while end < bytes.count, isWordByte(bytes[end]) || (bytes[end] == UInt8(ascii: ".") && end > index) {
                end += 1
            }
            guard end > index else { break }
            words.append(String(decoding: bytes[index..<end], as: UTF8.self).uppercased())
            index = end
        }
        return words
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
    }

    private static func next<C: Collection<UInt8>>(_ bytes: C, _ index: C.Index) -> UInt8? {
        let after = bytes.index(after: index)
        return after == bytes.endIndex ? nil : bytes[after]
    }
}
