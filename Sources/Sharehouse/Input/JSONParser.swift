import SharehouseDB

/// A strict RFC 8259 JSON parser over UTF-8 bytes that keeps number texts and the line and
/// column of every value.
///
/// Written here because Foundation's `JSONSerialization` and `JSONDecoder` turn `17.10`
/// into the double 17.1 (losing the published precision) and report errors without a
/// usable line and column. Duplicate keys, nesting deeper than ``maximumDepth``, invalid
/// UTF-8 and anything after the value are errors.
struct JSONParser {
    static let maximumDepth = 64

    private let bytes: [UInt8]
    private let fileName: String
    private var index = 0
    private var position: TextPosition
    /// The member of the top-level object whose array is skipped and left to a cursor
    /// (see ``parse(_:fileName:deferring:)``), and where that array starts.
    private var deferredMember: String?
    private var deferredArray: (index: Int, position: TextPosition)?

    init(bytes: [UInt8], fileName: String, startLine: Int = 1) {
        self.bytes = bytes
        self.fileName = fileName
        position = TextPosition(line: startLine)
    }

    /// Parses the whole text as one JSON value.
    static func parse(_ bytes: [UInt8], fileName: String, startLine: Int = 1) throws -> JSONNode {
        var parser = JSONParser(bytes: bytes, fileName: fileName, startLine: startLine)
        return try parser.parseDocument()
    }

    /// Parses the whole text as one JSON value, but keeps the array of the top-level
    /// object's member `member` out of the tree (the node holds an empty array): the
    /// parser only finds where it ends (its brackets and strings), and the cursor parses
    /// its elements, strictly, one at a time. An array that never ends is parsed here, to
    /// say where it goes wrong.
    ///
    /// A snapshot's observations are nearly all of it, and a parsed node takes about ten
    /// times the bytes of its text: a JSON snapshot at its 32 MiB limit took 330 MB as a
    /// tree, and takes about twice its size this way.
    static func parse(_ bytes: [UInt8], fileName: String, deferring member: String) throws -> (JSONNode, ArrayCursor?) {
        var parser = JSONParser(bytes: bytes, fileName: fileName)
        parser.deferredMember = member
        let root = try parser.parseDocument()
        guard let start = parser.deferredArray else { return (root, nil) }
        var cursor = JSONParser(bytes: bytes, fileName: fileName)
        (cursor.index, cursor.position) = start
        return (root, ArrayCursor(parser: cursor, elementDepth: 2))
    }

    /// The elements of the text's top-level array, parsed one at a time by the cursor (a
    /// page of the Hub's model listing is such an array); when the text is not an array,
    /// nil and the whole value parsed, so that the error can say what it is instead (an
    /// error object such as `{"error": "..."}`).
    ///
    /// Nothing is parsed ahead: a problem in the array is found when the cursor reaches
    /// it, after the elements before it were handed out.
    static func parseArray(_ bytes: [UInt8], fileName: String) throws -> (ArrayCursor?, JSONNode?) {
        var parser = JSONParser(bytes: bytes, fileName: fileName)
        try parser.checkStart()
        parser.skipSpace()
        guard parser.current == UInt8(ascii: "[") else { return (nil, try JSONParser.parse(bytes, fileName: fileName)) }
        var cursor = ArrayCursor(parser: parser, elementDepth: 1)
        cursor.endsDocument = true
        return (cursor, nil)
    }

    /// The elements of an array that ``parse(_:fileName:deferring:)`` left out of the
    /// tree, parsed one at a time, with the errors and places a whole parse would give.
    struct ArrayCursor {
        private var parser: JSONParser
        private var started = false
        private var finished = false
        /// How deep the elements are: 2 for a member of the top-level object, 1 for the
        /// top-level array itself.
        private let elementDepth: Int
        /// True when the array is the whole document: only white space may follow it.
        fileprivate var endsDocument = false

        fileprivate init(parser: JSONParser, elementDepth: Int) {
            self.parser = parser
            self.elementDepth = elementDepth
        }

        /// The next element, or nil after the last.
        mutating func next() throws -> JSONNode? {
            guard try moveToNext() else { return nil }
            return try parser.parseValue(depth: elementDepth)
        }

