/// What ``Warehouse/amendSource(key:changes:reason:)`` changes: each field given is set or
/// cleared; nil leaves it as it is. There is no key: a source's key never changes.
public struct SourceChanges: Sendable, Hashable {
    /// A new title, or nil to leave it.
    public var title: FieldUpdate<String>?
    /// A new or cleared publisher, or nil to leave it.
    public var publisher: FieldUpdate<String>?
    /// New or cleared authors, or nil to leave them.
    public var authors: FieldUpdate<String>?
    /// A new address (http or https), or nil to leave it.
    public var url: FieldUpdate<String>?
    /// A new or cleared publication date, or nil to leave it.
    public var publishedOn: FieldUpdate<CalendarDate>?
    /// A new or cleared date of access, or nil to leave it.
    public var accessedOn: FieldUpdate<CalendarDate>?
    /// A new or cleared language, or nil to leave it.
    public var language: FieldUpdate<String>?
    /// A new kind (study, news, dataset, report), or nil to leave it.
    public var kind: FieldUpdate<Source.Kind>?
    /// A new or cleared licence, or nil to leave it.
    public var license: FieldUpdate<String>?
    /// A new or cleared access note, or nil to leave it.
    public var accessNote: FieldUpdate<String>?
    /// A new or cleared source that this one relays, or nil to leave it.
    public var derivedFrom: FieldUpdate<String>?

    /// The changes to make; a field left nil is left as it is.
    public init(
        title: FieldUpdate<String>? = nil, publisher: FieldUpdate<String>? = nil, authors: FieldUpdate<String>? = nil,
        url: FieldUpdate<String>? = nil, publishedOn: FieldUpdate<CalendarDate>? = nil,
        accessedOn: FieldUpdate<CalendarDate>? = nil, language: FieldUpdate<String>? = nil,
        kind: FieldUpdate<Source.Kind>? = nil, license: FieldUpdate<String>? = nil,
        accessNote: FieldUpdate<String>? = nil, derivedFrom: FieldUpdate<String>? = nil
    ) {
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

    /// Clears `field` (refused by the amendment for the fields a source must have).
    public mutating func clear(_ field: Source.Field) {
        switch field {
        case .title: title = .clear
        case .publisher: publisher = .clear
        case .authors: authors = .clear
        case .url: url = .clear
        case .publishedOn: publishedOn = .clear
        case .accessedOn: accessedOn = .clear
        case .language: language = .clear
        case .kind: kind = .clear
        case .license: license = .clear
        case .accessNote: accessNote = .clear
        case .derivedFrom: derivedFrom = .clear
        }
    }

    /// The fields given (set or cleared), in their order.
    public var fields: [Source.Field] { updates.map(\.field) }

    /// Each field given, in the order of the fields, with the text the table would store.
    var updates: [(field: Source.Field, update: FieldUpdate<String>)] {
        func text<T>(_ update: FieldUpdate<T>?, _ describe: (T) -> String) -> FieldUpdate<String>? {
            update.map { $0.value.map { .set(describe($0)) } ?? .clear }
        }
        let all: [(Source.Field, FieldUpdate<String>?)] = [
            (.title, title), (.publisher, publisher), (.authors, authors), (.url, url),
            (.publishedOn, text(publishedOn, \.description)), (.accessedOn, text(accessedOn, \.description)),
            (.language, language), (.kind, text(kind, \.rawValue)), (.license, license), (.accessNote, accessNote),
            (.derivedFrom, derivedFrom),
        ]
        return all.compactMap { field, update in update.map { (field, $0) } }
    }
}
