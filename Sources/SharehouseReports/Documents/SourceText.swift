public import Sharehouse

/// A source as a short block of text, for `sources show`.
public enum SourceText {
    /// `sources show`: as of a day when asked, the source and the sources it relays, then
    /// their amendments.
    public static func describe(_ details: SourceDetails) -> String {
        var blocks = [describe(chain: details.chain)]
        if let asOf = details.asOf { blocks.insert("as of \(asOf):", at: 0) }
        let history = CatalogHistoryText.section(details.history, laterChanges: details.laterChanges, asOf: details.asOf)
        if !history.isEmpty { blocks.append(history.joined(separator: "\n")) }
        return blocks.joined(separator: "\n\n")
    }

    /// A source and the sources it relays, in order: a block each, a blank line between.
    public static func describe(chain: [Source]) -> String {
        chain.enumerated().map { depth, source in describe(source, depth: depth) }.joined(separator: "\n\n")
    }

    /// A source's fields, one a line, indented by `depth` (the steps it is relayed through).
    public static func describe(_ source: Source, depth: Int) -> String {
        var lines = [(depth == 0 ? "" : "relays: ") + "\(source.key): \(source.title)"]
        func add(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { lines.append("  \(label): \(value)") }
        }
        add("kind", source.kind.rawValue)
        add("publisher", source.publisher)
        add("authors", source.authors)
        add("url", source.url)
        add("published", source.publishedOn?.description)
        add("accessed", source.accessedOn?.description)
        add("language", source.language)
        add("licence", source.license)
        add("access", source.accessNote)
        add("derived from", source.derivedFrom)
        return lines.joined(separator: "\n")
    }
}
