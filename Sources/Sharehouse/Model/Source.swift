/// The citation of a source: who published what, where and when, and what it relays.
public struct Source: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case study, news, dataset, report
    }

    /// A short key: lower-case letters, digits, `_`, `.` and `-`.
    public let key: String
    public let title: String
    public let publisher: String?
    public let authors: String?
    public let url: String?
    public let publishedOn: CalendarDate?
    public let accessedOn: CalendarDate?
    /// The language of the source, e.g. `en`, `ar`.
    public let language: String?
    public let kind: Kind
    public let license: String?
    /// How the source was read: "paywalled", "mirror", "date inferred from the URL".
    public let accessNote: String?
    /// The key of the source this one relays (article -> newspaper -> study).
    public let derivedFrom: String?

    public init(
        key: String, title: String, publisher: String? = nil, authors: String? = nil, url: String? = nil,
        publishedOn: CalendarDate? = nil, accessedOn: CalendarDate? = nil, language: String? = nil,
        kind: Kind, license: String? = nil, accessNote: String? = nil, derivedFrom: String? = nil
    ) {
        self.key = key
        self.title = title
        self.publisher = publisher
        self.authors = authors
        self.url = url
        self.publishedOn = publishedOn
        self.accessedOn = accessedOn
        self.language = language
        self.kind = kind
        self.license = license
        self.accessNote = accessNote
        self.derivedFrom = derivedFrom
    }
}
