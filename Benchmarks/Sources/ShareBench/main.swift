import Foundation
import Sharehouse

// sharehouse-bench: measures `sharehouse` and the library against raw SQLite doing the
// same work in the same run, and prints a Markdown table of medians and ratios.
// Run it through Benchmarks/run.sh, which builds everything in release mode first.

struct Options {
    var sizes: [Workload.Size] = Workload.Size.allCases
    var runs = 3
    var sharehouse = ""
    var tools = ""
    var work = NSTemporaryDirectory() + "/sharehouse-bench"
    var fixtures = ""
    var instructions = true
    /// Internal: run one library query for callgrind (see `instructionCount`).
    var oneQuery: (database: String, index: Int, first: String, last: String)?

    init(_ arguments: [String]) throws {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            func value() throws -> String {
                guard let value = iterator.next() else { throw BenchError("\(argument) needs a value") }
                return value
            }
            switch argument {
            case "--size":
                let text = try value()
                sizes = text == "all" ? Workload.Size.allCases : [try Workload.Size(rawValue: text).orThrow("unknown size \(text)")]
            case "--runs": runs = Int(try value()) ?? 3
            case "--sharehouse": sharehouse = try value()
            case "--tools": tools = try value()
            case "--work": work = try value()
            case "--fixtures": fixtures = try value()
            case "--no-instructions": instructions = false
            case "--one-query":
                oneQuery = (try value(), Int(try value()) ?? 0, try value(), try value())
            default: throw BenchError("unknown option \(argument)")
            }
        }
    }
}

