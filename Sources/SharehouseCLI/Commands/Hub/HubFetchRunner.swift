import Foundation
import SharehouseDB
import SharehouseHub

/// Runs a fetch for a synchronous command (SharehouseCommand.main runs every command so):
/// the fetch is async (URLSession's), so it runs in a task and the command waits for it.
enum HubFetchRunner {
    static func fetch(options: FetchOptions, into folder: String) throws -> FetchReceipt {
        let fetcher = HubFetcher(options: options, folder: URL(fileURLWithPath: folder), progress: HubProgress.line())
        let result = Locked<Result<FetchReceipt, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let outcome: Result<FetchReceipt, any Error>
            do { outcome = .success(try await fetcher.run()) } catch { outcome = .failure(error) }
            result.withLock { $0 = outcome }
            done.signal()
        }
        done.wait()
        HubProgress.finish()
        return try result.withLock { $0 }!.get()
    }

    /// The day a fetched folder's listing was retrieved, from its manifest.
    static func retrievedOn(_ folder: String) -> String? {
        guard let manifest = try? FetchManifest.read(in: URL(fileURLWithPath: folder)), let at = manifest.retrievedAt else { return nil }
        return String(at.prefix(10))
    }
}
