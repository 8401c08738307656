import SharehouseDB

/// The lines of a text read in chunks, each without its line end and with its number, so
/// that a file of any size is read one line at a time at flat memory (NDJSON). Lines end
/// as ``TextPosition`` ends them (LF, CRLF or a lone CR); a UTF-8 byte-order mark is
/// skipped and UTF-16 or UTF-32 is refused at line 1.
struct LineReader {
    /// The longest line read: a line of NDJSON is one record, and a longer one means a
    /// file that is not NDJSON (a pretty-printed JSON document, a binary).
    let maximumLineBytes: Int
    /// What one line holds, for the message about a line too long ("observation").
    let record: String
    private let reader: ChunkedReader
    private let fileName: String
    private var buffer: [UInt8] = []
    /// Where each chunk is read, kept from chunk to chunk (no allocation per chunk).
    private var chunk = [UInt8](repeating: 0, count: ChunkedReader.chunkSize)
    private var start = 0
    private var line = 0
    private var exhausted = false

    init(reader: ChunkedReader, fileName: String, record: String, maximumLineBytes: Int = 1 << 20) {
        self.reader = reader
        self.fileName = fileName
        self.record = record
        self.maximumLineBytes = maximumLineBytes
    }

    /// The next line without its line end, and its number; nil after the last. A CR last
    /// in the buffer waits for the next chunk, which may begin with its LF.
    mutating func next() throws -> (ArraySlice<UInt8>, Int)? {
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
            guard buffer.count - start <= maximumLineBytes else {
                throw ImportError(
                    file: fileName, line: line + 1, column: 1,
                    reason: "the line is longer than \(maximumLineBytes / 1024) KiB; NDJSON has one \(record) per line")
            }
            if start > 0 {
                buffer.removeFirst(start)
                start = 0
            }
            let count = try chunk.withUnsafeMutableBufferPointer { try reader.read(into: $0) }
            if count > 0 {
                if line == 0, buffer.isEmpty, let reason = TextEncodingCheck.foreignStart(chunk[..<count]) {
                    throw ImportError(file: fileName, line: 1, column: 1, reason: reason)
                }
                buffer += chunk[..<count]
                if line == 0, buffer.starts(with: [0xEF, 0xBB, 0xBF]) { buffer.removeFirst(3) }
            } else {
                exhausted = true
            }
        }
    }

    /// True when `bytes` hold nothing but spaces, tabs and CRs: a blank line.
    static func isBlank(_ bytes: ArraySlice<UInt8>) -> Bool {
        !bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D })
    }
}