extension Optional {
    func orThrow(_ message: String) throws -> Wrapped {
        guard let value = self else { throw BenchError(message) }
        return value
    }
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? .nan : sorted[sorted.count / 2]
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func format(_ value: Double, _ decimals: Int = 2) -> String { String(format: "%.\(decimals)f", value) }

let options = try Options(Array(CommandLine.arguments.dropFirst()))

/// The library query that callgrind counts: called once warm, and found by the name
/// its Swift symbol contains (`--toggle-collect=*measuredQuery*`), so that this call
/// alone is counted.
nonisolated(unsafe) var benchQuery: (() throws -> Void)?
@inline(never)
func measuredQuery() {
    try! benchQuery!()
}

if let one = options.oneQuery {
    let warehouse = try Warehouse(path: one.database, options: .init(readOnly: true))
    let query = BenchQuery.all(first: Period(one.first)!, last: Period(one.last)!)[one.index]
    benchQuery = { _ = try query.library(warehouse) }
    try benchQuery!()  // warm: statements prepared, pages cached, resolver built
    // BENCH_LOOPS=N repeats the query N times and prints the CPU microseconds per run:
    // for profiling one query with perf (perf record -e cpu-clock).
    let loops = Int(ProcessInfo.processInfo.environment["BENCH_LOOPS"] ?? "1") ?? 1
    let started = processCPUTime()
    for _ in 0..<loops { measuredQuery() }
    if loops > 1 { print((processCPUTime() - started) / Double(loops) * 1e6) }
    exit(0)
}

/// Instructions executed (callgrind), counting only inside `function` when given.
func instructionCount(_ command: [String], only function: String? = nil) throws -> Double? {
    guard let valgrind = ["/usr/bin/valgrind", "/usr/local/bin/valgrind"].first(where: { FileManager.default.isExecutableFile(atPath: $0) })
    else { return nil }
    let output = NSTemporaryDirectory() + "/sharehouse-bench-\(UUID().uuidString).callgrind"
    defer { try? FileManager.default.removeItem(atPath: output) }
    var arguments = ["--tool=callgrind", "--callgrind-out-file=" + output]
    if let function { arguments += ["--collect-atstart=no", "--toggle-collect=" + function] }
    let run = try spawn(valgrind, arguments + command)
    guard run.status == 0, let text = try? String(contentsOfFile: output, encoding: .utf8),
          let line = text.split(separator: "\n").first(where: { $0.hasPrefix("summary:") || $0.hasPrefix("totals:") }),
          let count = Double(line.split(separator: " ").last ?? "") else { return nil }
    return count
}

/// A copy of a binary without debug sections (valgrind 3.19 cannot read Swift's).
func withoutDebugInfo(_ path: String) throws -> String {
    let copy = options.work + "/" + (path as NSString).lastPathComponent + "-nodebug"
    try? FileManager.default.removeItem(atPath: copy)
    try FileManager.default.copyItem(atPath: path, toPath: copy)
    _ = try spawn("/usr/bin/strip", ["--strip-debug", copy])
    return copy
}
let sqliteShell = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3", "/opt/homebrew/bin/sqlite3"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }
func emit(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

let template = options.work + "/template.sqlite"
try? FileManager.default.removeItem(atPath: options.work)
try FileManager.default.createDirectory(atPath: options.work, withIntermediateDirectories: true)
let initRun = try spawn(options.sharehouse, ["init", "--db", template])
guard initRun.status == 0 else { throw BenchError("sharehouse init failed") }
let countries = try Warehouse(path: template, options: .init(readOnly: true)).entities(kind: .country).map(\.code)

func freshCopy(_ name: String) throws -> String {
    let path = options.work + "/" + name
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    try FileManager.default.copyItem(atPath: template, toPath: path)
    return path
}

emit("| size | rows | what | median of \(options.runs) run(s) (queries: of 9 batches) | baseline, same run | ratio |")
emit("|---|---:|---|---:|---:|---:|")
for size in options.sizes {
    let workload = Workload(size: size, directory: options.work + "/\(size.rawValue)", countries: countries)
    try workload.write()
    let rows = Double(workload.rows)

    // 1. Import: raw C, the sqlite3 shell's .import, and sharehouse import.
    var raw: [Double] = [], shell: [Double] = [], ours: [Double] = [], memory: [Double] = []
    var oursWall: [Double] = [], rawWall: [Double] = [], lean: [Double] = []
    var imported = ""
    for _ in 0..<options.runs {
        let rawRun = try spawn(options.tools + "/raw-insert", [try freshCopy("raw.sqlite")] + workload.files)
        guard rawRun.status == 0 else { throw BenchError("raw-insert failed") }
        raw.append(rows / rawRun.cpu)
        let leanPath = options.work + "/lean.sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: leanPath + suffix) }
        let leanRun = try spawn(options.tools + "/raw-insert", ["--lean", leanPath] + workload.files)
        guard leanRun.status == 0 else { throw BenchError("raw-insert --lean failed") }
        lean.append(rows / leanRun.cpu)
        if let sqliteShell {
            let script = "CREATE TABLE staging (entity TEXT, period TEXT, value TEXT);\nBEGIN;\n"
                + workload.files.map { ".import --csv --skip 1 \($0) staging" }.joined(separator: "\n") + "\nCOMMIT;\n"
            let shellRun = try spawn(sqliteShell, [try freshCopy("shell.sqlite")], input: script)
            shell.append(rows / shellRun.cpu)
        }
        imported = try freshCopy("sharehouse-\(size.rawValue).sqlite")
        let ourRun = try spawn(options.sharehouse, ["import"] + workload.files + ["--db", imported, "--format", "json"])
        guard ourRun.status == 0 else { throw BenchError("sharehouse import failed") }
        ours.append(rows / ourRun.cpu)
        oursWall.append(rows / seconds(ourRun.wall))
        rawWall.append(rows / seconds(rawRun.wall))
        memory.append(Double(ourRun.maxResidentKB) / 1024)
    }
    let n = workload.rows
    emit("| \(size.rawValue) | \(n) | import: sharehouse import, rows per CPU second | \(format(median(ours), 0)) | raw C insert \(format(median(raw), 0)) | **\(format(median(ours) / median(raw)))x** |")
    emit("| \(size.rawValue) | \(n) | import: sharehouse import vs raw C into the leanest schema, rows per CPU second | \(format(median(ours), 0)) | raw C, lean schema \(format(median(lean), 0)) | **\(format(median(ours) / median(lean)))x** |")
    emit("| \(size.rawValue) | \(n) | import: sharehouse import, rows per wall second | \(format(median(oursWall), 0)) | raw C insert \(format(median(rawWall), 0)) | \(format(median(oursWall) / median(rawWall)))x |")
    if !shell.isEmpty {
        emit("| \(size.rawValue) | \(n) | import: sharehouse import vs sqlite3 .import (text only), rows/s | \(format(median(ours), 0)) | sqlite3 .import \(format(median(shell), 0)) | \(format(median(ours) / median(shell)))x |")
    }
    emit("| \(size.rawValue) | \(n) | import: peak resident memory, MiB | \(format(median(memory), 1)) | file \(format(Double(workload.files.map { ((try? FileManager.default.attributesOfItem(atPath: $0))?[.size] as? Int) ?? 0 }.reduce(0, +)) / 1_048_576, 1)) MiB | |")

    // 2. Queries: the library and the CLI against hand-written SQL through the C API.
    let warehouse = try Warehouse(path: imported, options: .init(readOnly: true))
    let months = workload.months
    let first = Period("\(String(format: "%04d-%02d", months[0].year, months[0].month))")!
    let last = Period("\(String(format: "%04d-%02d", months.last!.year, months.last!.month))")!
    for query in BenchQuery.all(first: first, last: last) {
        // Each sample times a batch of runs lasting about 20 ms, so that sub-millisecond
        // queries are not measured at the clock's and the scheduler's grain; the raw
        // baseline runs in batches of the same size.
        var answer = try query.library(warehouse)
        let probe = processCPUTime()
        for _ in 0..<3 { answer = try query.library(warehouse) }
        let batch = max(1, min(10_000, Int(0.020 / max((processCPUTime() - probe) / 3, 1e-7))))
        let repeats = 9
        let rawRun = try spawn(options.tools + "/raw-query", [imported, String(repeats), query.sql, String(batch)])
        let parts = rawRun.output.split(separator: " ")
        guard rawRun.status == 0, parts.count == 3, let rawMicros = Double(parts[0]), let rawRows = Int(parts[1]),
              let rawChecksum = Double(parts[2].trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BenchError("raw-query failed for \(query.name): \(rawRun.output)")
        }
        var times: [Double] = []
        for _ in 0..<repeats {
            let started = processCPUTime()
            for _ in 0..<batch { answer = try query.library(warehouse) }
            times.append((processCPUTime() - started) * 1e6 / Double(batch))
        }
        let same = answer.rows == rawRows && abs(answer.checksum - rawChecksum) <= max(1e-6, abs(rawChecksum) * 1e-9) * Double(max(1, rawRows))
        guard same else {
            throw BenchError("\(query.name): the library answered \(answer.rows) rows, checksum \(answer.checksum); raw SQL \(rawRows), \(rawChecksum)")
        }
        var cli: [Double] = []
        for _ in 0..<5 {
            let run = try spawn(options.sharehouse, query.cliArguments + ["--db", imported])
            guard run.status == 0 else { throw BenchError("sharehouse \(query.cliArguments.joined(separator: " ")) failed") }
            cli.append(seconds(run.wall) * 1000)
        }
        emit("| \(size.rawValue) | \(n) | query, library: \(query.name) (\(rawRows) rows), CPU ms | \(format(median(times) / 1000, 3)) | raw SQL \(format(rawMicros / 1000, 3)) | **\(format(median(times) / rawMicros))x** |")
        emit("| \(size.rawValue) | \(n) | query, CLI process: \(query.name), wall ms | \(format(median(cli), 1)) | | |")
    }
}

// 4. Instructions (callgrind): repeatable where wall and CPU time on a shared virtual
// machine are not. On the small workload, as valgrind runs about fifty times slower.
if options.instructions, FileManager.default.isExecutableFile(atPath: "/usr/bin/valgrind") {
    let workload = Workload(size: .small, directory: options.work + "/small", countries: countries)
    if !FileManager.default.fileExists(atPath: workload.files[0]) { try workload.write() }
    let sharehouse = try withoutDebugInfo(options.sharehouse)
    let bench = try withoutDebugInfo(CommandLine.arguments[0])
    if let raw = try instructionCount([options.tools + "/raw-insert", try freshCopy("raw-i.sqlite")] + workload.files),
       let ours = try instructionCount([sharehouse, "import"] + workload.files + ["--db", try freshCopy("ours-i.sqlite")]) {
        emit("| small | \(workload.rows) | instructions: whole import process, millions | \(format(ours / 1e6, 0)) | raw C insert \(format(raw / 1e6, 0)) | **\(format(raw / ours))x** speed |")
    }
    let imported = options.work + "/ours-i.sqlite"
    let months = workload.months
    let first = String(format: "%04d-%02d", months[0].year, months[0].month)
    let last = String(format: "%04d-%02d", months.last!.year, months.last!.month)
    for (index, query) in BenchQuery.all(first: Period(first)!, last: Period(last)!).enumerated() {
        if let raw = try instructionCount([options.tools + "/raw-query", imported, "1", query.sql], only: "run_once"),
           let ours = try instructionCount([bench, "--one-query", imported, String(index), first, last], only: "*measuredQuery*") {
            emit("| small | \(workload.rows) | instructions: library \(query.name), thousands | \(format(ours / 1e3, 0)) | raw SQL \(format(raw / 1e3, 0)) | **\(format(ours / raw))x** |")
        }
    }
}

// 3. Start-up: `sharehouse report` on the fixture warehouse.
if !options.fixtures.isEmpty {
    let fixtureDB = try freshCopy("fixtures.sqlite")
    let files = try FileManager.default.contentsOfDirectory(atPath: options.fixtures).filter { $0.hasSuffix(".json") }.sorted()
        .map { options.fixtures + "/" + $0 }
    guard try spawn(options.sharehouse, ["import"] + files + ["--db", fixtureDB]).status == 0 else { throw BenchError("fixture import failed") }
    var walls: [Double] = []
    for _ in 0..<21 {
        let run = try spawn(options.sharehouse, ["report", "--db", fixtureDB])
        guard run.status == 0 else { throw BenchError("sharehouse report failed") }
        walls.append(seconds(run.wall) * 1000)
    }
    emit("| fixtures | | start-up: sharehouse report, wall ms | \(format(median(walls), 1)) | target 30 | |")
}
