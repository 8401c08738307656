extension Source {
    /// The fields of a source that an amendment may change: every column but the key,
    /// which snapshots and citations name. The raw value is the column's name, as
    /// `catalog_changes.field` records it.
    public enum Field: String, Sendable, Hashable, Codable, CaseIterable {
        /// The title.
        case title
        /// The publisher.
        case publisher
        /// The authors.
        case authors
        /// The address.
        case url
        /// The publication date.
        case publishedOn = "published_on"
        /// The date of access.
        case accessedOn = "accessed_on"
        /// The language.
        case language
        /// Study, news, dataset or report.
        case kind
        /// The licence.
        case license
        /// How it can be read (paywalled, mirror...).
        case accessNote = "access_note"
        /// The source it relays.
        case derivedFrom = "derived_from"

        /// Whether a source must have it, so that it can be changed but not cleared.
        public var isRequired: Bool { self == .title || self == .url || self == .kind }
    }

    /// The field's value as the table stores it (dates as `YYYY-MM-DD`), nil for none.
    public func storedValue(of field: Field) -> String? {
        switch field {
        case .title: title
        case .publisher: publisher
        case .authors: authors
        case .url: url
        case .publishedOn: publishedOn?.description
        case .accessedOn: accessedOn?.description
        case .language: language
        case .kind: kind.rawValue
        case .license: license
        case .accessNote: accessNote
        case .derivedFrom: derivedFrom
        }
    }

    /// This source with `field` as the table would store `value`. A stored value is
    /// always readable; one that is not (written around the library) leaves the field as
    /// it is rather than invent one.
    func replacing(_ field: Field, withStoredValue value: String?) -> Source {
        func date(_ current: CalendarDate?) -> CalendarDate? { value.map { CalendarDate($0) ?? current } ?? nil }
        return Source(
            key: key, title: field == .title ? value ?? title : title,
            publisher: field == .publisher ? value : publisher,
            authors: field == .authors ? value : authors,
            url: field == .url ? value : url,
            publishedOn: field == .publishedOn ? date(publishedOn) : publishedOn,
            accessedOn: field == .accessedOn ? date(accessedOn) : accessedOn,
            language: field == .language ? value : language,
            kind: field == .kind ? value.flatMap(Kind.init(rawValue:)) ?? kind : kind,
            license: field == .license ? value : license,
            accessNote: field == .accessNote ? value : accessNote,
            derivedFrom: field == .derivedFrom ? value : derivedFrom)
    }
}
