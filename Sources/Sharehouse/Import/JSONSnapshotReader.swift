/// Observations and metadata from one self-describing JSON snapshot (the README,
/// "Importing snapshots"). The document is read whole, so files are limited to ``maximumBytes``; use
/// NDJSON or CSV (read in a stream) for large snapshots. The metadata is parsed into a
/// tree; the observations array is checked whole but parsed into nodes one at a time
/// (a parsed node takes about ten times its text), so memory stays near the file's size.
struct JSONSnapshotReader: ObservationReader {
    static let maximumBytes = 32 << 20

    let embeddedDescription: SnapshotDescription
    private let decoder: SnapshotJSONDecoder
    private var observations: JSONParser.ArrayCursor

    init(reader: ChunkedReader, fileName: String) throws {
        guard let bytes = try reader.readAll(limit: Self.maximumBytes) else {
            throw ImportError(
                file: fileName, reason: "the JSON snapshot is larger than \(Self.maximumBytes >> 20) MiB",
                expected: "NDJSON or CSV for snapshots this large")
        }
        let (root, cursor) = try JSONParser.parse(bytes, fileName: fileName, deferring: "observations")
        decoder = SnapshotJSONDecoder(file: fileName)
        let (description, observations) = try decoder.description(of: root, allowObservations: true)
        embeddedDescription = description
        guard let observations else {
            throw ImportError(
                file: fileName, at: root.location, reason: "the snapshot has no \"observations\"",
                expected: "an \"observations\" array of {entity, period, value} objects")
        }
        // An array at "observations" is always deferred to the cursor.
        guard case .array = observations.value, let cursor else {
            throw decoder.mismatch(observations, expected: "an array of {entity, period, value} objects")
        }
        self.observations = cursor
    }

    mutating func next() throws -> RawObservation? {
        guard let node = try observations.next() else { return nil }
        // The document is parsed whole: an observation that is wrong spoils itself alone.
        do {
            return try decoder.observation(node)
        } catch let error as ImportError {
            throw error.ofOneRow()
        }
    }
}
