/// The two kinds of catalogue entry: a source (a citation) or a measure (what figures count).
public enum CatalogKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A source: a citation.
    case source
    /// A measure: what figures count.
    case measure
}
