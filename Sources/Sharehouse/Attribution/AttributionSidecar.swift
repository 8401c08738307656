import SharehouseDB

/// What a sidecar beside an attribution table (`FILE.json` or `FILE.csv.json`, found as a
/// snapshot's is) may say: the table's source, by key or defined in full, and the sources
/// it relays. A defined source is added to the catalogue, or must match the stored one,
/// so a bundled table and its citation import with one command.
///
/// ```json
/// {"source": {"key": "...", "title": "...", "url": "https://...", "kind": "dataset"}}
/// ```
struct AttributionSidecar {
    static let members: Set<String> = ["source", "sources"]

    let path: String
    let source: SourceReference?
    let relayedSources: [Source]

    /// The sidecar of `input`, if it has one.
    static func read(besides input: InputSource) throws -> AttributionSidecar? {
        guard let (path, bytes) = try SnapshotImporter.sidecarBytes(of: input, holding: "the table's source") else { return nil }
        let decoder = SnapshotJSONDecoder(file: path)
        let members = try decoder.object(try JSONParser.parse(bytes, fileName: path), what: "an attribution sidecar", allowed: members)
        var source: SourceReference?
        if let node = members["source"] {
            if case .string(let key) = node.value {
                source = .key(try decoder.validKey(key, at: node))
            } else {
                source = .definition(try decoder.source(node))
            }
        }
        var relayed: [Source] = []
        if let node = members["sources"] {
            guard case .array(let elements) = node.value else { throw decoder.mismatch(node, expected: "an array of source objects") }
            relayed = try elements.map(decoder.source)
        }
        return AttributionSidecar(path: path, source: source, relayedSources: relayed)
    }

    /// Checks that the sidecar names `key`, then adds the sources it defines (those a
    /// source relays first) or checks them against the stored ones.
    /// - Returns: the keys of the sources added.
    func ensureSources(named key: String, file: String, in connection: Connection) throws -> [String] {
        if let source, source.key != key {
            throw ImportError(
                file: path, reason: "the sidecar gives the source \(source.key), and the import was asked for \(key)",
                expected: "the same source in both (or none in the sidecar)")
        }
        var definitions = relayedSources
        if case .definition(let definition) = source { definitions.append(definition) }
        do {
            return try Catalog.ensureParentsFirst(definitions, in: connection)
        } catch {
            throw ImportError(file: path, reason: error.description, category: error.category == .refused ? .refused : .badInput)
        }
    }
}
