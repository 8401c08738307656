import SharehouseDB

/// The fast path of reading a model of the Hub's listing: one pass over the bytes of a
/// flat object, as the Hub writes each model, that finds the members a listing stores
/// (``HubModelScan``, where each value lies) and builds no tree and no string.
///
/// It accepts only what it can decide alone: a JSON object on one line whose members are
/// strings of printable ASCII without escapes, numbers, `true`, `false`, `null`, or arrays
/// of those; no member twice. Anything else (an escape, a non-ASCII letter, a nested
/// object, a line break, a mistake of any kind) returns nil and the strict parser
/// (``JSONParser``) reads the object again, to accept it or to say what is wrong and
/// where. So the scanner never decides an error, and everything it accepts the parser
/// reads the same (`HubModelScannerTests` holds the two to each other).
///
/// Why: the strict parser builds a tree of every object, with a `String` and a place for
/// each member; on a listing of the whole Hub (two million models, 400 MiB, six in seven
/// without downloads) that was most of the import's time.
struct HubModelScanner {
    /// The most members an object may have on the fast path (the Hub's have about ten).
    static let maximumMembers = 48

    private let bytes: UnsafeBufferPointer<UInt8>
    private let end: Int
    private var index: Int
    /// The members the listing keeps, found so far (a bit each), and where the names of
    /// the others lie, to find a name given twice.
    private var known: UInt16 = 0
    private var names: [Range<Int>]

    private init(bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, names: [Range<Int>]) {
        self.bytes = bytes
        self.index = start
        self.end = end
        self.names = names
    }

