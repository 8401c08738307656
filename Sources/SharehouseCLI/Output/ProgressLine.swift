import Foundation
import Sharehouse
import SharehouseDB

/// A progress line on standard error while a large file imports, only when standard error
/// is a terminal (never in a pipe or a log).
enum ProgressLine {
    private static let shown = Locked(false)

    static func forImports() -> (@Sendable (ImportProgress) -> Void)? {
        guard isatty(STDERR_FILENO) != 0 else { return nil }
        return { progress in
            var text = "\r\u{1B}[K\(progress.file): \(progress.rowsRead) rows"
            if let total = progress.totalBytes, total > 0 {
                text += " (\(min(100, progress.bytesRead * 100 / total))%)"
            }
            FileHandle.standardError.write(Data(text.utf8))
            shown.withLock { $0 = true }
        }
    }

    /// Clears the line, if one was shown.
    static func finish() {
        if shown.withLock({ $0 }) { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