        /// The next element as `fast` reads it when it can, else as `slow` reads its parsed
        /// node; nil after the last. `fast` is given the text, where the element starts and
        /// its place, and returns what it read and the index past it; it may read only
        /// ASCII on the element's line (so the place after it is simple to count), and
        /// returns nil for anything else, which the strict parse then reads.
        mutating func next<Element>(
            fast: (UnsafeBufferPointer<UInt8>, Int, SourceLocation) -> (Element, Int)?, slow: (JSONNode) throws -> Element
        ) throws -> Element? {
            guard try moveToNext() else { return nil }
            let start = parser.index
            let location = parser.position.location
            if let (element, end) = parser.bytes.withUnsafeBufferPointer({ fast($0, start, location) }) {
                parser.index = end
                parser.position.advance(columns: end - start)
                return element
            }
            return try slow(try parser.parseValue(depth: elementDepth))
        }

        /// Moves to the start of the next element; false after the last.
        private mutating func moveToNext() throws -> Bool {
            guard !finished else { return false }
            parser.skipSpace()
            if started {
                guard let byte = parser.current else { throw parser.error("the array is never closed", expected: "']'") }
                parser.advance()
                if byte == UInt8(ascii: "]") {
                    finished = true
                    try checkEnd()
                    return false
                }
                guard byte == UInt8(ascii: ",") else {
                    throw parser.error("unexpected \(parser.describe(byte)) in an array", expected: "',' or ']'", back: 1)
                }
                parser.skipSpace()
            } else {
                started = true
                parser.advance()  // [
                parser.skipSpace()
                if parser.current == UInt8(ascii: "]") {
                    parser.advance()
                    finished = true
                    try checkEnd()
                    return false
                }
            }
            return true
        }

        /// After the closing bracket of an array that is the whole document: nothing but
        /// white space.
        private mutating func checkEnd() throws {
            guard endsDocument else { return }
            parser.skipSpace()
            guard parser.current == nil else {
                if parser.atComment { throw parser.commentError() }
                throw parser.error("unexpected text after the JSON value", expected: "the end of the input")
            }
        }
    }

    private mutating func parseDocument() throws -> JSONNode {
        try checkStart()
        skipSpace()
        guard index < bytes.count else {
            throw error("the input is empty", expected: "a JSON value")
        }
        let value = try parseValue(depth: 0)
        skipSpace()
        guard index == bytes.count else {
            if atComment { throw commentError() }
            throw error("unexpected text after the JSON value", expected: "the end of the input")
        }
        return value
    }