    /// The object that starts at `start` (no white space before it) in `bytes[..<end]`,
    /// and the index just past its closing brace; nil when the strict parser must read it.
    /// `names` is room the scanner reuses from object to object (it is emptied first).
    static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, names: inout [Range<Int>]
    ) -> (scan: HubModelScan, end: Int)? {
        names.removeAll(keepingCapacity: true)
        var scanner = HubModelScanner(bytes: bytes, from: start, to: end, names: names)
        names = []  // the scanner holds the only reference while it works: no copy on append
        defer { names = scanner.names }
        guard let scan = scanner.object() else { return nil }
        return (scan, scanner.index)
    }

    /// Where the object on a line of NDJSON lies, with only spaces and tabs around it; nil
    /// when there is none.
    static func objectRange(inLine bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var start = 0
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        var end = bytes.count
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return start < end ? start..<end : nil
    }

    // MARK: The object

    private mutating func object() -> HubModelScan? {
        guard take(UInt8(ascii: "{")) else { return nil }
        var scan = HubModelScan()
        skipSpace()
        if take(UInt8(ascii: "}")) { return scan }
        while true {
            skipSpace()
            guard let name = string() else { return nil }
            skipSpace()
            guard take(UInt8(ascii: ":")) else { return nil }
            skipSpace()
            guard member(name, into: &scan) else { return nil }
            skipSpace()
            if take(UInt8(ascii: "}")) { return scan }
            guard take(UInt8(ascii: ",")) else { return nil }
        }
    }

    /// Reads the value of the member `name`, keeping where it lies when the listing
    /// stores it; false for a name given twice.
    private mutating func member(_ name: Range<Int>, into scan: inout HubModelScan) -> Bool {
        guard let member = Member(name, in: bytes) else {
            guard isNew(name) else { return false }
            return skipValue()
        }
        let bit: UInt16 = 1 << member.rawValue
        guard known & bit == 0 else { return false }
        known |= bit
        switch member {
        case .id: return string(orNullInto: &scan.id)
        case .modelID: return string(orNullInto: &scan.modelID)
        case .author: return string(orNullInto: &scan.author)
        case .createdAt: return string(orNullInto: &scan.createdAt)
        case .pipelineTag: return string(orNullInto: &scan.pipelineTag)
        case .library: return string(orNullInto: &scan.library)
        case .downloads: return number(orNullInto: &scan.downloads)
        case .downloadsAllTime: return number(orNullInto: &scan.downloadsAllTime)
        case .tags: return tags(into: &scan)
        }
    }

    private mutating func string(orNullInto field: inout Range<Int>?) -> Bool {
        if takeWord("null") { return true }
        field = string()
        return field != nil
    }

    private mutating func number(orNullInto field: inout Range<Int>?) -> Bool {
        if takeWord("null") { return true }
        field = number()
        return field != nil
    }

    /// `tags`: an array of strings (or null), of which those naming a base are kept.
    private mutating func tags(into scan: inout HubModelScan) -> Bool {
        if takeWord("null") { return true }
        guard take(UInt8(ascii: "[")) else { return false }
        skipSpace()
        if take(UInt8(ascii: "]")) { return true }
        while true {
            skipSpace()
            guard let range = string() else { return false }
            if startsWithTagPrefix(range) { scan.baseTags.append(range) }
            skipSpace()
            if take(UInt8(ascii: "]")) { return true }
            guard take(UInt8(ascii: ",")) else { return false }
        }
    }

    /// A value the listing does not keep: a scalar, or an array of scalars.
    private mutating func skipValue() -> Bool {
        guard index < end else { return false }
        if bytes[index] == UInt8(ascii: "[") {
            index += 1
            skipSpace()
            if take(UInt8(ascii: "]")) { return true }
            while true {
                skipSpace()
                guard skipScalar() else { return false }
                skipSpace()
                if take(UInt8(ascii: "]")) { return true }
                guard take(UInt8(ascii: ",")) else { return false }
            }
        }
        return skipScalar()
    }

    private mutating func skipScalar() -> Bool {
        guard index < end else { return false }
        switch bytes[index] {
        case UInt8(ascii: "\""): return string() != nil
        case UInt8(ascii: "t"): return takeWord("true")
        case UInt8(ascii: "f"): return takeWord("false")
        case UInt8(ascii: "n"): return takeWord("null")
        default: return number() != nil
        }
    }

    // MARK: Tokens

    /// A string of printable ASCII without escapes; the range of its contents.
    private mutating func string() -> Range<Int>? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return start..<(index - 1)
            }
            // An escape, a control character or a byte of a longer UTF-8 letter: the
            // strict parser decodes or refuses it.
            guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\\") else { return nil }
            index += 1
        }
        return nil
    }

    /// A number as RFC 8259 writes it; its range.
    private mutating func number() -> Range<Int>? {
        let start = index
        _ = take(UInt8(ascii: "-"))
        guard index < end, isDigit(bytes[index]) else { return nil }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < end, isDigit(bytes[index]) { return nil }
        } else {
            skipDigits()
        }
        if take(UInt8(ascii: ".")) {
            guard index < end, isDigit(bytes[index]) else { return nil }
            skipDigits()
        }
        if index < end, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < end, isDigit(bytes[index]) else { return nil }
            skipDigits()
        }
        return start..<index
    }

    private mutating func skipDigits() {
        while index < end, isDigit(bytes[index]) { index += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < end, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func takeWord(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard end - index >= count else { return false }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
        index += count
        return true
    }

    /// Spaces and tabs; a line break sends the object to the strict parser, which keeps
    /// the lines and columns.
    private mutating func skipSpace() {
        while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
    }

    /// True when no member before had the name `name` (one the listing does not keep);
    /// false, too, past the most members.
    private mutating func isNew(_ name: Range<Int>) -> Bool {
        guard names.count < Self.maximumMembers else { return false }
        for other in names where other.count == name.count {
            if Self.equal(bytes.baseAddress! + other.lowerBound, bytes.baseAddress! + name.lowerBound, count: name.count) {
                return false
            }
        }
        names.append(name)
        return true
    }

    private func startsWithTagPrefix(_ range: Range<Int>) -> Bool {
        let prefix: StaticString = "base_model:"
        guard range.count >= prefix.utf8CodeUnitCount else { return false }
        return Self.equal(bytes.baseAddress! + range.lowerBound, prefix.utf8Start, count: prefix.utf8CodeUnitCount)
    }

    /// True when the `count` bytes at `left` and at `right` are the same.
    fileprivate static func equal(_ left: UnsafePointer<UInt8>, _ right: UnsafePointer<UInt8>, count: Int) -> Bool {
        for offset in 0..<count where left[offset] != right[offset] { return false }
        return true
    }

    /// The members a listing keeps, by name.
    private enum Member: UInt16 {
        case id, modelID, author, createdAt, pipelineTag, library, downloads, downloadsAllTime, tags

        /// The member `name` is, decided by its length and then its bytes (this runs on every
        /// member of millions of models).
        init?(_ name: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) {
            func `is`(_ candidate: StaticString) -> Bool {
                HubModelScanner.equal(bytes.baseAddress! + name.lowerBound, candidate.utf8Start, count: name.count)
            }
            switch name.count {
            case 2 where `is`("id"): self = .id
            case 4 where `is`("tags"): self = .tags
            case 6 where `is`("author"): self = .author
            case 7 where `is`("modelId"): self = .modelID
            case 9 where `is`("downloads"): self = .downloads
            case 9 where `is`("createdAt"): self = .createdAt
            case 12 where `is`("pipeline_tag"): self = .pipelineTag
            case 12 where `is`("library_name"): self = .library
            case 16 where `is`("downloadsAllTime"): self = .downloadsAllTime
            default: return nil
            }
        }
    }
}
