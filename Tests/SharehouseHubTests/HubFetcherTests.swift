import Foundation
import SharehouseHub
import SharehouseTestSupport
import Testing

/// `HubFetcher` against a real HTTP peer on loopback (`hub_server.py`): pages, Link headers,
/// and every fault a fetch of the Hub meets.
@Suite("hub fetch")
struct HubFetcherTests {
    static let token = "hf_test_token_\(UUID().uuidString)"

    let directory: TemporaryDirectory
    var out: URL { URL(fileURLWithPath: directory.file("pages")) }

    init() throws {
        directory = try TemporaryDirectory("hub-fetch")
    }

    func server(_ arguments: [String]) throws -> HubServer {
        try HubServer(arguments, log: directory.file("requests-\(UUID().uuidString).ndjson"))
    }

    func options(_ server: HubServer, limit: Int = 4, maxPages: Int? = nil, minDownloads: Int64? = nil, attempts: Int = 5)
        -> FetchOptions
    {
        FetchOptions(
            endpoint: URL(string: server.endpoint)!, limit: limit, maxPages: maxPages, minDownloads: minDownloads,
            retry: RetryPolicy(attempts: attempts, baseDelay: 0.01, maxDelay: 0.05), token: Self.token, timeout: 10)
    }

    /// The ids in every page the folder holds, in order.
    func modelIDs() throws -> [String] {
        let pages = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix("page-") }.sorted()
        return try pages.flatMap { page in
            let array = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent(page))) as? [[String: Any]]
            return (array ?? []).compactMap { $0["id"] as? String }
        }
    }

    static func expectedIDs(_ count: Int) -> [String] {
        (0..<count).map { String(format: "org%d/model-%05d", $0 % 7, $0) }
    }

    func cursors(_ requests: [[String: Any]]) -> [String] {
        requests.map { (($0["query"] as? [String: [String]])?["cursor"]?.first) ?? "0" }
    }

    @Test func everyFaultIsSurvivedAndEveryModelFetchedOnce() async throws {
        // Requests 2, 4, 6 and 8: a 429 with Retry-After: 1, a 503, a body cut mid-way, HTML.
        let server = try server([
            "--pages", "5", "--per-page", "4", "--fault", "2=429", "--fault", "4=503", "--fault", "6=drop", "--fault", "8=notjson",
        ])
        let started = Date()
        let receipt = try await HubFetcher(options: options(server), folder: out).run()
        #expect(Date().timeIntervalSince(started) >= 1, "Retry-After: 1 is waited out")
        #expect(receipt.outcome == .finished)
        #expect(receipt.pagesFetched == 5)
        #expect(receipt.pagesKept == 0)
        #expect(receipt.models == 20)
        #expect(receipt.waits == 1)
        #expect(receipt.retries == 3)
        #expect(receipt.next == nil)
        #expect(try modelIDs() == Self.expectedIDs(20))

        let manifest = try #require(try FetchManifest.read(in: out))
        #expect(manifest.pages.map(\.file) == (1...5).map { String(format: "page-%05d.json", $0) })
        #expect(manifest.pages.map(\.models) == [4, 4, 4, 4, 4])
        #expect(manifest.next == nil)
        #expect(manifest.finished == "finished")
        #expect(manifest.endpoint == server.endpoint)
        #expect(manifest.query.starts(with: ["sort=downloads", "direction=-1", "limit=4"]))
        #expect(manifest.retrievedAt != nil)
        for page in manifest.pages {
            let bytes = try Data(contentsOf: out.appendingPathComponent(page.file))
            #expect(sha256Hex(bytes) == page.sha256)
        }

        let requests = try server.requests()
        #expect(requests.count == 9)
        // Each fault hits the page after a good one, which is asked again once.
        #expect(cursors(requests) == ["0", "1", "1", "2", "2", "3", "3", "4", "4"])
        let first = try #require(requests.first?["query"] as? [String: [String]])
        #expect(first["sort"] == ["downloads"])
        #expect(first["direction"] == ["-1"])
        #expect(first["limit"] == ["4"])
        #expect(first["expand[]"] == FetchOptions.listingFields)
        for request in requests {
            let headers = request["headers"] as? [String: String] ?? [:]
            #expect(headers["Authorization"] == "Bearer \(Self.token)")
            #expect(headers["User-Agent"]?.hasPrefix("Sharehouse/") == true)
        }
        #expect(try filesMentioning(Self.token, in: out.path).isEmpty)
    }

    @Test func maxPagesStopsAndTheNextRunFetchesOnlyTheRest() async throws {
        let server = try server(["--pages", "5", "--per-page", "4"])
        let first = try await HubFetcher(options: options(server, maxPages: 2), folder: out).run()
        #expect(first.outcome == .maxPages)
        #expect(first.pagesFetched == 2)
        #expect(first.next?.contains("cursor=2") == true)
        #expect(try FetchManifest.read(in: out)?.finished == nil)
        let served = try server.requests().count

        let second = try await HubFetcher(options: options(server), folder: out).run()
        #expect(second.outcome == .finished)
        #expect(second.pagesKept == 2)
        #expect(second.pagesFetched == 3)
        #expect(second.models == 20)
        #expect(second.modelsFetched == 12)
        #expect(cursors(Array(try server.requests().dropFirst(served))) == ["2", "3", "4"])
        #expect(try modelIDs() == Self.expectedIDs(20))

        let third = try await HubFetcher(options: options(server), folder: out).run()
        #expect(third.outcome == .alreadyDone)
        #expect(third.pagesFetched == 0)
        #expect(try server.requests().count == served + 3, "a finished fetch asks for nothing")
    }

    @Test func minDownloadsStopsAfterThePageThatFallsBelow() async throws {
        // Downloads are (20 - i) * 10: page 1 ends at 170, page 2 at 130.
        let server = try server(["--pages", "5", "--per-page", "4"])
        let receipt = try await HubFetcher(options: options(server, minDownloads: 150), folder: out).run()
        #expect(receipt.outcome == .belowMinDownloads)
        #expect(receipt.pagesFetched == 2)
        #expect(try FetchManifest.read(in: out)?.finished == "below_min_downloads")
        #expect(try server.requests().count == 2)
    }

    @Test func triesRunOutThenTheSameFetchGoesOn() async throws {
        let server = try server(["--pages", "2", "--per-page", "3", "--fault", "2=503", "--fault", "3=503", "--fault", "4=503"])
        let options = options(server, attempts: 3)
        await #expect(throws: FetchError.self) { try await HubFetcher(options: options, folder: out).run() }
        let manifest = try #require(try FetchManifest.read(in: out))
        #expect(manifest.pages.count == 1)
        #expect(manifest.next?.contains("cursor=1") == true)
        let receipt = try await HubFetcher(options: options, folder: out).run()
        #expect(receipt.outcome == .finished)
        #expect(receipt.pagesKept == 1)
        #expect(receipt.pagesFetched == 1)
        #expect(try modelIDs() == Self.expectedIDs(6))
    }

    @Test func aFolderOfAnotherFetchIsRefused() async throws {
        let server = try server(["--pages", "2", "--per-page", "3"])
        _ = try await HubFetcher(options: options(server, maxPages: 1), folder: out).run()
        let other = options(server, limit: 5)
        await #expect(throws: FetchError.self) { try await HubFetcher(options: other, folder: out).run() }
    }

    @Test func linkAndRateLimitHeadersAreRead() throws {
        let base = URL(string: "https://huggingface.co/api/models?limit=2")!
        let header = #"<https://huggingface.co/api/models?a=1,2>; rel="prev", <https://huggingface.co/api/models?cursor=abc>; rel="next""#
        #expect(LinkHeader.next(header, relativeTo: base)?.absoluteString == "https://huggingface.co/api/models?cursor=abc")
        #expect(
            LinkHeader.next(#"</api/models?cursor=x>; rel=next"#, relativeTo: base)?.absoluteString
                == "https://huggingface.co/api/models?cursor=x")
        #expect(LinkHeader.next(#"<https://x.invalid/>; rel="prev""#, relativeTo: base) == nil)
        #expect(LinkHeader.next(nil, relativeTo: base) == nil)
        #expect(RateLimitWait.seconds(headers: ["retry-after": "3"]) == 3)
        #expect(RateLimitWait.seconds(headers: ["RateLimit": #""api";r=0;t=42"#]) == 42)
        let now = Date(timeIntervalSince1970: 1_000_000_000)
        #expect(RateLimitWait.seconds(headers: ["Retry-After": "Sun, 09 Sep 2001 01:46:50 GMT"], now: now) == 10)
        #expect(RateLimitWait.seconds(headers: [:]) == nil)
    }
}
