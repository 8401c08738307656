/// The citation of a source: who published what, where and when, and what it relays.
public struct Source: Sendable, Hashable, Codable {
    /// What kind of publication a source is.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A study: the primary research.
        case study
        /// A news article.
        case news
        /// A dataset.
        case dataset
        /// A report, by a company or an institution.
        case report
    }

    /// A short key: lower-case letters, digits, `_`, `.` and `-`.
    public let key: String
    /// The publication's title.
    public let title: String
    /// Who published it.
    public let publisher: String?
    /// Its authors.
    public let authors: String?
    /// Its address (http or https).
    public let url: String?
    /// When it was published.
    public let publishedOn: CalendarDate?
    /// When it was read.
    public let accessedOn: CalendarDate?
    /// The language of the source, e.g. `en`, `ar`.
    public let language: String?
    /// Study, news, dataset or report.
    public let kind: Kind
    /// Its licence, where it states one.
    public let license: String?
    /// How the source was read: "paywalled", "mirror", "date inferred from the URL".
    public let accessNote: String?
    /// The key of the source this one relays (article -> newspaper -> study).
    public let derivedFrom: String?

    /// A source's definition.
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
