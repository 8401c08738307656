import Foundation

extension Connection {
    /// Removes the `-wal` and `-shm` files beside `path` when no connection is using them.
    ///
    /// A read-only connection cannot remove them when it closes, so every command that
    /// only reads would leave them behind. Opening the file for writing (never creating
    /// it), reading its schema and closing does what the `sqlite3` shell does on exit:
    /// the last connection to close checkpoints the log into the file and removes both.
    /// While another connection has the file open, or when it cannot be written, this
    /// changes nothing.
    public static func removeIdleWriteAheadLog(atPath path: String) {
        guard FileManager.default.fileExists(atPath: path + "-wal") else { return }
        _ = try? Connection(path: path, options: Options(mode: .readWrite(create: false), busyTimeout: .zero, writeAheadLog: false))
    }
}
