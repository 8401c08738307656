/// Who says so: one snapshot and the chain of sources behind it, as a result cites it.
public struct Citation: Sendable, Hashable, Encodable {
    /// The number rows refer to ([1], [2], ...), in order of first use.
    public let number: Int
    public let snapshotID: Int64
    public let measure: String
    /// When this snapshot's source published the figures.
    public let publishedOn: CalendarDate
    public let verification: Verification
    public let coverage: Coverage
    /// The source cited first, then each source it relays (article, newspaper, study).
    public let sources: [Source]

    /// One line: "Argaam, "Title", 2025-11-26, <url> (unverified); relays Financial Times, ..."
    public var summary: String {
        guard let first = sources.first else { return "snapshot \(snapshotID)" }
        var text = "\(first.publisher ?? first.key), \"\(first.title)\", published \(publishedOn)"
        if let url = first.url { text += ", \(url)" }
        if let note = first.accessNote, note.lowercased().hasPrefix("paywalled") || note.lowercased().contains("mirror") {
            text += " [\(note.split(separator: ";").first.map(String.init) ?? note)]"
        }
        text += " (\(verification.rawValue))"
        let relays = sources.dropFirst().map { $0.publisher ?? $0.key }
        if !relays.isEmpty { text += "; relays " + relays.joined(separator: ", ") }
        return text
    }
}

/// Numbers citations in order of first use while a result is built.
struct CitationList {
    private(set) var citations: [Citation] = []
    private var numbers: [Int64: Int] = [:]
    private var chains: [String: [Source]] = [:]

    /// The number of a citation another result already resolved, adding it on first use
    /// (its source chain is reused, not read again).
    mutating func number(reusing citation: Citation) -> Int {
        if let number = numbers[citation.snapshotID] { return number }
        let number = citations.count + 1
        citations.append(Citation(number: number, snapshotID: citation.snapshotID, measure: citation.measure,
                                  publishedOn: citation.publishedOn, verification: citation.verification,
                                  coverage: citation.coverage, sources: citation.sources))
        numbers[citation.snapshotID] = number
        return number
    }

    /// The number of the citation of `vintage`, adding it on first use.
    mutating func number(for vintage: Vintage, measure: String, catalog: CatalogReader) throws -> Int {
        if let number = numbers[vintage.snapshotID] { return number }
        let chain: [Source]
        if let cached = chains[vintage.source] {
            chain = cached
        } else {
            chain = try catalog.chain(of: vintage.source)
            chains[vintage.source] = chain
        }
        let number = citations.count + 1
        citations.append(Citation(number: number, snapshotID: vintage.snapshotID, measure: measure,
                                  publishedOn: vintage.publishedOn, verification: vintage.verification,
                                  coverage: vintage.coverage, sources: chain))
        numbers[vintage.snapshotID] = number
        return number
    }
}
