/// How a name was matched to an entity.
public enum EntityMatchKind: String, Sendable, Hashable, Codable {
    /// By its code (`CN`).
    case code
    /// By its ISO 3166-1 alpha-3 code (`CHN`).
    case iso3
    /// By its ISO 3166-1 numeric code (`156`).
    case isoNumeric = "iso_numeric"
    /// By its English name.
    case englishName = "name_en"
    /// By its Arabic name.
    case arabicName = "name_ar"
    /// By another name (`USA`, `Britain`, `أمريكا`).
    case alias
}

/// A name and the entity it resolved to.
public struct EntityMatch: Sendable, Hashable, Codable {
    /// The name as given.
    public let input: String
    /// The entity the name stands for.
    public let entity: Entity
    /// What the name matched: a code, a name or an alias.
    public let matchedBy: EntityMatchKind
    /// The stored spelling that matched (the alias, the name or the code).
    public let matchedText: String

    private enum CodingKeys: String, CodingKey {
        case input, entity
        case matchedBy = "matched_by"
        case matchedText = "matched_text"
    }
}

/// Finds the entity a name stands for: a code (`CN`, `CHN`, `156`), an English or Arabic
/// name, or a known alias, each compared after ``NameNormalizer`` folding. A name it does
/// not know gets suggestions ("did you mean"), and a row that totals others ("World",
/// "Total", "المجموع") is told apart from an unknown name.
///
/// The resolver is a value built once from the warehouse's entities; looking a name up
/// is one dictionary access.
public struct EntityResolver: Sendable {
    private struct Key: Sendable {
        let code: String
        let kind: EntityMatchKind
        let text: String
    }

    /// Every entity, by code.
    public let entities: [Entity]
    private let byCode: [String: Entity]
    private let keys: [String: Key]
    /// Normalized keys claimed by two entities at one priority: never resolved silently.
    private let ambiguous: [String: [String]]

    /// Names of rows that add up other rows. They are not entities, and an import must
    /// not store them as if they were.
    public static let aggregateNames: Set<String> = Set(
        [
            "total", "totals", "grand total", "sum", "world", "global", "all", "overall", "all countries",
            "worldwide", "المجموع", "الإجمالي", "إجمالي", "المجموع الكلي", "العالم", "الكل", "عالمي", "جميع الدول",
        ].map(NameNormalizer.normalize))

    /// Builds the lookup from entities and their aliases (alias text, entity code).
    /// Codes rank above names, names above aliases: a key already taken at a higher rank
    /// is kept; one claimed by two entities at the same rank is ambiguous.
    public init(entities: [Entity], aliases: [(alias: String, code: String)]) {
        self.entities = entities
        self.byCode = Dictionary(entities.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        var keys: [String: Key] = [:]
        var ranks: [String: Int] = [:]
        var ambiguous: [String: Set<String>] = [:]

        func add(_ text: String?, code: String, kind: EntityMatchKind, rank: Int) {
            guard let text else { return }
            let key = NameNormalizer.normalize(text)
            guard !key.isEmpty else { return }
            if let existing = keys[key], let existingRank = ranks[key] {
                if existing.code == code || existingRank < rank { return }
                if existingRank == rank {
                    ambiguous[key, default: [existing.code]].insert(code)
                    return
                }
            }
            keys[key] = Key(code: code, kind: kind, text: text)
            ranks[key] = rank
        }

        for entity in entities {
            add(entity.code, code: entity.code, kind: .code, rank: 0)
            add(entity.iso3, code: entity.code, kind: .iso3, rank: 1)
            add(entity.isoNumeric, code: entity.code, kind: .isoNumeric, rank: 1)
        }
        for entity in entities {
            add(entity.nameEnglish, code: entity.code, kind: .englishName, rank: 2)
            add(entity.nameArabic, code: entity.code, kind: .arabicName, rank: 2)
        }
        for (alias, code) in aliases where byCode[code] != nil {
            add(alias, code: code, kind: .alias, rank: 3)
        }
        // Names people write for either of two entities: never guessed, refused with both
        // (unless a name or alias of the warehouse already says which it means).
        let known = Set(entities.map(\.code))
        for (name, codes) in Self.sharedNames {
            let key = NameNormalizer.normalize(name)
            guard keys[key] == nil, codes.allSatisfy(known.contains) else { continue }
            ambiguous[key] = Set(codes)
        }
        self.keys = keys
        self.ambiguous = ambiguous.mapValues { $0.sorted() }
    }

    /// Names that stand for two entities as the world writes them (the Koreas, the Virgin
    /// Islands, the two halves of Saint Martin), kept out of the aliases on purpose.
    static let sharedNames: [String: [String]] = [
        "Korea": ["KP", "KR"], "كوريا": ["KP", "KR"], "Virgin Islands": ["VG", "VI"], "جزر فيرجن": ["VG", "VI"],
        "جزر العذراء": ["VG", "VI"], "Saint Martin": ["MF", "SX"],
    ]

    /// The entity with this exact code.
    public func entity(code: String) -> Entity? {
        byCode[code.uppercased()]
    }

    /// Resolves `name`, or throws ``SharehouseError/unknownEntity(name:suggestions:)``,
    /// ``SharehouseError/ambiguousEntity(name:candidates:)`` or
    /// ``SharehouseError/aggregateRow(name:)``.
    public func resolve(_ name: String) throws(SharehouseError) -> EntityMatch {
        let key = NameNormalizer.normalize(name)
        if let codes = ambiguous[key] {
            throw .ambiguousEntity(name: name, candidates: codes.compactMap { byCode[$0] })
        }
        if let found = keys[key], let entity = byCode[found.code] {
            return EntityMatch(input: name, entity: entity, matchedBy: found.kind, matchedText: found.text)
        }
        if Self.aggregateNames.contains(key) {
            throw .aggregateRow(name: name)
        }
        throw .unknownEntity(name: name, suggestions: suggestions(for: key))
    }

    /// Up to three entities whose names are close to `key`: within a few edits, or
    /// starting with it ("united" -> United States, United Kingdom, ...).
    func suggestions(for key: String) -> [Entity] {
        guard !key.isEmpty else { return [] }
        let limit = max(1, min(3, key.unicodeScalars.count / 3))
        // Closest first; among equals, names before codes and shorter (nearer) names first.
        var scored: [(distance: Int, rank: Int, length: Int, code: String)] = []
        for (candidate, found) in keys {
            let distance = editDistance(key, candidate, limit: limit)
            let rank = found.kind == .code || found.kind == .iso3 || found.kind == .isoNumeric ? 1 : 0
            if distance <= limit {
                scored.append((distance, rank, candidate.count, found.code))
            } else if key.unicodeScalars.count >= 3, candidate.hasPrefix(key) || candidate.hasPrefix(key + " ") {
                scored.append((limit + 1, rank, candidate.count, found.code))
            }
        }
        scored.sort { ($0.distance, $0.rank, $0.length, $0.code) < ($1.distance, $1.rank, $1.length, $1.code) }
        var seen = Set<String>()
        var result: [Entity] = []
        for item in scored where seen.insert(item.code).inserted {
            if let entity = byCode[item.code] { result.append(entity) }
            if result.count == 3 { break }
        }
        return result
    }

    /// Normalized keys that two entities claim at the same rank; the shipped data has none
    /// (a test checks), a user's added aliases might.
    public var ambiguousKeys: [String: [String]] { ambiguous }
}
