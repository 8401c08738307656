import Foundation

/// A value that threads share, behind a lock.
///
/// This and not `Synchronization.Mutex`: in debug builds on Linux (Swift 6.3.1)
/// ThreadSanitizer reports every `Mutex.withLock` that two threads take in turn as a
/// "Swift access race" (a twelve-line program that locks correctly shows it), so the test
/// suite could not be checked for real races. `NSLock` is a pthread mutex, which the
/// sanitizer understands.
public final class Locked<Value: Sendable>: @unchecked Sendable {
    // @unchecked: `value` is only touched while `lock` is held.
    private let lock = NSLock()
    private var value: Value

    /// A lock around `value`.
    public init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with the value, holding the lock.
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
