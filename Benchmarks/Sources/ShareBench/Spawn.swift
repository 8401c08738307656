import Foundation
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A finished child process: how long it ran, the most memory it held, how it exited,
/// and what it printed.
struct ChildRun {
    let wall: Duration
    /// User plus system CPU time: steadier than wall time on a shared virtual machine.
    let cpu: Double
    let maxResidentKB: Int
    let status: Int32
    let output: String
}

/// Runs `path` with `arguments`, measuring its wall time and its own peak resident
/// memory (wait4's rusage, for this child alone).
func spawn(_ path: String, _ arguments: [String], input: String? = nil) throws -> ChildRun {
    let outputFile = NSTemporaryDirectory() + "/sharehouse-bench-\(UUID().uuidString).out"
    let inputFile = NSTemporaryDirectory() + "/sharehouse-bench-\(UUID().uuidString).in"
    defer {
        try? FileManager.default.removeItem(atPath: outputFile)
        try? FileManager.default.removeItem(atPath: inputFile)
    }
    try (input ?? "").write(toFile: inputFile, atomically: false, encoding: .utf8)
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, inputFile, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let started = ContinuousClock.now
    let code = posix_spawn(&pid, path, &actions, nil, argv, environ)
    guard code == 0 else { throw BenchError("cannot start \(path): \(String(cString: strerror(code)))") }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    let wall = ContinuousClock.now - started
    let output = (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? ""
    #if os(Linux)
    let kilobytes = Int(usage.ru_maxrss)
    #else
    let kilobytes = Int(usage.ru_maxrss) / 1024
    #endif
    let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    return ChildRun(wall: wall, cpu: cpu, maxResidentKB: kilobytes, status: (status >> 8) & 0xFF, output: output)
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// This process's CPU time in seconds, the clock the library's timings and the C
/// baseline's share.
func processCPUTime() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
