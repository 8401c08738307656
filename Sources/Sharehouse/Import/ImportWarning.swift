/// Something in an import worth a second look, though not wrong enough to refuse it: the
/// receipt carries it as a value (SharehouseReports words it in each language; JSON writes
/// `{"kind": "published_before_source", ...}`).
public enum ImportWarning: Sendable, Hashable {
    /// The snapshot is dated before its source was published: one of the dates is likely
    /// a typo (a snapshot publishes the source's figures, so not before them).
    case publishedBeforeSource(source: String, sourcePublishedOn: CalendarDate)
    /// The snapshot is dated more than ``longAfterDays`` days after its source: a new
    /// vintage may deserve a source of its own (or the date a correction).
    case publishedLongAfterSource(source: String, sourcePublishedOn: CalendarDate, days: Int)

    /// How long after its source a snapshot may be dated without a warning: a year, and a
    /// month's grace for a source republished or read late.
    public static let longAfterDays = 400

    /// The warning, if any, for a snapshot dated `publishedOn` from `source` (none when the
    /// source has no publication date; none for long after a dataset, which recurs).
    public static func publicationDates(of publishedOn: CalendarDate, source: Source) -> ImportWarning? {
        guard let sourceDate = source.publishedOn else { return nil }
        let days = publishedOn.dayNumber - sourceDate.dayNumber
        if days < 0 { return .publishedBeforeSource(source: source.key, sourcePublishedOn: sourceDate) }
        // A dataset is published again and again (a monthly release): its first date says
        // nothing about a later snapshot's.
        if days > longAfterDays, source.kind != .dataset {
            return .publishedLongAfterSource(source: source.key, sourcePublishedOn: sourceDate, days: days)
        }
        return nil
    }

    /// The case's name in JSON.
    public var kind: String {
        switch self {
        case .publishedBeforeSource: "published_before_source"
        case .publishedLongAfterSource: "published_long_after_source"
        }
    }
}

extension ImportWarning: Encodable {
    private enum Key: String, CodingKey {
        case kind, source
        case sourcePublishedOn = "source_published_on"
        case days
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .publishedBeforeSource(let source, let date):
            try container.encode(source, forKey: .source)
            try container.encode(date, forKey: .sourcePublishedOn)
        case .publishedLongAfterSource(let source, let date, let days):
            try container.encode(source, forKey: .source)
            try container.encode(date, forKey: .sourcePublishedOn)
            try container.encode(days, forKey: .days)
        }
    }
}
