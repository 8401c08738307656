public import Foundation

/// What `HubFetcher` asks the Hub for and how far it goes.
public struct FetchOptions: Sendable {
    /// The fields a listing needs (`HubEntryDecoder` reads these), asked for with
    /// `expand[]=...`: without them `/api/models` leaves out `downloadsAllTime` and may
    /// leave out others.
    public static let listingFields = ["downloads", "downloadsAllTime", "createdAt", "pipeline_tag", "library_name", "tags", "author"]
    /// The largest page `/api/models` serves.
    public static let largestPage = 1000

    /// The Hub's base URL (`https://huggingface.co`); `/api/models` is added to it.
    public var endpoint: URL
    /// Models a page (1 to 1000).
    public var limit: Int
    /// The fields asked for with `expand[]=` (the ones a listing import reads).
    public var expand: [String]
    /// At most this many pages fetched by this run (nil: to the end). The manifest keeps the
    /// cursor, so the next run goes on from there.
    public var maxPages: Int?
    /// Stop after a page whose last model has fewer downloads than this: pages come sorted by
    /// downloads, so every later model has fewer too.
    public var minDownloads: Int64?
    /// How 5xx answers, dropped connections and 429s are retried and waited out.
    public var retry: RetryPolicy
    /// Sent as `Authorization: Bearer ...` to the endpoint's host only; never written.
    public var token: String?
    /// Seconds a request may wait for an answer before it counts as dropped.
    public var timeout: TimeInterval

    /// Options for a fetch; every one but `endpoint` has the default described on its property.
    public init(
        endpoint: URL = URL(string: "https://huggingface.co")!, limit: Int = FetchOptions.largestPage,
        expand: [String] = FetchOptions.listingFields, maxPages: Int? = nil, minDownloads: Int64? = nil,
        retry: RetryPolicy = RetryPolicy(), token: String? = nil, timeout: TimeInterval = 60
    ) {
        self.endpoint = endpoint
        self.limit = limit
        self.expand = expand
        self.maxPages = maxPages
        self.minDownloads = minDownloads
        self.retry = retry
        self.token = token
        self.timeout = timeout
    }

    /// The query of the first page, in the order it is sent: the most downloaded first.
    public var query: [URLQueryItem] {
        [
            URLQueryItem(name: "sort", value: "downloads"), URLQueryItem(name: "direction", value: "-1"),
            URLQueryItem(name: "limit", value: String(limit)),
        ] + expand.map { URLQueryItem(name: "expand[]", value: $0) }
    }

    /// The endpoint as it may be written down: without any user or password in it.
    public var shownEndpoint: String {
        guard var parts = URLComponents(url: endpoint, resolvingAgainstBaseURL: false) else { return "" }
        parts.user = nil
        parts.password = nil
        return parts.string ?? ""
    }

    /// The URL of the first page.
    public var firstPage: URL? {
        guard var parts = URLComponents(url: endpoint.appendingPathComponent("api/models"), resolvingAgainstBaseURL: false)
        else { return nil }
        parts.queryItems = query
        return parts.url
    }
}
