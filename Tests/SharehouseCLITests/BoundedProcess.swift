import Foundation
import SharehouseDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a process run under ``runBounded(_:_:standardInput:timeout:outputLimit:)`` ended.
struct BoundedProcessResult: Sendable {
    /// The exit status, or nil when a signal ended the process.
    let status: Int32?
    /// The signal that ended the process (a crash, or the kill on timeout).
    let signal: Int32?
    /// True when the process ran past its time and was killed.
    let timedOut: Bool
    /// The process's peak resident memory in bytes, where it can be measured.
    let peakMemoryBytes: Int?
    let elapsed: Duration
    let stdout: String
    let stderr: String
}

enum BoundedProcessError: Error, CustomStringConvertible {
    case spawn(Int32, String)
    case system(String, Int32)

    var description: String {
        switch self {
        case .spawn(let code, let path): "posix_spawn \(path) failed: \(String(cString: strerror(code)))"
        case .system(let call, let code): "\(call) failed: \(String(cString: strerror(code)))"
        }
    }
}

/// Runs `executable` with a time limit and reports its peak memory.
///
/// Foundation's `Process` can neither stop a child that hangs (a blocked
/// `waitUntilExit` would hang the test run) nor tell how much memory it used. Here the
/// child is started with `posix_spawn` in a process group of its own, polled with
/// `wait4(WNOHANG)` until it exits or its time is up (then the whole group gets
/// `SIGKILL`). Standard input is a file or `/dev/null`; both output streams are drained
/// on their own threads while it runs, and at most `outputLimit` bytes of each are kept,
/// so a runaway message cannot exhaust the test's memory either. `SHAREHOUSE_DB` is
/// removed from the environment and `NO_COLOR` set.
///
/// Memory: on Linux, `posix_spawn` starts the child with `vfork`, and the kernel counts
/// the memory it shared with the parent before `exec` in its `ru_maxrss` (the test
/// runner's, hundreds of MB), so the child runs under GNU time (`/usr/bin/time -f %M`),
/// which forks it from a small process and reports its own peak. Without GNU time the
/// peak is nil there. On Darwin `ru_maxrss` from `wait4` is the child's.
func runBounded(
    _ executable: String, _ arguments: [String], standardInput: String? = nil,
    timeout: Duration = .seconds(60), outputLimit: Int = 1 << 20
) throws -> BoundedProcessResult {
    #if os(Linux)
        let timeReport = NSTemporaryDirectory() + "sharehouse-time-\(UUID().uuidString)"
        let measured = FileManager.default.isExecutableFile(atPath: gnuTime)
        let command = measured ? [gnuTime, "-f", "%M", "-o", timeReport, executable] + arguments : [executable] + arguments
        defer { try? FileManager.default.removeItem(atPath: timeReport) }
    #else
        let command = [executable] + arguments
    #endif

    // Close-on-exec, so that a child another test starts meanwhile does not inherit the
    // write ends (its copy would keep the pipes open, and the readers waiting, until it
    // exited); `dup2` in the child clears the flag on descriptors 1 and 2. (`pipe2`, which
    // would set it atomically, is not imported from Glibc.)
    var stdoutPipe: [Int32] = [0, 0]
    var stderrPipe: [Int32] = [0, 0]
    guard pipe(&stdoutPipe) == 0, pipe(&stderrPipe) == 0 else { throw BoundedProcessError.system("pipe", errno) }
    for descriptor in stdoutPipe + stderrPipe { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }

    #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t?
    #else
        var actions = posix_spawn_file_actions_t()
    #endif
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, standardInput ?? "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1)
    posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], 2)

    var environment = ProcessInfo.processInfo.environment
    environment["SHAREHOUSE_DB"] = nil
    environment["NO_COLOR"] = "1"
    let argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
    let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        for pointer in argv { free(pointer) }
        for pointer in envp { free(pointer) }
    }

    // A process group of its own, so that a timeout kills GNU time and the child it runs.
    #if canImport(Darwin)
        var attributes: posix_spawnattr_t?
    #else
        var attributes = posix_spawnattr_t()
    #endif
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
    posix_spawnattr_setpgroup(&attributes, 0)

    let start = ContinuousClock.now
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, command[0], &actions, &attributes, argv, envp)
    close(stdoutPipe[1])
    close(stderrPipe[1])
    guard spawned == 0 else {
        close(stdoutPipe[0])
        close(stderrPipe[0])
        throw BoundedProcessError.spawn(spawned, executable)
    }

    let output = Locked<[Int32: Data]>([:])
    let drained = DispatchGroup()
    for descriptor in [stdoutPipe[0], stderrPipe[0]] {
        drained.enter()
        DispatchQueue.global().async {
            var kept = Data()
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                if kept.count < outputLimit { kept.append(contentsOf: buffer[..<min(count, outputLimit - kept.count)]) }
            }
            close(descriptor)
            output.withLock { $0[descriptor] = kept }
            drained.leave()
        }
    }

    var status: Int32 = 0
    var usage = rusage()
    var timedOut = false
    while true {
        let waited = wait4(pid, &status, WNOHANG, &usage)
        if waited == pid { break }
        if waited < 0, errno != EINTR { throw BoundedProcessError.system("wait4", errno) }
        if ContinuousClock.now - start > timeout {
            timedOut = true
            kill(-pid, SIGKILL)
            while wait4(pid, &status, 0, &usage) < 0, errno == EINTR {}
            break
        }
        usleep(5_000)
    }
    let elapsed = ContinuousClock.now - start
    drained.wait()

    // The wait status, decoded as the WIFEXITED/WEXITSTATUS/WTERMSIG macros do (Swift
    // does not import them).
    var signal = status & 0x7F
    var exitStatus: Int32? = signal == 0 ? (status >> 8) & 0xFF : nil
    #if os(Linux)
        var peak: Int?
        if measured, !timedOut, let report = try? String(contentsOfFile: timeReport, encoding: .utf8) {
            // GNU time exits with the child's status; a signal it reports on a line of its own.
            let lines = report.split(separator: "\n")
            if let line = lines.first(where: { $0.hasPrefix("Command terminated by signal ") }),
                let number = Int32(line.dropFirst("Command terminated by signal ".count))
            {
                signal = number
                exitStatus = nil
            }
            peak = lines.last.flatMap { Int($0) }.map { $0 * 1024 }
        }
    #else
        let peak: Int? = Int(usage.ru_maxrss)  // bytes on Darwin
    #endif
    let captured = output.withLock { $0 }
    return BoundedProcessResult(
        status: exitStatus, signal: signal == 0 ? nil : signal,
        timedOut: timedOut, peakMemoryBytes: peak, elapsed: elapsed,
        stdout: String(decoding: captured[stdoutPipe[0]] ?? Data(), as: UTF8.self),
        stderr: String(decoding: captured[stderrPipe[0]] ?? Data(), as: UTF8.self))
}

/// GNU time, which reports a child's peak memory (`%M`, in KiB).
private let gnuTime = "/usr/bin/time"