    /// Refuses text that is not UTF-8 and moves past a UTF-8 byte-order mark.
    private mutating func checkStart() throws {
        if let reason = TextEncodingCheck.foreignStart(bytes[...]) {
            throw ImportError(file: fileName, line: position.line, column: 1, reason: reason)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        // JSON text is UTF-8 and never holds a NUL byte: NULs mean UTF-16 (or UTF-32)
        // without a byte-order mark.
        if bytes.prefix(4).contains(0) {
            throw ImportError(
                file: fileName, line: position.line, column: 1,
                reason: TextEncodingCheck.message(encoding: TextEncodingCheck.likelyEncoding(of: bytes.prefix(64))))
        }
    }

    private mutating func parseValue(depth: Int) throws -> JSONNode {
        guard depth < Self.maximumDepth else {
            throw error("the JSON is nested more than \(Self.maximumDepth) levels deep")
        }
        let location = position.location
        guard let byte = current else { throw error("the input ends too early", expected: "a JSON value") }
        switch byte {
        case UInt8(ascii: "{"): return JSONNode(value: try parseObject(depth: depth), location: location)
        case UInt8(ascii: "["): return JSONNode(value: try parseArray(depth: depth), location: location)
        case UInt8(ascii: "\""): return JSONNode(value: .string(try parseString()), location: location)
        case UInt8(ascii: "t"):
            try expectWord("true")
            return JSONNode(value: .bool(true), location: location)
        case UInt8(ascii: "f"):
            try expectWord("false")
            return JSONNode(value: .bool(false), location: location)
        case UInt8(ascii: "n"):
            try expectWord("null")
            return JSONNode(value: .null, location: location)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(value: .number(try parseNumber()), location: location)
        default:
            if atComment { throw commentError() }
            throw error("unexpected \(describe(byte))", expected: "a JSON value (object, array, string, number, true, false or null)")
        }
    }

    private mutating func parseObject(depth: Int) throws -> JSONNode.Value {
        advance()  // {
        var members: [(key: String, keyLocation: SourceLocation, node: JSONNode)] = []
        var seen = Set<String>()
        skipSpace()
        if current == UInt8(ascii: "}") {
            advance()
            return .object(members)
        }
        while true {
            skipSpace()
            let keyLocation = position.location
            guard current == UInt8(ascii: "\"") else {
                if current == nil { throw error("the object is never closed", expected: "a member name in quotes, or '}'") }
                if atComment { throw commentError() }
                throw error("expected a member name in quotes")
            }
            let key = try parseString()
            guard seen.insert(key).inserted else {
                throw ImportError(file: fileName, at: keyLocation, reason: "the member \"\(key)\" appears twice in this object")
            }
            skipSpace()
            guard current == UInt8(ascii: ":") else { throw error("expected ':' after the member name \"\(key)\"") }
            advance()
            skipSpace()
            if depth == 0, key == deferredMember, current == UInt8(ascii: "[") {
                let location = position.location
                deferredArray = (index, position)
                if !skipBalanced() {
                    (index, position) = deferredArray!
                    _ = try parseArray(depth: depth + 1, keepingElements: false)
                }
                members.append((key, keyLocation, JSONNode(value: .array([]), location: location)))
            } else {
                members.append((key, keyLocation, try parseValue(depth: depth + 1)))
            }
            skipSpace()
            guard let byte = current else { throw error("the object is never closed", expected: "'}'") }
            advance()
            if byte == UInt8(ascii: "}") { return .object(members) }
            guard byte == UInt8(ascii: ",") else {
                throw error("unexpected \(describe(byte)) in an object", expected: "',' or '}'", back: 1)
            }
        }
    }

    /// An array; with `keepingElements` false its elements are parsed (and so checked) but
    /// not kept.
    private mutating func parseArray(depth: Int, keepingElements: Bool = true) throws -> JSONNode.Value {
        advance()  // [
        var elements: [JSONNode] = []
        skipSpace()
        if current == UInt8(ascii: "]") {
            advance()
            return .array(elements)
        }
        while true {
            skipSpace()
            let element = try parseValue(depth: depth + 1)
            if keepingElements { elements.append(element) }
            skipSpace()
            guard let byte = current else { throw error("the array is never closed", expected: "']'") }
            advance()
            if byte == UInt8(ascii: "]") { return .array(elements) }
            guard byte == UInt8(ascii: ",") else {
                throw error("unexpected \(describe(byte)) in an array", expected: "',' or ']'", back: 1)
            }
        }
    }

    /// Moves past the array or object that starts here looking only at brackets and
    /// strings (whatever is between them is for the cursor to check); false when the
    /// input ends inside it.
    private mutating func skipBalanced() -> Bool {
        var depth = 0
        var inString = false
        while let byte = current {
            advance()
            if inString {
                if byte == UInt8(ascii: "\\"), current != nil {
                    advance()
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 { return true }
            default: break
            }
        }
        return false
    }

    /// A string. Runs of bytes between escapes are validated where they lie in the input
    /// and appended whole: copying them byte by byte into a buffer and then scalar by
    /// scalar took about ten times a long string's size (300 MB for a 31 MB string).
    private mutating func parseString() throws -> String {
        let start = position.location
        advance()  // "
        var text = ""
        var runStart = index
        while true {
            guard let byte = current else {
                throw ImportError(
                    file: fileName, at: start, reason: "the string that starts here is never closed", expected: "a closing \"")
            }
            if byte == UInt8(ascii: "\"") {
                try appendRun(runStart..<index, to: &text, stringStart: start)
                advance()
                return text
            }
            if byte < 0x20 {
                throw error("a control character (a raw line break or tab) inside a string", expected: "it written as an escape (\\n, \\t)")
            }
            if byte == UInt8(ascii: "\\") {
                try appendRun(runStart..<index, to: &text, stringStart: start)
                advance()
                guard let escape = current else { throw error("the input ends inside an escape") }
                advance()
                switch escape {
                case UInt8(ascii: "\""): text.unicodeScalars.append("\"")
                case UInt8(ascii: "\\"): text.unicodeScalars.append("\\")
                case UInt8(ascii: "/"): text.unicodeScalars.append("/")
                case UInt8(ascii: "b"): text.unicodeScalars.append("\u{08}")
                case UInt8(ascii: "f"): text.unicodeScalars.append("\u{0C}")
                case UInt8(ascii: "n"): text.unicodeScalars.append("\n")
                case UInt8(ascii: "r"): text.unicodeScalars.append("\r")
                case UInt8(ascii: "t"): text.unicodeScalars.append("\t")
                case UInt8(ascii: "u"): text.unicodeScalars.append(try parseUnicodeEscape())
                default: throw error("unknown escape \\\(describe(escape))", back: 1)
                }
                runStart = index
                continue
            }
            advance()
        }
    }

    /// Appends the bytes of `range`, which must be UTF-8, to `text`.
    private func appendRun(_ range: Range<Int>, to text: inout String, stringStart: SourceLocation) throws {
        guard !range.isEmpty else { return }
        guard let run = String(validating: bytes[range], as: UTF8.self) else {
            throw ImportError(
                file: fileName, at: stringStart,
                reason: TextEncodingCheck.message(encoding: TextEncodingCheck.likelyEncoding(of: bytes[range])))
        }
        text += run
    }

    private mutating func parseUnicodeEscape() throws -> Unicode.Scalar {
        let first = try hex4()
        if (0xD800...0xDBFF).contains(first) {
            guard current == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "u") else {
                throw error("a lone high surrogate \\u\(String(first, radix: 16))")
            }
            advance()
            advance()
            let second = try hex4()
            guard (0xDC00...0xDFFF).contains(second) else { throw error("an invalid surrogate pair") }
            return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))!
        }
        guard let scalar = Unicode.Scalar(first) else { throw error("a lone low surrogate \\u\(String(first, radix: 16))") }
        return scalar
    }

    private mutating func hex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = Self.hexValue(byte) else { throw error("expected four hex digits after \\u") }
            value = value * 16 + digit
            advance()
        }
        return value
    }

    private mutating func parseNumber() throws -> String {
        let start = index
        if current == UInt8(ascii: "-") { advance() }
        guard let first = current, Self.isDigit(first) else { throw error("a number needs digits") }
        if first == UInt8(ascii: "0") {
            advance()
            if let next = current, Self.isDigit(next) { throw error("a number may not start with 0 followed by digits") }
        } else {
            while let byte = current, Self.isDigit(byte) { advance() }
        }
        if current == UInt8(ascii: ".") {
            advance()
            guard let byte = current, Self.isDigit(byte) else { throw error("a decimal point needs digits after it") }
            while let byte = current, Self.isDigit(byte) { advance() }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            advance()
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { advance() }
            guard let byte = current, Self.isDigit(byte) else { throw error("an exponent needs digits") }
            while let byte = current, Self.isDigit(byte) { advance() }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func expectWord(_ word: String) throws {
        for expected in word.utf8 {
            guard current == expected else { throw error("unexpected text", expected: "\(word) or another JSON value") }
            advance()
        }
    }

    // MARK: Bytes

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// True at `//` or `/*`: a comment, which JSON does not have (JSON5 and JSONC do).
    private var atComment: Bool {
        current == UInt8(ascii: "/") && (peek(1) == UInt8(ascii: "/") || peek(1) == UInt8(ascii: "*"))
    }

    private func commentError() -> ImportError {
        error("a comment: JSON has no comments", expected: "plain JSON (put remarks in the snapshot's \"note\")")
    }

    private func peek(_ offset: Int) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private mutating func advance() {
        position.advance(past: bytes[index])
        index += 1
    }

    private mutating func skipSpace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { advance() }
    }

    private func error(_ reason: String, expected: String? = nil, back: Int = 0) -> ImportError {
        ImportError(file: fileName, line: position.line, column: max(1, position.column - back), reason: reason, expected: expected)
    }

    private func describe(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F
            ? "'\(Character(Unicode.Scalar(byte)))'"
            : "byte 0x" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: UInt32(byte - 0x30)
        case 0x41...0x46: UInt32(byte - 0x41 + 10)
        case 0x61...0x66: UInt32(byte - 0x61 + 10)
        default: nil
        }
    }
}
