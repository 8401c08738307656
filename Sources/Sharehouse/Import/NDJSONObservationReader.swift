import SharehouseDB

/// Observations from NDJSON: one JSON object per line (`{"entity": "CN", "period":
/// "2025-08", "value": 17.1}`), read a line at a time so memory stays flat. Blank lines
/// are skipped; the snapshot's metadata comes from options or a sidecar.
struct NDJSONObservationReader: ObservationReader {
    static let maximumLineBytes = 1 << 20

    let embeddedDescription = SnapshotDescription()
    private var lines: LineReader
    private let fileName: String
    private let decoder: SnapshotJSONDecoder

    init(reader: ChunkedReader, fileName: String) {
        lines = LineReader(reader: reader, fileName: fileName, record: "observation", maximumLineBytes: Self.maximumLineBytes)
        self.fileName = fileName
        self.decoder = SnapshotJSONDecoder(file: fileName)
    }

    mutating func next() throws -> RawObservation? {
        while let (bytes, lineNumber) = try lines.next() {
            guard !LineReader.isBlank(bytes) else { continue }
            // A line that is not an observation spoils that line alone: the next is read anew.
            do {
                let node = try JSONParser.parse(Array(bytes), fileName: fileName, startLine: lineNumber)
                return try decoder.observation(node)
            } catch let error as ImportError {
                throw error.ofOneRow()
            }
        }
        return nil
    }
}
