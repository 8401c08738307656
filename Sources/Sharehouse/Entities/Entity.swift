/// What an entity is: a country, a group with members, or another bucket.
public enum EntityKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// An ISO 3166-1 country or territory.
    case country
    /// An aggregate with listed members, such as the EU.
    case group
    /// A bucket that sources report as if it were a country ("International/Online",
    /// "Individual users", "Unknown").
    case other
}

/// A country, group or other bucket that figures are reported for.
public struct Entity: Sendable, Hashable, Codable {
    /// The code: ISO 3166-1 alpha-2 for countries (`CN`), a word for others (`INTL`).
    public let code: String
    /// Country, group or other bucket.
    public let kind: EntityKind
    /// The English name.
    public let nameEnglish: String
    /// The Arabic name, where there is one.
    public let nameArabic: String?
    /// ISO 3166-1 alpha-3, countries only.
    public let iso3: String?
    /// ISO 3166-1 numeric, three digits, countries only.
    public let isoNumeric: String?
    /// What a group or bucket stands for.
    public let description: String?

    /// An entity with its codes and names.
    public init(
        code: String, kind: EntityKind, nameEnglish: String, nameArabic: String?, iso3: String?,
        isoNumeric: String?, description: String?
    ) {
        self.code = code
        self.kind = kind
        self.nameEnglish = nameEnglish
        self.nameArabic = nameArabic
        self.iso3 = iso3
        self.isoNumeric = isoNumeric
        self.description = description
    }

    private enum CodingKeys: String, CodingKey {
        case code, kind
        case nameEnglish = "name_en"
        case nameArabic = "name_ar"
        case iso3
        case isoNumeric = "iso_numeric"
        case description
    }
}
