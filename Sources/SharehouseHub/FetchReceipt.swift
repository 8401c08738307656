/// What a run of `HubFetcher` did.
public struct FetchReceipt: Sendable, Encodable, Equatable {
    /// Why the run ended.
    public enum Outcome: String, Sendable, Encodable {
        /// The listing's last page is written (no `next` link).
        case finished
        /// A page's last model had fewer downloads than `--min-downloads`.
        case belowMinDownloads = "below_min_downloads"
        /// `--max-pages` pages were fetched; the manifest keeps the cursor.
        case maxPages = "max_pages"
        /// The manifest said the fetch was done already: nothing was asked for.
        case alreadyDone = "already_done"
    }

    /// Why the run ended: finished, below the download bound, the page bound, or already done.
    public let outcome: Outcome
    /// The folder the pages and the manifest are in.
    public let folder: String
    /// Pages written by this run.
    public let pagesFetched: Int
    /// Pages a previous run wrote, kept.
    public let pagesKept: Int
    /// Models in all the pages the manifest lists.
    public let models: Int
    /// Models in the pages this run wrote.
    public let modelsFetched: Int
    /// Requests asked again after a `5xx`, a dropped connection or a body that was no page.
    public let retries: Int
    /// `429`s waited out.
    public let waits: Int
    /// Where the next run would go on (nil when the listing ended).
    public let next: String?
}
