import SharehouseDB

/// Measures and sources in the warehouse: reading them (as they are, or as they were on a
/// day), and adding them without ever changing one that is there. A definition that
/// differs from the stored one (and from every earlier state of it) is an error, never an
/// update: a figure's meaning must not change under it. Changes are amendments
/// (``CatalogAmender``), which keep their history.
enum Catalog {
    static let keyRule = "a key of 1 to 64 lower-case letters, digits, '_', '.' or '-'"

    static func isValidKey(_ key: String) -> Bool {
        (1...64).contains(key.utf8.count)
            && key.utf8.allSatisfy { byte in
                (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x5F || byte == 0x2E || byte == 0x2D
            }
    }

    // MARK: Reading

    static func measure(key: String, in connection: Connection) throws -> Measure? {
        try connection.fetchOne(
            "SELECT key, name, unit, universe, attribution, description FROM measures WHERE key = ?", key,
            map: decodeMeasure)
    }

    /// The measure as the catalogue had it on `day` (nil: as it is).
    static func measure(key: String, asOf day: CalendarDate?, in connection: Connection) throws -> Measure? {
        guard let measure = try measure(key: key, in: connection) else { return nil }
        guard let day else { return measure }
        return CatalogHistory.rewind(measure, undoing: try CatalogHistory.changes(of: .measure, key: key, after: day, in: connection))
    }

    static func measures(asOf day: CalendarDate? = nil, in connection: Connection) throws -> [Measure] {
        let measures = try connection.fetchAll(
            "SELECT key, name, unit, universe, attribution, description FROM measures ORDER BY key",
            map: decodeMeasure)
        guard let day else { return measures }
        let later = Dictionary(grouping: try CatalogHistory.changes(of: .measure, after: day, in: connection), by: \.key)
        return measures.map { CatalogHistory.rewind($0, undoing: later[$0.key] ?? []) }
    }

    static func source(key: String, in connection: Connection) throws -> Source? {
        try connection.fetchOne("SELECT \(sourceColumns) FROM sources WHERE key = ?", key, map: decodeSource)
    }

    /// The source as the catalogue had it on `day` (nil: as it is).
    static func source(key: String, asOf day: CalendarDate?, in connection: Connection) throws -> Source? {
        guard let source = try source(key: key, in: connection) else { return nil }
        guard let day else { return source }
        return CatalogHistory.rewind(source, undoing: try CatalogHistory.changes(of: .source, key: key, after: day, in: connection))
    }

    /// The source with this key and the sources it relays, in order (article, newspaper,
    /// study), as the catalogue had them on `day` (nil: as they are): at most 16, and never
    /// one twice, so a cycle in `derived_from` ends the walk.
    static func chain(of key: String, asOf day: CalendarDate? = nil, in connection: Connection) throws -> [Source] {
        var chain: [Source] = []
        var next: String? = key
        while let current = next, chain.count < 16, !chain.contains(where: { $0.key == current }),
            let source = try source(key: current, asOf: day, in: connection)
        {
            chain.append(source)
            next = source.derivedFrom
        }
        return chain
    }

    static func sources(asOf day: CalendarDate? = nil, in connection: Connection) throws -> [Source] {
        let sources = try connection.fetchAll("SELECT \(sourceColumns) FROM sources ORDER BY key", map: decodeSource)
        guard let day else { return sources }
        let later = Dictionary(grouping: try CatalogHistory.changes(of: .source, after: day, in: connection), by: \.key)
        return sources.map { CatalogHistory.rewind($0, undoing: later[$0.key] ?? []) }
    }

    // MARK: Keys

    /// The error for a key that is not in the catalogue, with the keys close to it.
    static func unknown(_ kind: CatalogKind, key: String, in connection: Connection) throws -> CatalogError {
        let keys = try connection.fetchAll(
            kind == .source ? "SELECT key FROM sources ORDER BY key" : "SELECT key FROM measures ORDER BY key"
        ) { try $0.get(0) as String }
        return .unknown(kind: kind.rawValue, key: key, suggestions: closeKeys(to: key, among: keys))
    }

    /// Up to five keys close to `key`, closest first: within a few edits ("ft-2025-11-62"),
    /// or starting with or containing it ("argaam" -> argaam-1862466, "eoi" -> the EOI
    /// measures), since keys are a name and a date or number.
    static func closeKeys(to key: String, among keys: [String]) -> [String] {
        let wanted = key.lowercased()
        guard !wanted.isEmpty else { return [] }
        let limit = max(1, min(3, wanted.unicodeScalars.count / 3))
        var scored: [(score: Int, key: String)] = []
        for candidate in keys {
            let distance = editDistance(wanted, candidate, limit: limit)
            if distance <= limit {
                scored.append((distance, candidate))
            } else if wanted.unicodeScalars.count >= 2, candidate.hasPrefix(wanted) {
                scored.append((limit + 1, candidate))
            } else if wanted.unicodeScalars.count >= 3, candidate.contains(wanted) || wanted.hasPrefix(candidate) {
                scored.append((limit + 2, candidate))
            }
        }
        return scored.sorted { ($0.score, $0.key) < ($1.score, $1.key) }.prefix(5).map(\.key)
    }

    private static let sourceColumns = """
        key, title, publisher, authors, url, published_on, accessed_on, language, kind, license, access_note, derived_from
        """

    private static func decodeMeasure(_ row: Row) throws -> Measure {
        Measure(
            key: try row.get(0), name: try row.get(1), unit: Measure.Unit(rawValue: try row.get(2)) ?? .percent,
            universe: try row.get(3), attribution: try row.get(4), description: try row.get(5))
    }

    private static func decodeSource(_ row: Row) throws -> Source {
        Source(
            key: try row.get(0), title: try row.get(1), publisher: try row.get(2), authors: try row.get(3),
            url: try row.get(4), publishedOn: (try row.get(5) as String?).flatMap { CalendarDate($0) },
            accessedOn: (try row.get(6) as String?).flatMap { CalendarDate($0) }, language: try row.get(7),
            kind: Source.Kind(rawValue: try row.get(8)) ?? .report, license: try row.get(9),
            accessNote: try row.get(10), derivedFrom: try row.get(11))
    }

    // MARK: Adding

    /// Adds `measure`, or checks that the stored one with its key is the same.
    /// - Returns: true when it was added.
    @discardableResult
    static func ensure(_ measure: Measure, in connection: Connection) throws(CatalogError) -> Bool {
        guard isValidKey(measure.key) else { throw .invalidKey(measure.key) }
        for (field, text) in [("name", measure.name), ("universe", measure.universe), ("attribution", measure.attribution)]
        where text.trimmingSpaces.isEmpty {
            throw .missingField(kind: "measure", key: measure.key, field: field)
        }
        do {
            if let stored = try self.measure(key: measure.key, in: connection) {
                // A definition the measure had before an amendment is the same measure.
                if stored != measure, try !CatalogHistory.wasOnceStored(measure, in: connection) {
                    throw CatalogError.conflict(kind: "measure", key: measure.key, differences: differences(stored, measure))
                }
                return false
            }
            try connection.execute(
                """
                INSERT INTO measures (key, name, unit, universe, attribution, description) VALUES (?, ?, ?, ?, ?, ?)
                """, measure.key, measure.name, measure.unit.rawValue, measure.universe, measure.attribution, measure.description)
            return true
        } catch let error as CatalogError {
            throw error
        } catch {
            throw .storage(String(describing: error))
        }
    }

    /// Adds the sources a file defines (or checks them against the stored ones), parents
    /// first whatever order the file gives them in, since a source's `derived_from` must
    /// exist when it is written. Returns the keys of the sources added.
    static func ensureParentsFirst(_ definitions: [Source], in connection: Connection) throws(CatalogError) -> [String] {
        let pending = Set(definitions.map(\.key))
        var remaining = definitions
        var written = Set<String>()
        var added: [String] = []
        while !remaining.isEmpty {
            guard
                let next = remaining.firstIndex(where: { source in
                    source.derivedFrom.map { !pending.contains($0) || written.contains($0) || $0 == source.key } ?? true
                })
            else {
                throw .unknownParent(key: remaining[0].key, parent: remaining[0].derivedFrom ?? "")
            }
            let source = remaining.remove(at: next)
            if try ensure(source, pending: pending, in: connection) { added.append(source.key) }
            written.insert(source.key)
        }
        return added
    }

    /// Adds `source`, or checks that the stored one with its key is the same. The source
    /// it is derived from must exist, or be among `pending` (added in the same import).
    @discardableResult
    static func ensure(_ source: Source, pending: Set<String> = [], in connection: Connection) throws(CatalogError) -> Bool {
        guard isValidKey(source.key) else { throw .invalidKey(source.key) }
        guard !source.title.trimmingSpaces.isEmpty else { throw .missingField(kind: "source", key: source.key, field: "title") }
        guard let url = source.url, url.hasPrefix("https://") || url.hasPrefix("http://") else {
            throw .missingField(kind: "source", key: source.key, field: "url (an http:// or https:// address)")
        }
        do {
            if let parent = source.derivedFrom {
                guard parent != source.key else { throw CatalogError.unknownParent(key: source.key, parent: parent) }
                if !pending.contains(parent), try self.source(key: parent, in: connection) == nil {
                    throw CatalogError.unknownParent(key: source.key, parent: parent)
                }
            }
            if let stored = try self.source(key: source.key, in: connection) {
                // A file written before an amendment names the source as it then was.
                if stored != source, try !CatalogHistory.wasOnceStored(source, in: connection) {
                    throw CatalogError.conflict(kind: "source", key: source.key, differences: differences(stored, source))
                }
                return false
            }
            try connection.execute(
                """
                INSERT INTO sources (key, title, publisher, authors, url, published_on, accessed_on, language, kind, license,
                                     access_note, derived_from)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, source.key, source.title, source.publisher, source.authors, source.url, source.publishedOn?.description,
                source.accessedOn?.description, source.language, source.kind.rawValue, source.license, source.accessNote,
                source.derivedFrom)
            return true
        } catch let error as CatalogError {
            throw error
        } catch {
            throw .storage(String(describing: error))
        }
    }

    /// A field's value for a message: optionals unwrapped, absent values as "none".
    private static func display(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return "\"\(value)\"" }
        return mirror.children.first.map { display($0.value) } ?? "none"
    }

    /// The fields in which two values of one type differ, as `field: stored -> given`.
    private static func differences<T>(_ stored: T, _ given: T) -> [String] {
        let storedFields = Mirror(reflecting: stored).children
        let givenFields = Mirror(reflecting: given).children
        return zip(storedFields, givenFields).compactMap { pair in
            let (old, new) = pair
            let oldText = display(old.value)
            let newText = display(new.value)
            guard oldText != newText, let label = old.label else { return nil }
            return "\(label): stored \(oldText), given \(newText)"
        }
    }
}
