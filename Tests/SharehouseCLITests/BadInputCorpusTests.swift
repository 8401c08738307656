import Foundation
import Sharehouse
import SharehouseDB
import SharehouseTestSupport
import Testing

/// One case of `Tests/Corpus/bad-input/cases.json`: a file `sharehouse import` must refuse
/// (or, marked `accepted`, read), the exit status, where the message must point and why.
struct CorpusCase: Sendable, Decodable, CustomTestStringConvertible {
    let name: String
    /// The input's name: a file of the corpus, or one `generate` writes at test time.
    let file: String
    /// Its sidecar in the corpus, copied next to it.
    let sidecar: String?
    /// What to write at test time instead of copying from the corpus.
    let generate: String?
    /// Feed the file on standard input (the arguments then hold `-`).
    let stdin: Bool?
    /// The arguments after the file (or instead of it, for standard input).
    let args: [String]
    let exit: Int32
    /// The input is valid after all (run with --dry-run): the case documents the decision.
    let accepted: Bool?
    /// `file:line:column`, `file:line` or `file`; `-` for standard input; nil for usage errors.
    let place: String?
    /// Fragments the message must contain.
    let reason: [String]

    var testDescription: String { "\(file): \(name)" }
}

struct CorpusManifest: Decodable {
    let fixtures: [String]
    let cases: [CorpusCase]
}

/// The bad-input corpus and how to run one of its cases.
enum BadInputCorpus {
    static let folder = Repository.path("Tests/Corpus/bad-input")
    /// What a child may take: the importer streams, so even a 10 MB line or a million
    /// fields must stay far below this (four times it under AddressSanitizer, whose
    /// quarantine alone keeps 256 MB of freed blocks).
    static let memoryLimit = Sanitizer.memoryBound(256 << 20)
    /// A case past this is a hang; the child is killed and the case fails.
    static let timeout: Duration = .seconds(180)
    /// Files of the corpus folder that are not inputs.
    static let housekeeping: Set<String> = ["cases.json", "README.md", ".gitattributes"]

