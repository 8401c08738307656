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

    /// The first `count` words of the statement, upper-cased. A word is an identifier,
    /// bare (letters, digits, `_`) or quoted (`"x"`, `[x]`, `` `x` ``, `'x'`, quotes
    /// removed); a schema-qualified name (`main . "foreign_keys"`) is one word,
    /// `MAIN.FOREIGN_KEYS`. Anything else ends the list.
    static func leadingWords(of sql: String, count: Int) -> [String] {
        let bytes = Array(sql.utf8)
        var words: [String] = []
        var index = 0
        while words.count < count {
            index = skipSpaceAndComments(bytes, from: index)
            guard var word = identifier(bytes, at: &index) else { break }
            // Join `schema . name`.
            var lookahead = skipSpaceAndComments(bytes, from: index)
            while lookahead < bytes.count, bytes[lookahead] == UInt8(ascii: ".") {
                var after = skipSpaceAndComments(bytes, from: lookahead + 1)
                guard let part = identifier(bytes, at: &after) else { break }
                word += "." + part
                index = after
                lookahead = skipSpaceAndComments(bytes, from: index)
            }
            words.append(word.uppercased())
        }
        return words
    }

    /// The identifier at `index` (quotes removed), moving `index` past it.
    private static func identifier(_ bytes: [UInt8], at index: inout Int) -> String? {
        guard index < bytes.count else { return nil }
        let closing: UInt8?
        switch bytes[index] {
        case UInt8(ascii: "\""): closing = UInt8(ascii: "\"")
        case UInt8(ascii: "`"): closing = UInt8(ascii: "`")
        case UInt8(ascii: "'"): closing = UInt8(ascii: "'")
        case UInt8(ascii: "["): closing = UInt8(ascii: "]")
        default: closing = nil
        }
        if let closing {
            var end = index + 1
            var text: [UInt8] = []
            while end < bytes.count {
                if bytes[end] == closing {
                    // A doubled quote is a quote inside the name (not for [...]).
                    if closing != UInt8(ascii: "]"), end + 1 < bytes.count, bytes[end + 1] == closing {
                        text.append(closing)
                        end += 2
                        continue
                    }
                    index = end + 1
                    return String(decoding: text, as: UTF8.self)
                }
                text.append(bytes[end])
                end += 1
            }
            return nil
        }
        var end = index
        while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
        guard end > index else { return nil }
        defer { index = end }
        return String(decoding: bytes[index..<end], as: UTF8.self)
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
    }

    private static func next<C: Collection<UInt8>>(_ bytes: C, _ index: C.Index) -> UInt8? {
        let after = bytes.index(after: index)
        return after == bytes.endIndex ? nil : bytes[after]
    }
}
