import Foundation
import SharehouseDB
import SharehouseHub

/// The fetch's progress line on standard error (only on a terminal) and its receipt as text.
enum HubProgress {
    private static let shown = Locked(false)

    static func line() -> (@Sendable (FetchEvent) -> Void)? {
        guard isatty(STDERR_FILENO) != 0 else { return nil }
        return { event in
            let text =
                switch event {
                case .page(let number, let models, let total): "page \(number): \(models) models, \(total) in all"
                case .waiting(let seconds, let reason): "\(reason): waiting \(String(format: "%.1f", seconds)) s"
                }
            FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
            shown.withLock { $0 = true }
        }
    }

    /// Clears the line, if one was shown.
    static func finish() {
        if shown.withLock({ $0 }) { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    static func text(_ receipt: FetchReceipt) -> String {
        let outcome =
            switch receipt.outcome {
            case .finished: "finished: the listing's last page is written"
            case .belowMinDownloads: "finished: the last page fell below --min-downloads"
            case .maxPages: "stopped after --max-pages; run the same command to go on"
            case .alreadyDone: "already finished: nothing fetched"
            }
        return """
            Fetch: \(outcome)
              folder:        \(receipt.folder)
              pages:         \(receipt.pagesFetched) fetched now, \(receipt.pagesKept) kept from before
              models:        \(receipt.models) in all, \(receipt.modelsFetched) fetched now
              retries:       \(receipt.retries), rate-limit waits: \(receipt.waits)
            """
    }
}
