import SharehouseDB

/// Reads snapshot metadata and observations from parsed JSON (``JSONNode``), strictly:
/// an unknown member is an error (a typo such as `pubished_on` must not be ignored), and
/// every error names the member's line and column.
struct SnapshotJSONDecoder {
    let file: String

    static let snapshotMembers: Set<String> = [
        "measure", "source", "sources", "published_on", "verification", "coverage", "note", "period", "observations",
    ]
    static let measureMembers: Set<String> = ["key", "name", "unit", "universe", "attribution", "description"]
    static let sourceMembers: Set<String> = [
        "key", "title", "publisher", "authors", "url", "published_on", "accessed_on", "language", "kind", "license",
        "access_note", "derived_from",
    ]
    static let observationMembers: Set<String> = ["entity", "period", "value"]
    /// What only a sidecar says: how to read the file beside it.
    static let readingMembers: Set<String> = [
        "delimiter", "decimal_comma", "periods", "scale", "entity_column", "period_column", "value_column", "correction",
    ]

    /// The metadata of a snapshot object, and its `observations` member when present.
    func description(of node: JSONNode, allowObservations: Bool) throws -> (SnapshotDescription, JSONNode?) {
        let members = try object(
            node, what: "a snapshot",
            allowed: allowObservations
                ? Self.snapshotMembers : Self.snapshotMembers.subtracting(["observations"]).union(Self.readingMembers))
        var description = SnapshotDescription()
        if let measure = members["measure"] {
            if case .string(let key) = measure.value {
                description.measure = .key(try validKey(key, at: measure))
            } else {
                description.measure = .definition(try self.measure(measure))
            }
        }
        if let source = members["source"] {
            if case .string(let key) = source.value {
                description.source = .key(try validKey(key, at: source))
            } else {
                description.source = .definition(try self.source(source))
            }
        }
        if let sources = members["sources"] {
            guard case .array(let elements) = sources.value else {
                throw mismatch(sources, expected: "an array of source objects")
            }
            description.relayedSources = try elements.map(self.source)
        }
        description.publishedOn = try members["published_on"].map { try date($0, name: "published_on") }
        description.verification = try members["verification"].map { try choice($0, Verification.self) }
        description.coverage = try members["coverage"].map { try choice($0, Coverage.self) }
        description.note = try members["note"].flatMap { try optionalString($0) }
        if let period = members["period"], !period.isNull {
            let text = try string(period)
            guard let parsed = Period(text) else {
                throw ImportError(file: file, at: period.location, reason: "\"\(text)\" is not a period", expected: Period.expectedForms)
            }
            description.period = parsed
        }
        if !allowObservations { description.reading = try reading(members) }
        return (description, members["observations"])
    }

    /// A sidecar's reading hints.
    private func reading(_ members: [String: JSONNode]) throws -> ReadingHints {
        var hints = ReadingHints()
        if let node = members["delimiter"] {
            guard let delimiter = Delimiter(argument: try string(node)) else {
                throw ImportError(file: file, at: node.location, reason: "not a delimiter", expected: "\",\", \";\", \"\\t\" or \"|\"")
            }
            hints.delimiter = delimiter
        }
        if let node = members["decimal_comma"] {
            guard case .bool(let flag) = node.value else { throw mismatch(node, expected: "true or false") }
            hints.decimalComma = flag
        }
        if let node = members["correction"] {
            guard case .bool(let flag) = node.value else { throw mismatch(node, expected: "true or false") }
            hints.correction = flag
        }
        hints.bareDates = try members["periods"].map { try choice($0, BareDates.self) }
        hints.scale = try members["scale"].map { try choice($0, ValueScale.self) }
        hints.columns.entity = try members["entity_column"].map(string)
        hints.columns.period = try members["period_column"].map(string)
        hints.columns.value = try members["value_column"].map(string)
        return hints
    }

    func measure(_ node: JSONNode) throws -> Measure {
        let members = try object(node, what: "a measure", allowed: Self.measureMembers)
        func required(_ name: String) throws -> String {
            guard let member = members[name] else {
                throw ImportError(
                    file: file, at: node.location, reason: "the measure has no \"\(name)\"",
                    expected: "a measure with key, name, unit, universe and attribution")
            }
            let text = try string(member)
            guard !text.trimmingSpaces.isEmpty else { throw mismatch(member, expected: "a non-empty \(name)") }
            return text
        }
        guard let unitNode = members["unit"] else {
            throw ImportError(file: file, at: node.location, reason: "the measure has no \"unit\"", expected: "unit percent or count")
        }
        return Measure(
            key: try validKey(try required("key"), at: members["key"] ?? node), name: try required("name"),
            unit: try choice(unitNode, Measure.Unit.self),
            universe: try required("universe"), attribution: try required("attribution"),
            description: try members["description"].flatMap { try optionalString($0) })
    }

