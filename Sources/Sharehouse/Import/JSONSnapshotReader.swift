/// Observations and metadata from one self-describing JSON snapshot (DESIGN.md, "Snapshot
/// files"). The document is read whole: a snapshot file of a report is small, and the
/// parsed tree takes about ten times the file's size, so files are limited to
/// ``maximumBytes``; use NDJSON or CSV (read in a stream) for large snapshots.
struct JSONSnapshotReader: ObservationReader {
    static let maximumBytes = 32 << 20

    let embeddedDescription: SnapshotDescription
    private let decoder: SnapshotJSONDecoder
    private let observations: [JSONNode]
    private var index = 0

    init(reader: ChunkedReader, fileName: String) throws {
        guard let bytes = try reader.readAll(limit: Self.maximumBytes) else {
            throw ImportError(file: fileName, reason: "the JSON snapshot is larger than \(Self.maximumBytes >> 20) MiB",
                              expected: "NDJSON or CSV for snapshots this large")
        }
        let root = try JSONParser.parse(bytes, fileName: fileName)
        decoder = SnapshotJSONDecoder(file: fileName)
        let (description, observations) = try decoder.description(of: root, allowObservations: true)
        embeddedDescription = description
        guard let observations else {
            throw ImportError(file: fileName, at: root.location, reason: "the snapshot has no \"observations\"",
                              expected: "an \"observations\" array of {entity, period, value} objects")
        }
        guard case .array(let elements) = observations.value else {
            throw decoder.mismatch(observations, expected: "an array of {entity, period, value} objects")
        }
        self.observations = elements
    }

    mutating func next() throws -> RawObservation? {
        guard index < observations.count else { return nil }
        defer { index += 1 }
        return try decoder.observation(observations[index])
    }
}
