import SharehouseDB

/// Observations from NDJSON: one JSON object per line (`{"entity": "CN", "period":
/// "2025-08", "value": 17.1}`), read a line at a time so memory stays flat. Blank lines
/// are skipped; the snapshot's metadata comes from options or a sidecar.
struct NDJSONObservationReader: ObservationReader {
    static let maximumLineBytes = 1 << 20

    let embeddedDescription = SnapshotDescription()
    private let reader: ChunkedReader
    private let fileName: String
    private let decoder: SnapshotJSONDecoder
    private var buffer: [UInt8] = []
    private var start = 0
    private var line = 0
    private var exhausted = false

    init(reader: ChunkedReader, fileName: String) {
        self.reader = reader
        self.fileName = fileName
        self.decoder = SnapshotJSONDecoder(file: fileName)
    }

    mutating func next() throws -> RawObservation? {
        while let (bytes, lineNumber) = try nextLine() {
            guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
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

    /// The next line without its line end, and its number. Lines end as ``TextPosition``
    /// ends them (LF, CRLF or a lone CR); a CR last in the buffer waits for the next
    /// chunk, which may begin with its LF.
    private mutating func nextLine() throws -> (ArraySlice<UInt8>, Int)? {
        while true {
            if let (end, next) = TextPosition.lineEnd(in: buffer, from: start, atEndOfInput: exhausted) {
                line += 1
                let slice = buffer[start..<end]
                start = next
                return (slice, line)
            }
            if exhausted {
                guard start < buffer.count else { return nil }
                line += 1
                let slice = buffer[start...]
                start = buffer.count
                return (slice, line)
            }
            guard buffer.count - start <= Self.maximumLineBytes else {
                throw ImportError(
                    file: fileName, line: line + 1, column: 1,
                    reason: "the line is longer than \(Self.maximumLineBytes / 1024) KiB; NDJSON has one observation per line")
            }
            if start > 0 {
                buffer.removeFirst(start)
                start = 0
            }
            if let chunk = try reader.next() {
                if line == 0, buffer.isEmpty, let reason = TextEncodingCheck.foreignStart(chunk[...]) {
                    throw ImportError(file: fileName, line: 1, column: 1, reason: reason)
                }
                buffer += chunk
                if line == 0, buffer.starts(with: [0xEF, 0xBB, 0xBF]) { buffer.removeFirst(3) }
            } else {
                exhausted = true
            }
        }
    }
}
