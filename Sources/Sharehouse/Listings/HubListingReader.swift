import SharehouseDB

/// The models of one file of the Hub's listing, in file order: a page (the JSON array
/// `/api/models` returns) or NDJSON of the same objects.
///
/// A page is read whole and its elements parsed one at a time (``JSONParser/ArrayCursor``),
/// so that memory holds the page's text but never a tree of it: the Hub serves pages of
/// at most a thousand models, a megabyte or two. A whole listing in one file belongs in
/// NDJSON, which is read a line at a time. A model that is wrong spoils itself alone
/// (the error is one row's); a page whose JSON is broken stops at the break.
struct HubListingReader {
    /// The largest page read whole.
    static let maximumPageBytes = 256 << 20

    let chunks: ChunkedReader
    // One of the two, mutated in place through the optional (a copy out of an enum
    // would copy the line buffer on every chunk).
    private var page: JSONParser.ArrayCursor?
    private var lines: LineReader?
    private let decoder: HubEntryDecoder
    private let fileName: String
    /// Room the fast path reuses from model to model.
    private var names: [Range<Int>] = []

    init(input: InputSource, format: InputFormat, fileIndex: Int) throws {
        fileName = input.name
        chunks = try ChunkedReader(input)
        decoder = HubEntryDecoder(fileName: fileName, fileIndex: fileIndex)
        switch format {
        case .json:
            guard let bytes = try chunks.readAll(limit: Self.maximumPageBytes) else {
                throw ImportError(
                    file: fileName, reason: "the page is larger than \(Self.maximumPageBytes >> 20) MiB",
                    expected:
                        "pages as the Hub serves them (up to 1,000 models each), or NDJSON (one model a line) for a whole listing in one file"
                )
            }
            let (cursor, root) = try JSONParser.parseArray(bytes, fileName: fileName)
            guard let cursor else { throw Self.notAPage(root!, fileName: fileName) }
            page = cursor
        case .ndjson:
            lines = LineReader(reader: chunks, fileName: fileName, record: "model")
        case .csv, .tsv:
            throw ImportError(
                file: fileName, reason: "the Hub's listing is JSON, not CSV",
                expected: "its pages as JSON or NDJSON, or --shape study-dataset for the study dataset's CSV")
        }
    }

    /// The next model, or nil after the last.
    mutating func next() throws -> HubRecord? {
        var names = self.names
        self.names = []
        defer { self.names = names }
        if page != nil {
            // A broken page (a bracket missing) stops here, with its place.
            let decoder = decoder
            return try page!.next(
                fast: { bytes, start, location in
                    Self.fastRecord(bytes, from: start, to: bytes.count, location: location, decoder: decoder, names: &names)
                },
                slow: { node in try Self.record(node, decoder: decoder) })
        }
        while let (line, lineNumber) = try lines!.next() {
            guard !LineReader.isBlank(line) else { continue }
            // The fast path first; what it cannot read alone, or finds wrong, the strict
            // parser reads again, to say what is wrong and where.
            let fast = line.withUnsafeBufferPointer { bytes -> HubRecord? in
                guard let object = HubModelScanner.objectRange(inLine: bytes),
                    let (record, end) = Self.fastRecord(
                        bytes, from: object.lowerBound, to: object.upperBound,
                        location: SourceLocation(line: lineNumber, column: object.lowerBound + 1), decoder: decoder, names: &names),
                    end == object.upperBound
                else { return nil }
                return record
            }
            if let fast { return fast }
            // A line that is not a model spoils that line alone.
            let node: JSONNode
            do {
                node = try JSONParser.parse(Array(line), fileName: fileName, startLine: lineNumber)
            } catch let error as ImportError {
                throw error.ofOneRow()
            }
            return try Self.record(node, decoder: decoder)
        }
        return nil
    }

    /// The record the fast path reads from the object that starts at `start` in
    /// `bytes[..<end]`, and the index past it; nil when the strict parser must read it
    /// (``HubModelScanner``). A model without downloads is checked on its bytes alone.
    static func fastRecord(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, location: SourceLocation, decoder: HubEntryDecoder,
        names: inout [Range<Int>]
    ) -> (HubRecord, Int)? {
        guard let (scan, after) = HubModelScanner.scan(bytes, from: start, to: end, names: &names) else { return nil }
        if scan.hasNoDownloads(in: bytes) {
            return scan.isPlainlyValid(in: bytes) ? (.withoutDownloads, after) : nil
        }
        guard let entry = try? decoder.entry(scan.fields(in: bytes, location: location)) else { return nil }
        return (entry.model.downloads > 0 ? .model(entry) : .withoutDownloads, after)
    }

    /// The record of a node the strict parser read; a model that is wrong spoils its own
    /// row alone.
    static func record(_ node: JSONNode, decoder: HubEntryDecoder) throws -> HubRecord {
        do {
            let entry = try decoder.entry(node)
            return entry.model.downloads > 0 ? .model(entry) : .withoutDownloads
        } catch let error as ImportError {
            throw error.ofOneRow()
        }
    }

    /// A page that is not an array says what it is instead: a failed request saves the
    /// server's error object (`{"error": "..."}`) where the models should be.
    static func notAPage(_ root: JSONNode, fileName: String) -> ImportError {
        var reason = "the page is \(root.kindName), not an array of models"
        if case .string(let message) = root["error"]?.value {
            reason += ": it holds the error \"\(message.prefix(200))\""
        }
        return ImportError(
            file: fileName, at: root.location, reason: reason,
            expected: "a JSON array of models, as the Hub's /api/models returns it (fetch a page that failed again)")
    }
}
