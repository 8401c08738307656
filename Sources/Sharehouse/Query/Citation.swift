/// Who says so: one snapshot and the chain of sources behind it, as a result cites it.
public struct Citation: Sendable, Hashable, Encodable {
    /// The number rows refer to ([1], [2], ...), in order of first use.
    public let number: Int
    /// The snapshot cited.
    public let snapshotID: Int64
    /// The snapshot's measure.
    public let measure: String
    /// When this snapshot's source published the figures.
    public let publishedOn: CalendarDate
    /// How directly the source was checked.
    public let verification: Verification
    /// Whether the source lists every entity or only its leaders.
    public let coverage: Coverage
    /// The source cited first, then each source it relays (article, newspaper, study).
    public let sources: [Source]
    /// The snapshot this one corrects (the same publication with other figures): the
    /// citation says "corrected". Nil for a first publication.
    public var corrects: Int64?

    /// One line: "Argaam, "Title", published 2025-11-26, <url> (secondary); relays Financial Times, ..."
    public var summary: String { summary(with: .english) }

    /// The words around a citation's own (title, publisher, URL), which a report's
    /// language may change (`summary(in:)`).
    public struct SummaryWords: Sendable {
        /// Between the parts of one source.
        public var comma = ", "
        /// Between sources.
        public var semicolon = "; "
        /// Before a title.
        public var openQuote = "\""
        /// After a title.
        public var closeQuote = "\""
        /// Before a publication date.
        public var published = "published"
        /// Before the sources a source relays.
        public var relays = "relays"
        /// The word that marks a corrected snapshot.
        public var corrected = "corrected"
        /// The words of a verification level.
        public var verification: @Sendable (Verification) -> String = { $0.rawValue }
        /// The English words.
        public static let english = SummaryWords()

        /// Words for a language, English by default.
        public init(
            comma: String = ", ", semicolon: String = "; ", openQuote: String = "\"", closeQuote: String = "\"",
            published: String = "published", relays: String = "relays", corrected: String = "corrected",
            verification: @escaping @Sendable (Verification) -> String = { $0.rawValue }
        ) {
            self.corrected = corrected
            self.comma = comma
            self.semicolon = semicolon
            self.openQuote = openQuote
            self.closeQuote = closeQuote
            self.published = published
            self.relays = relays
            self.verification = verification
        }
    }

    /// One line in `words`: the source's own words stay as published.
    public func summary(with words: SummaryWords) -> String {
        guard let first = sources.first else { return "snapshot \(snapshotID)" }
        var text =
            (first.publisher ?? first.key) + words.comma + words.openQuote + first.title + words.closeQuote
            + words.comma + words.published + " \(publishedOn)"
        if corrects != nil { text += words.comma + words.corrected }
        if let url = first.url { text += words.comma + url }
        if let note = first.accessNote, note.lowercased().hasPrefix("paywalled") || note.lowercased().contains("mirror") {
            text += " [\(note.split(separator: ";").first.map(String.init) ?? note)]"
        }
        text += " (\(words.verification(verification)))"
        let relays = sources.dropFirst().map { $0.publisher ?? $0.key }
        if !relays.isEmpty { text += words.semicolon + words.relays + " " + relays.joined(separator: words.comma) }
        return text
    }
}

/// Numbers citations in order of first use while a result (or a page built from several
/// results, each numbering its own) is put together: the same snapshot gets the same
/// number wherever it is cited.
public struct CitationList: Sendable {
    /// The citations, in order of number.
    public private(set) var citations: [Citation] = []
    private var numbers: [Int64: Int] = [:]
    private var chains: [String: [Source]] = [:]

    /// The number of a citation another result already resolved, adding it on first use
    /// (its source chain is reused, not read again).
    public init() {}

    /// The number of citation `number` of a result whose citations are `list`.
    public mutating func number(_ number: Int, in list: [Citation]) -> Int {
        guard let citation = list.first(where: { $0.number == number }) else { return number }
        return self.number(reusing: citation)
    }

    /// The number of `citation`'s snapshot, numbering it when it is new.
    public mutating func number(reusing citation: Citation) -> Int {
        if let number = numbers[citation.snapshotID] { return number }
        let number = citations.count + 1
        citations.append(
            Citation(
                number: number, snapshotID: citation.snapshotID, measure: citation.measure,
                publishedOn: citation.publishedOn, verification: citation.verification,
                coverage: citation.coverage, sources: citation.sources, corrects: citation.corrects))
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
        // A derived snapshot relays its listing's source (the chain) and the attribution
        // table it was derived under, which only the snapshot knows.
        var sources = chain
        for source in try catalog.derivationInputs(of: vintage.snapshotID) where !sources.contains(where: { $0.key == source.key }) {
            sources.append(source)
        }
        let number = citations.count + 1
        citations.append(
            Citation(
                number: number, snapshotID: vintage.snapshotID, measure: measure,
                publishedOn: vintage.publishedOn, verification: vintage.verification,
                coverage: vintage.coverage, sources: sources, corrects: try catalog.correctedSnapshot(by: vintage.snapshotID)))
        numbers[vintage.snapshotID] = number
        return number
    }
}
