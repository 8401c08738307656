import SharehouseDB
import Testing

@testable import Sharehouse

/// The fast scanner of the Hub's models against the strict parser: whatever the scanner
/// accepts, the parser reads the same (model, bases, place), and whatever the parser
/// refuses, the scanner leaves to it.
@Suite struct HubModelScannerTests {
    let decoder = HubEntryDecoder(fileName: "page.ndjson", fileIndex: 0)

    /// Objects as the Hub writes them, and a few it may: every one plain enough for the
    /// fast path.
    static let plain = [
        #"{"id":"meta-llama/Llama-3.1-8B","author":"meta-llama","downloads":5200000,"downloadsAllTime":90000000,"createdAt":"2024-07-18T08:56:00.000Z","pipeline_tag":"text-generation","library_name":"transformers","tags":["transformers","safetensors","base_model:meta-llama/Meta-Llama-3.1-8B","region:us"]}"#,
        #"{"_id":"66a0","id":"Qwen/Qwen2.5-7B-Instruct-GGUF","likes":120,"private":false,"trendingScore":1.5e3,"downloads":812,"tags":["gguf","base_model:quantized:Qwen/Qwen2.5-7B-Instruct","base_model:Qwen/Qwen2.5-7B-Instruct"],"modelId":"Qwen/Qwen2.5-7B-Instruct-GGUF"}"#,
        #"{"id":"bert-base-uncased","author":"google-bert","downloads":0,"downloadsAllTime":null,"createdAt":null,"pipeline_tag":null,"library_name":"","tags":null}"#,
        #"  { "id" : "a/b" , "downloads" : 7 , "tags" : [ ] , "scores" : [1, -2.5, true, null, "x"] }  "#,
        #"{"id":"org/merged","downloads":3,"tags":["base_model:merge:org/one","base_model:merge:org/two","base_model:adapter:org/one"]}"#,
        #"{"id":"x/y","author":"","downloads":1}"#,
        #"{"id":"user0042/model-7","author":"user0042","downloads":0,"downloadsAllTime":15,"createdAt":"2023-02-28T10:00:00.000Z","pipeline_tag":"fill-mask","library_name":"gguf","tags":["region:us","base_model:finetune:org/base-1"]}"#,
        #"{"modelId":"org/solo-model","downloads":0}"#,
        #"{"id":"org/m","modelId":"org/m","author":"org","downloads":0,"createdAt":"2024-02-29","tags":["base_model:org/base","base_model:merge:other/base"]}"#,
    ]

    /// What a reading gives: a model to store and its place, or one without downloads.
    enum Outcome: Equatable {
        case model(ListingModel, SharehouseDB.SourceLocation)
        case withoutDownloads

        init(_ record: HubRecord) {
            switch record {
            case .model(let entry): self = .model(entry.model, entry.location)
            case .withoutDownloads: self = .withoutDownloads
            }
        }

        var model: ListingModel? {
            if case .model(let model, _) = self { return model }
            return nil
        }
    }

    /// What the strict parser makes of `line`: the outcome, or nil when it refuses it.
    func strict(_ line: [UInt8], lineNumber: Int = 1) -> Outcome? {
        guard let node = try? JSONParser.parse(line, fileName: "page.ndjson", startLine: lineNumber) else { return nil }
        return (try? HubListingReader.record(node, decoder: decoder)).map(Outcome.init)
    }

    /// What the fast path makes of `line`: the outcome, or nil when it leaves it to the parser.
    func fast(_ line: [UInt8], lineNumber: Int = 1) -> Outcome? {
        var names: [Range<Int>] = []
        return line.withUnsafeBufferPointer { bytes -> Outcome? in
            guard let object = HubModelScanner.objectRange(inLine: bytes),
                let (record, end) = HubListingReader.fastRecord(
                    bytes, from: object.lowerBound, to: object.upperBound,
                    location: .init(line: lineNumber, column: object.lowerBound + 1), decoder: decoder, names: &names),
                end == object.upperBound
            else { return nil }
            return Outcome(record)
        }
    }

    func expectSame(_ fast: Outcome, _ strict: Outcome?, _ line: [UInt8]) {
        let shown = String(decoding: line, as: UTF8.self)
        guard let strict else {
            Issue.record("the fast path accepted what the parser refuses: \(shown)")
            return
        }
        #expect(fast == strict, "\(shown)")
    }

    @Test func plainObjectsTakeTheFastPathAndReadAsTheParserReadsThem() throws {
        for (number, line) in Self.plain.enumerated() {
            let bytes = Array(line.utf8)
            let quick = try #require(fast(bytes, lineNumber: number + 3), "not on the fast path: \(line)")
            expectSame(quick, strict(bytes, lineNumber: number + 3), bytes)
        }
        let first = try #require(fast(Array(Self.plain[0].utf8))?.model)
        #expect(first.bases == [ListingBase(model: "meta-llama/Meta-Llama-3.1-8B", relation: .base)])
        let quantized = try #require(fast(Array(Self.plain[1].utf8))?.model)
        #expect(quantized.bases.map(\.relation) == [.quantized])  // named twice: the more specific relation
        #expect(fast(Array(Self.plain[2].utf8)) == .withoutDownloads)
        #expect(fast(Array(Self.plain[3].utf8)) == strict(Array(Self.plain[3].utf8)))
        guard case .model(_, let location) = fast(Array(Self.plain[3].utf8)) else {
            Issue.record("not a model")
            return
        }
        #expect(location.column == 3)
    }

