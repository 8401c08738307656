public import Sharehouse

/// A source as a short block of text, for `sources show`.
public enum SourceText {
    /// A source and the sources it relays, in order: a block each, a blank line between.
    public static func describe(chain: [Source]) -> String {
        chain.enumerated().map { depth, source in describe(source, depth: depth) }.joined(separator: "\n\n")
    }

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
