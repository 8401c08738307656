/// What a model's id and author may be: the Hub's repository ids are `org/name` (a few
/// old ones a bare name), in printable characters without spaces.
enum ModelID {
    static let maximumBytes = 256
    static let expected = "a model id such as meta-llama/Llama-3.1-8B (org/name)"

    /// Why `id` is not a model id, or nil when it is one.
    static func problem(_ id: String) -> String? {
        if isPlain(id.utf8) { return nil }
        if id.isEmpty { return "the model id is empty" }
        if id.utf8.count > maximumBytes { return "the model id \"\(id.prefix(40))…\" is longer than \(maximumBytes) bytes" }
        if id.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) {
            return "the model id \"\(id)\" holds a space or a control character"
        }
        let parts = id.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count > 2 || parts.contains(where: \.isEmpty) { return "\"\(id)\" is not a model id" }
        return nil
    }

    /// True when `id` is a model id of printable ASCII (every id the Hub gives): one pass
    /// over the bytes decides it, which runs on every model of millions. False leaves the
    /// id to ``problem(_:)`` to look at a character at a time.
    static func isPlain(_ id: some Collection<UInt8>) -> Bool {
        guard !id.isEmpty, id.count <= maximumBytes else { return false }
        var slashes = 0
        var previous: UInt8 = UInt8(ascii: "/")
        for byte in id {
            guard byte > 0x20, byte < 0x7F else { return false }
            if byte == UInt8(ascii: "/") {
                if previous == UInt8(ascii: "/") { return false }
                slashes += 1
            }
            previous = byte
        }
        return slashes <= 1 && previous != UInt8(ascii: "/")
    }

    /// True when `author` is an author's name of printable ASCII without `/`.
    static func isPlainAuthor(_ author: some Collection<UInt8>) -> Bool {
        !author.isEmpty && author.count <= maximumBytes && author.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "/") }
    }

    /// The author an id names: the part before `/`, nil for a bare name.
    static func author(of id: String) -> String? {
        guard let slash = id.firstIndex(of: "/") else { return nil }
        return String(id[..<slash])
    }

    /// Why `author` is not an author's name, or nil when it is one.
    static func authorProblem(_ author: String) -> String? {
        if isPlainAuthor(author.utf8) { return nil }
        if author.isEmpty || author.contains("/") || author.utf8.count > maximumBytes
            || author.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 })
        {
            return "\"\(author.prefix(60))\" is not an author's name"
        }
        return nil
    }

    /// The bases a model names, once each: a base named twice keeps its more specific
    /// relation (``BaseRelation/isPreferred(over:)``); in the order of their ids, so that
    /// the stored rows and the content hash never depend on the order of the tags.
    static func distinct(_ bases: [ListingBase]) -> [ListingBase] {
        guard bases.count > 1 else { return bases }
        var kept: [ListingBase] = []
        for base in bases.sorted(by: { $0.model < $1.model }) {
            if let last = kept.last, last.model == base.model {
                if base.relation.isPreferred(over: last.relation) { kept[kept.count - 1] = base }
            } else {
                kept.append(base)
            }
        }
        return kept
    }
}