    static let manifest: Result<CorpusManifest, any Error> = Result {
        try JSONDecoder().decode(CorpusManifest.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/cases.json")))
    }

    /// The cases, or none if the manifest does not load (a test then says why).
    static var cases: [CorpusCase] { (try? manifest.get().cases) ?? [] }

    /// A warehouse at `path` holding the manifest's fixtures, so that a case has data to
    /// protect. The warehouse is closed (and its WAL folded in) before this returns.
    static func makeWarehouse(at path: String) throws {
        let warehouse = try Warehouse(path: path)
        _ = try warehouse.importSnapshots(from: try manifest.get().fixtures.map { .file(Repository.path($0)) })
    }

    /// A case's input, ready in `folder`: the arguments for `sharehouse import`, the
    /// file to feed on standard input, and the path each name of the manifest stands for.
    static func prepare(_ corpusCase: CorpusCase, in folder: String) throws -> (
        arguments: [String], stdin: String?,
        paths: [String: String]
    ) {
        let path = (folder as NSString).appendingPathComponent(corpusCase.file)
        // A generated sidecar is FILE.json next to FILE.
        var paths = [corpusCase.file: path, corpusCase.file + ".json": path + ".json", "-": "-"]
        if let generator = corpusCase.generate {
            try generate(generator, at: path)
        } else {
            try FileManager.default.copyItem(atPath: self.folder + "/" + corpusCase.file, toPath: path)
        }
        if let sidecar = corpusCase.sidecar {
            let sidecarPath = (folder as NSString).appendingPathComponent(sidecar)
            try FileManager.default.copyItem(atPath: self.folder + "/" + sidecar, toPath: sidecarPath)
            paths[sidecar] = sidecarPath
        }
        if corpusCase.stdin == true { return (corpusCase.args, path, paths) }
        return ([path] + corpusCase.args, nil, paths)
    }

    /// Runs `sharehouse import` on the case against the warehouse at `database`.
    static func run(_ corpusCase: CorpusCase, in folder: String, database: String) throws
        -> (result: BoundedProcessResult, paths: [String: String])
    {
        let (arguments, stdin, paths) = try prepare(corpusCase, in: folder)
        let result = try runBounded(
            SharehouseBinary.path, ["import"] + arguments + ["--db", database],
            standardInput: stdin, timeout: timeout)
        return (result, paths)
    }

    /// The message's expected start: `path:line:column: ` with the manifest's name
    /// replaced by the path it was given as.
    static func expectedPlace(_ place: String, paths: [String: String]) -> String {
        let name = place.prefix { $0 != ":" }
        let rest = place.dropFirst(name.count)
        return (paths[String(name)] ?? String(name)) + rest + ": "
    }

    /// Every check of one finished case but the database's.
    static func check(
        _ result: BoundedProcessResult, _ corpusCase: CorpusCase, paths: [String: String],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let summary =
            "exit \(result.status.map(String.init) ?? "-"), signal \(result.signal.map(String.init) ?? "-"), "
            + "\(result.elapsed), \(result.peakMemoryBytes.map { "\($0 >> 20) MB" } ?? "memory not measured")"
            + "\nstderr: \(result.stderr.prefix(2000))"
            + "\nstdout: \(result.stdout.prefix(500))"
        #expect(!result.timedOut, "the import ran past \(timeout) and was killed: \(summary)", sourceLocation: sourceLocation)
        #expect(result.signal == nil, "the import crashed: \(summary)", sourceLocation: sourceLocation)
        #expect(result.status == corpusCase.exit, "\(summary)", sourceLocation: sourceLocation)
        if let peak = result.peakMemoryBytes {
            #expect(peak <= memoryLimit, "peak memory \(peak >> 20) MB, over \(memoryLimit >> 20) MB", sourceLocation: sourceLocation)
        }
        if corpusCase.accepted == true {
            for fragment in corpusCase.reason {
                #expect(result.stdout.contains(fragment), "\(summary)", sourceLocation: sourceLocation)
            }
            #expect(!result.stderr.contains("error"), "\(summary)", sourceLocation: sourceLocation)
            return
        }
        if let place = corpusCase.place {
            let expected = "sharehouse: error: " + expectedPlace(place, paths: paths)
            #expect(
                result.stderr.hasPrefix(expected), "expected the message to start \"\(expected)\"\n\(summary)",
                sourceLocation: sourceLocation)
        }
        for fragment in corpusCase.reason {
            #expect(result.stderr.contains(fragment), "no \"\(fragment)\" in the message\n\(summary)", sourceLocation: sourceLocation)
        }
        // A message names the problem; it does not echo a megabyte of the input back.
        #expect(
            result.stderr.utf8.count < 4096, "the message is \(result.stderr.utf8.count) bytes long",
            sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, "a refused import prints no receipt\n\(summary)", sourceLocation: sourceLocation)
    }

    /// The fingerprint of a copy of the closed warehouse at `database`: a read-only
    /// connection to a WAL database leaves its `-wal` and `-shm` files behind, which would
    /// blur the check that an import leaves none.
    static func fingerprintOfCopy(_ database: String, in directory: TemporaryDirectory) throws -> String {
        let copy = directory.file("fingerprint-\(UUID().uuidString).sqlite")
        try FileManager.default.copyItem(atPath: database, toPath: copy)
        return try databaseFingerprint(copy)
    }

    static func listing(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    // MARK: Generated inputs

    static let header = "entity,period,value\n"

    /// Writes the input a `generate` name stands for at `path`.
    static func generate(_ generator: String, at path: String) throws {
        func write(_ bytes: [UInt8]) throws { try Data(bytes).write(to: URL(fileURLWithPath: path)) }
        func write(_ text: String) throws { try write(Array(text.utf8)) }
        switch generator {
        case "nothing":
            break
        case "folder":
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        case "executable":
            // The first mebibyte of a real program: the sharehouse binary itself.
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: SharehouseBinary.path))
            defer { try? handle.close() }
            try write([UInt8](try handle.read(upToCount: 1 << 20) ?? Data()))
        case "long-name":
            // One byte under the reader's 1 MiB field limit: the name gets to the resolver.
            try write(header + String(repeating: "A", count: (1 << 20) - 1) + ",2025-08,1\n")
        case "ten-megabyte-line-csv":
            try write(header + "CN,2025-08," + String(repeating: "1", count: 10_000_000) + "\n")
        case "ten-megabyte-open-quote-csv":
            var text = header + "CN,2025-08,\"17.1\n"
            text.reserveCapacity(10_500_000)
            var month = 0
            while text.utf8.count < 10_000_000 {
                text += "US,\(monthText(month)),0.1\n"
                month += 1
            }
            try write(text)
        case "ten-megabyte-line-ndjson":
            try write(
                #"{"entity": "CN", "period": "2025-08", "value": 17.1}"# + "\n"
                    + #"{"entity": ""# + String(repeating: "A", count: 10_000_000) + #"", "period": "2025-08", "value": 1}"# + "\n")
        case "ten-megabyte-name-json", "thirty-megabyte-name-json":
            let length = generator == "ten-megabyte-name-json" ? 10_000_000 : 30_000_000
            try write(
                #"{"measure": "eoi_download_share_12m", "source": "ft-2025-11-26", "published_on": "2026-01-01","#
                    + "\n \"observations\": [\n" + #"  {"entity": ""# + String(repeating: "A", count: length)
                    + #"", "period": "2025-08", "value": 1.0}"# + "\n]}\n")
        case "five-megabyte-record-csv":
            let field = String(repeating: "A", count: (1 << 20) - 1)
            try write(header + Array(repeating: field, count: 5).joined(separator: ",") + "\n")
        case "long-value":
            try write(header + "CN,2025-08," + String(repeating: "1", count: (1 << 20) - 1) + "\n")
        case "long-period":
            try write(header + "CN," + String(repeating: "2", count: (1 << 20) - 1) + ",17.1\n")
        case "dev-zero":
            // An endless input: every reader must stop early, whatever it reads.
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/zero")
        case "dev-zero-sidecar":
            try write(header + "CN,2025-08,17.1\n")
            try FileManager.default.createSymbolicLink(atPath: path + ".json", withDestinationPath: "/dev/zero")
        case "large-sidecar":
            try write(header + "CN,2025-08,17.1\n")
            try Data((#"{"note": ""# + String(repeating: "x", count: 2 << 20) + #""}"#).utf8)
                .write(to: URL(fileURLWithPath: path + ".json"))
        case "million-columns-csv":
            try write(header + "CN,2025-08,1" + String(repeating: ",1", count: 999_999) + "\n")
        case "deep-nesting-json":
            try write(String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000))
        case "truncated-large-csv":
            // 100,000 valid rows (20 countries x 5,000 months, 0.1 each), then a last row
            // cut inside its quoted value.
            var text = header
            text.reserveCapacity(1_600_000)
            for month in 0..<5_000 {
                let period = monthText(month)
                for code in countries { text += "\(code),\(period),0.1\n" }
            }
            try write(text + "CN,2030-01,\"17.")
        case "truncated-large-json", "large-late-error-json":
            // 590,000 figures (236 countries x 2,500 months from 1601, all before the
            // publication date), 30 MiB: near the JSON limit, where a parsed tree of every
            // observation took 330 MB.
            var text =
                #"{"measure": "eoi_download_share_12m", "source": "ft-2025-11-26", "published_on": "2026-01-01","#
                + "\n \"observations\": [\n"
            text.reserveCapacity(32_000_000)
            let codes = try Warehouse(path: ":memory:").entities(kind: .country).map(\.code).prefix(236)
            for month in 0..<2_500 {
                let period = monthText(month)
                for code in codes { text += #"  {"entity": "\#(code)", "period": "\#(period)", "value": 0.1},"# + "\n" }
            }
            try write(
                text
                    + (generator == "truncated-large-json"
                        ? #"  {"entity": "CN", "period": "20"#
                        : #"  {"entity": "Atlantis", "period": "2025-08", "value": 0.1}"# + "\n]}\n"))
        case "deep-nesting-observations-json":
            try write(
                #"{"measure": "eoi_download_share_12m", "source": "ft-2025-11-26", "published_on": "2026-01-01","#
                    + "\n \"observations\": [" + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
                    + "]}\n")
        case "over-limit-json":
            // 33 MiB: one byte over the limit would do, but a real over-size file is large.
            var bytes = Array(#"{"observations": ["#.utf8)
            bytes += [UInt8](repeating: UInt8(ascii: " "), count: (33 << 20) - bytes.count - 2)
            try write(bytes + Array("]}".utf8))
        default:
            Issue.record("unknown generator \(generator)")
        }
    }

    static let countries = [
        "CN", "US", "GB", "IN", "FR", "DE", "SG", "CH", "JP", "KR",
        "CA", "AU", "BR", "IT", "ES", "NL", "SE", "IL", "AE", "SA",
    ]

    /// The month `index` months after 1601-01, as `YYYY-MM`.
    static func monthText(_ index: Int) -> String {
        let year = 1601 + index / 12
        let month = index % 12 + 1
        return "\(year)-" + (month < 10 ? "0" : "") + "\(month)"
    }
}

@Suite("Bad input corpus: every malformed file is refused where and why, and writes nothing")
struct BadInputCorpusTests {
    @Test(arguments: BadInputCorpus.cases)
    func isRefusedWithItsPlaceAndReasonAndChangesNothing(_ corpusCase: CorpusCase) throws {
        let directory = try TemporaryDirectory("bad-input")
        let warehouseFolder = directory.file("warehouse")
        let inputs = directory.file("inputs")
        for folder in [warehouseFolder, inputs] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let database = warehouseFolder + "/w.sqlite"
        try BadInputCorpus.makeWarehouse(at: database)
        let before = try BadInputCorpus.fingerprintOfCopy(database, in: directory)
        let (result, paths) = try BadInputCorpus.run(corpusCase, in: inputs, database: database)
        BadInputCorpus.check(result, corpusCase, paths: paths)
        let after = try BadInputCorpus.listing(warehouseFolder)
        #expect(after == ["w.sqlite"], "the import left files next to the warehouse: \(after)")
        #expect(try databaseFingerprint(database) == before, "a refused import must leave every table as it was")
    }

    /// Every case in turn against one warehouse, in one folder: none leaves a journal, a
    /// WAL or a temporary file behind, and after all of them the warehouse is as it was.
    @Test func noCaseLeavesFilesBesideTheDatabase() throws {
        let directory = try TemporaryDirectory("bad-input-all")
        let warehouseFolder = directory.file("warehouse")
        try FileManager.default.createDirectory(atPath: warehouseFolder, withIntermediateDirectories: true)
        let database = warehouseFolder + "/w.sqlite"
        try BadInputCorpus.makeWarehouse(at: database)
        let before = try BadInputCorpus.fingerprintOfCopy(database, in: directory)
        #expect(try BadInputCorpus.listing(warehouseFolder) == ["w.sqlite"])
        let cases = BadInputCorpus.cases
        try #require(!cases.isEmpty)
        for (index, corpusCase) in cases.enumerated() {
            let inputs = directory.file("inputs-\(index)")
            try FileManager.default.createDirectory(atPath: inputs, withIntermediateDirectories: true)
            let (result, _) = try BadInputCorpus.run(corpusCase, in: inputs, database: database)
            #expect(result.status == corpusCase.exit, "\(corpusCase.file): \(result.stderr.prefix(500))")
            let after = try BadInputCorpus.listing(warehouseFolder)
            #expect(after == ["w.sqlite"], "after \(corpusCase.file)")
            try FileManager.default.removeItem(atPath: inputs)
        }
        #expect(try databaseFingerprint(database) == before)
    }

    /// The manifest loads, names files that exist, and every file of the corpus belongs
    /// to a case (an orphan would be a case nobody runs).
    @Test func theManifestAndTheFolderAgree() throws {
        let manifest = try BadInputCorpus.manifest.get()
        #expect(manifest.cases.count >= 100)
        var referenced = Set<String>()
        for corpusCase in manifest.cases {
            if corpusCase.generate == nil {
                #expect(FileManager.default.fileExists(atPath: BadInputCorpus.folder + "/" + corpusCase.file), "\(corpusCase.file)")
                referenced.insert(corpusCase.file)
            }
            if let sidecar = corpusCase.sidecar { referenced.insert(sidecar) }
            #expect(!corpusCase.reason.isEmpty, "\(corpusCase.file) says no reason")
            #expect(
                corpusCase.place != nil || corpusCase.exit == 64 || corpusCase.accepted == true,
                "\(corpusCase.file): only a usage error has no place")
            if corpusCase.accepted == true { #expect(corpusCase.args.contains("--dry-run"), "\(corpusCase.file)") }
        }
        let names = Set(manifest.cases.map(\.file))
        #expect(names.count == manifest.cases.count, "two cases share a file name")
        let files = Set(try BadInputCorpus.listing(BadInputCorpus.folder)).subtracting(BadInputCorpus.housekeeping)
        #expect(files.subtracting(referenced).sorted() == [], "files no case uses")
    }
}