    @Test func whatNeedsTheParserIsLeftToIt() {
        let leftToTheParser = [
            #"{"id":"caf\u00e9/model","downloads":1}"#,  // an escape
            #"{"id":"org/modèle","downloads":1}"#,  // a letter beyond ASCII
            #"{"id":"a/b","downloads":1,"cardData":{"license":"mit"}}"#,  // a nested object
            #"{"id":"a/b","downloads":1,"id":"a/c"}"#,  // a member twice
            #"{"id":"a/b","downloads":01}"#,  // a number JSON does not allow
            #"{"id":"a/b","downloads":1.5}"#,  // a count with a fraction
            #"{"id":"a/b","downloads":"12"}"#,  // a count as a string
            #"{"id":"a/b","downloads":1,}"#,  // a trailing comma
            #"{"id":"a/b","downloads":1} x"#,  // text after the object
            #"{"id":"a/b","downloads":1,"tags":["base_model:not a model"]}"#,  // a base that names no model
            #"{"id":"a b","downloads":1}"#,  // an id with a space
            #"{"id":"a/b","downloads":-1}"#,  // a negative count
            #"{"id":"a/b"}"#,  // no downloads
            #"["a/b", 1]"#,  // not an object
        ]
        for line in leftToTheParser {
            #expect(fast(Array(line.utf8)) == nil, "\(line)")
        }
    }

    /// The day of a timestamp, each number of its time and zone in range.
    @Test func timestampsAreReadWithTheirTimesInRange() {
        for text in ["2024-07-18T08:56:00.000Z", "2024-07-18 23:59:60+05:30", "2024-07-18T00:00", "2024-07-18T12:00-0800", "2024-07-18"] {
            #expect(ListingTimestamp.day(text[...]) == CalendarDate("2024-07-18"), "\(text)")
        }
        for text in ["2024-01-01T99:99:99Z", "2024-01-01T24:00Z", "2024-01-01T10:60", "2024-01-01T10:00+99", "2023-02-29", "2024-07-18T"] {
            #expect(ListingTimestamp.day(text[...]) == nil, "\(text)")
        }
    }

    /// Every plain object, broken in thousands of small ways (a byte dropped, doubled or
    /// replaced by one of JSON's own): what the fast path accepts, the parser accepts and
    /// reads the same.
    @Test func brokenObjectsNeverPassTheFastPathAlone() {
        var random = SeededRandom(seed: 0x5EED_15)
        let replacements = Array(#"{}[],:"\ 0123456789.-+eE/tfnul_x"#.utf8) + [0x09, 0x0A, 0x0D, 0x00, 0xC3, 0xA9, 0x7F]
        var fastAccepted = 0
        for line in Self.plain {
            let original = Array(line.utf8)
            for _ in 0..<1_500 {
                var bytes = original
                let place = Int(random.next() % UInt64(bytes.count))
                switch random.next() % 3 {
                case 0: bytes.remove(at: place)
                case 1: bytes.insert(bytes[place], at: place)
                default: bytes[place] = replacements[Int(random.next() % UInt64(replacements.count))]
                }
                if let quick = fast(bytes) {
                    fastAccepted += 1
                    expectSame(quick, strict(bytes), bytes)
                }
            }
        }
        // Many small changes leave a valid model (a digit of a count, a letter of a tag):
        // the fast path must still take those.
        #expect(fastAccepted > 1_000)
    }

    /// A page (a JSON array) read through the cursor's fast path gives the same entries at
    /// the same places as the parser alone, across objects the fast path leaves to it.
    @Test func aPageReadsTheSameEitherWay() throws {
        let page =
            "[\n  " + Self.plain.joined(separator: ",\n  ") + #",{"id":"caf\u00e9/x","downloads":2},"#
            + "\n{\n  \"id\": \"pretty/printed\",\n  \"downloads\": 4\n}, " + Self.plain[0] + "\n]\n"
        let bytes = Array(page.utf8)
        var strictEntries: [Outcome] = []
        var (cursor, _) = try JSONParser.parseArray(bytes, fileName: "page.json")
        while let node = try cursor!.next() { strictEntries.append(Outcome(try HubListingReader.record(node, decoder: decoder))) }

        var fastEntries: [Outcome] = []
        (cursor, _) = try JSONParser.parseArray(bytes, fileName: "page.json")
        let decoder = decoder
        var names: [Range<Int>] = []
        while let record = try cursor!.next(
            fast: { buffer, start, location in
                HubListingReader.fastRecord(buffer, from: start, to: buffer.count, location: location, decoder: decoder, names: &names)
            },
            slow: { node in try HubListingReader.record(node, decoder: decoder) })
        {
            fastEntries.append(Outcome(record))
        }
        #expect(fastEntries.count == Self.plain.count + 3)
        #expect(fastEntries.contains(.withoutDownloads))
        #expect(fastEntries == strictEntries)
        #expect(
            strictEntries.last == .model(try #require(fast(Array(Self.plain[0].utf8))?.model), .init(line: Self.plain.count + 5, column: 4))
        )
    }
}

/// SplitMix64: the same "random" changes on every run.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