    func source(_ node: JSONNode) throws -> Source {
        let members = try object(node, what: "a source", allowed: Self.sourceMembers)
        guard let keyNode = members["key"] else {
            throw ImportError(
                file: file, at: node.location, reason: "the source has no \"key\"", expected: "a citation with key, title, url and kind")
        }
        guard let titleNode = members["title"], let title = try optionalString(titleNode), !title.trimmingSpaces.isEmpty else {
            throw ImportError(
                file: file, at: node.location, reason: "the source has no title: a figure without a citation cannot be imported",
                expected: "a citation with key, title, url and kind")
        }
        guard let kindNode = members["kind"] else {
            throw ImportError(
                file: file, at: node.location, reason: "the source has no \"kind\"", expected: "kind study, news, dataset or report")
        }
        var authors: String?
        if let authorsNode = members["authors"] {
            switch authorsNode.value {
            case .array(let names): authors = try names.map { try string($0) }.joined(separator: "; ")
            default: authors = try optionalString(authorsNode)
            }
        }
        // Checked here, not only when the catalog stores the source, so that the error
        // names the citation's line and column.
        guard let urlNode = members["url"], let url = try optionalString(urlNode), !url.trimmingSpaces.isEmpty else {
            throw ImportError(
                file: file, at: node.location,
                reason: "the source has no url: a figure without a full citation cannot be imported",
                expected: "a citation with key, title, url and kind")
        }
        guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
            throw ImportError(
                file: file, at: urlNode.location, reason: "\"\(url)\" is not an http:// or https:// URL",
                expected: "the address where the source can be read, such as https://example.org/report")
        }
        return Source(
            key: try validKey(try string(keyNode), at: keyNode), title: title,
            publisher: try members["publisher"].flatMap { try optionalString($0) }, authors: authors, url: url,
            publishedOn: try members["published_on"].flatMap { $0.isNull ? nil : try date($0, name: "published_on") },
            accessedOn: try members["accessed_on"].flatMap { $0.isNull ? nil : try date($0, name: "accessed_on") },
            language: try members["language"].flatMap { try optionalString($0) }, kind: try choice(kindNode, Source.Kind.self),
            license: try members["license"].flatMap { try optionalString($0) },
            accessNote: try members["access_note"].flatMap { try optionalString($0) },
            derivedFrom: try members["derived_from"].flatMap { node in
                try optionalString(node).map { try validKey($0, at: node) }
            })
    }

    /// One observation object: `{"entity": ..., "period": ..., "value": ...}`.
    func observation(_ node: JSONNode) throws -> RawObservation {
        let members = try object(node, what: "an observation", allowed: Self.observationMembers)
        guard let entity = members["entity"] else {
            throw ImportError(
                file: file, at: node.location, reason: "the observation has no \"entity\"",
                expected: "an object with entity, value and (unless the snapshot gives one) period")
        }
        guard let value = members["value"] else {
            throw ImportError(
                file: file, at: node.location, reason: "the observation has no \"value\"",
                expected: "an object with entity, value and (unless the snapshot gives one) period")
        }
        var raw = RawObservation(
            entity: try string(entity), entityLocation: entity.location, value: "",
            valueLocation: value.location, line: node.location.line)
        switch value.value {
        case .number(let text):
            raw.value = text
            raw.valueIsNumber = true
        case .string(let text):
            raw.value = text
        default:
            throw mismatch(value, expected: "a number, or a string such as \"17.10\"")
        }
        if let period = members["period"], !period.isNull {
            raw.period = try string(period)
            raw.periodLocation = period.location
        }
        return raw
    }

    // MARK: Members

    func object(_ node: JSONNode, what: String, allowed: Set<String>) throws -> [String: JSONNode] {
        guard case .object(let members) = node.value else { throw mismatch(node, expected: what + " (a JSON object)") }
        var result: [String: JSONNode] = [:]
        for (key, keyLocation, member) in members {
            guard allowed.contains(key) else {
                throw ImportError(
                    file: file, at: keyLocation, reason: "unknown member \"\(key)\" in \(what)",
                    expected: "one of " + allowed.sorted().joined(separator: ", "))
            }
            result[key] = member
        }
        return result
    }

    /// The longest text a snapshot's member may hold: a note or a title is a paragraph, and
    /// a 31 MB note was stored whole (and took 217 MB to read) before this limit.
    static let maximumStringBytes = 64 << 10

    func string(_ node: JSONNode) throws -> String {
        guard case .string(let text) = node.value else { throw mismatch(node, expected: "a string") }
        guard text.utf8.count <= Self.maximumStringBytes else {
            throw ImportError(
                file: file, at: node.location,
                reason: "the text here is \(text.utf8.count) bytes long; names, titles and notes are at most "
                    + "\(Self.maximumStringBytes / 1024) KiB")
        }
        return text
    }

    func optionalString(_ node: JSONNode) throws -> String? {
        if node.isNull { return nil }
        let text = try string(node)
        return text.isEmpty ? nil : text
    }

    func date(_ node: JSONNode, name: String) throws -> CalendarDate {
        let text = try string(node)
        guard let date = CalendarDate(text) else {
            throw ImportError(file: file, at: node.location, reason: "\(name) \"\(text)\" is not a date", expected: "YYYY-MM-DD")
        }
        return date
    }

    func choice<T: RawRepresentable & CaseIterable>(_ node: JSONNode, _ type: T.Type) throws -> T where T.RawValue == String {
        let text = try string(node)
        guard let value = T(rawValue: text) else {
            throw ImportError(
                file: file, at: node.location, reason: "\"\(text)\" is not allowed here",
                expected: "one of " + T.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return value
    }

    func validKey(_ key: String, at node: JSONNode) throws -> String {
        guard Catalog.isValidKey(key) else {
            throw ImportError(file: file, at: node.location, reason: "\"\(key)\" is not a valid key", expected: Catalog.keyRule)
        }
        return key
    }

    func mismatch(_ node: JSONNode, expected: String) -> ImportError {
        ImportError(file: file, at: node.location, reason: "found \(node.kindName)", expected: expected)
    }
}
