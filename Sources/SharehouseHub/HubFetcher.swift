import Crypto
public import Foundation
import SharehouseDB

/// Pages through the Hub's model listing (`/api/models`, the most downloaded first) into a
/// folder: `page-00001.json`, ... (each the API's JSON array, as received) and
/// `.manifest.json`, each written atomically as its page arrives. A folder that already
/// holds a manifest goes on from the cursor it reached; a finished one fetches nothing.
/// The folder imports with `sharehouse listing import DIR`.
public struct HubFetcher: Sendable {
    /// What to fetch and how.
    public let options: FetchOptions
    /// Where the pages and the manifest go (made when missing).
    public let folder: URL
    private let transport: HubTransport
    private let progress: (@Sendable (FetchEvent) -> Void)?

    /// A fetcher of `options` into `folder`, telling `progress` of each page, wait and retry.
    public init(options: FetchOptions, folder: URL, progress: (@Sendable (FetchEvent) -> Void)? = nil) {
        self.options = options
        self.folder = folder
        self.transport = HubTransport(timeout: options.timeout)
        self.progress = progress
    }

    /// `Sharehouse/0.1.0 (...)`: the package and its version, so the Hub can tell who asks.
    public static let userAgent = "Sharehouse/\(PackageVersion.current) (open-model download shares; sharehouse hub fetch)"

    /// Fetches the pages still missing (resuming from the manifest) and returns what it did.
    public func run() async throws -> FetchReceipt {
        guard let scheme = options.endpoint.scheme?.lowercased(), ["http", "https"].contains(scheme), options.endpoint.host != nil,
            let first = options.firstPage
        else { throw FetchError.badEndpoint(options.shownEndpoint) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw FetchError.cannotWrite(path: folder.path, reason: error.localizedDescription)
        }
        let query = options.query.map { "\($0.name)=\($0.value ?? "")" }
        var manifest: FetchManifest
        if let stored = try FetchManifest.read(in: folder) {
            let path = folder.appendingPathComponent(FetchManifest.fileName).path
            guard stored.endpoint == options.shownEndpoint else {
                throw FetchError.otherFetch(path: path, reason: "its endpoint is \(stored.endpoint)")
            }
            guard stored.query == query else {
                throw FetchError.otherFetch(path: path, reason: "its query is \(stored.query.joined(separator: "&"))")
            }
            manifest = stored
        } else {
            manifest = FetchManifest(
                endpoint: options.shownEndpoint, query: query, startedAt: Self.timestamp(), retrievedAt: nil, pages: [],
                next: first.absoluteString,
                finished: nil)
            try manifest.write(in: folder)
        }
        let kept = manifest.pages.count
        var counts = (pages: 0, models: 0, retries: 0, waits: 0)
        func receipt(_ outcome: FetchReceipt.Outcome) -> FetchReceipt {
            FetchReceipt(
                outcome: outcome, folder: folder.path, pagesFetched: counts.pages, pagesKept: kept, models: manifest.models,
                modelsFetched: counts.models, retries: counts.retries, waits: counts.waits, next: manifest.next)
        }
        if manifest.finished != nil { return receipt(.alreadyDone) }
        while let nextText = manifest.next, let url = URL(string: nextText) {
            if let maxPages = options.maxPages, counts.pages >= maxPages { return receipt(.maxPages) }
            let page = try await fetchPage(url, retries: &counts.retries, waits: &counts.waits)
            let number = manifest.pages.count + 1
            let file = String(format: "page-%05d.json", number)
            try AtomicFile.write(page.body, to: folder.appendingPathComponent(file))
            let digest = SHA256.hash(data: page.body).map { String(format: "%02x", $0) }.joined()
            manifest.pages.append(FetchManifest.Page(file: file, url: url.absoluteString, models: page.models, sha256: digest))
            manifest.retrievedAt = Self.timestamp()
            manifest.next = page.next?.absoluteString
            if page.next == nil {
                manifest.finished = FetchReceipt.Outcome.finished.rawValue
            } else if let minimum = options.minDownloads, let last = page.lastDownloads, last < minimum {
                manifest.finished = FetchReceipt.Outcome.belowMinDownloads.rawValue
            }
            try manifest.write(in: folder)
            counts.pages += 1
            counts.models += page.models
            progress?(.page(number: number, models: page.models, total: manifest.models))
            if let finished = manifest.finished, let outcome = FetchReceipt.Outcome(rawValue: finished) { return receipt(outcome) }
        }
        return receipt(.finished)
    }

    /// A page as it came: its bytes, models, the last model's downloads and the next link.
    struct Page {
        let body: Data
        let models: Int
        let lastDownloads: Int64?
        let next: URL?
    }

    /// Asks for `url` until it answers a page, as the retry policy allows.
    private func fetchPage(_ url: URL, retries: inout Int, waits: inout Int) async throws -> Page {
        var headers = ["User-Agent": Self.userAgent, "Accept": "application/json"]
        // The token goes only to the endpoint's own host: a next link elsewhere never gets it.
        if let token = options.token, !token.isEmpty, url.host?.lowercased() == options.endpoint.host?.lowercased() {
            headers["Authorization"] = "Bearer \(token)"
        }
        var attempt = 1
        var waited = 0
        while true {
            let problem: String
            do {
                let response = try await transport.get(url, headers: headers)
                switch response.status {
                case 200..<300:
                    if let page = Self.page(response, from: url) { return page }
                    problem = "the answer is not a JSON array of models"
                case 429:
                    guard waited < options.retry.maxWaits else { throw FetchError.rateLimited(url: url.absoluteString, waits: waited) }
                    waited += 1
                    waits += 1
                    let seconds = min(
                        options.retry.maxWait, RateLimitWait.seconds(headers: response.headers) ?? options.retry.delay(after: waited))
                    progress?(.waiting(seconds: seconds, reason: "rate-limited (429)"))
                    try await Task.sleep(for: .seconds(seconds))
                    continue
                case 500..<600:
                    problem = "the Hub answered \(response.status)"
                default:
                    throw FetchError.status(
                        url: url.absoluteString, code: response.status, body: String(decoding: response.body.prefix(200), as: UTF8.self))
                }
            } catch let error as URLError where error.code != .cancelled && error.code != .unsupportedURL && error.code != .badURL {
                problem = "the connection failed (\(error.code.rawValue): \(error.localizedDescription))"
            }
            guard attempt < options.retry.attempts else {
                throw FetchError.gaveUp(url: url.absoluteString, attempts: attempt, reason: problem)
            }
            let delay = options.retry.delay(after: attempt)
            attempt += 1
            retries += 1
            progress?(.waiting(seconds: delay, reason: problem))
            try await Task.sleep(for: .seconds(delay))
        }
    }

    /// The page in `response`, or nil when its body is no JSON array of objects or was cut
    /// short of its `Content-Length`.
    static func page(_ response: HubTransport.Response, from url: URL) -> Page? {
        let lengthHeader = response.headers.first { $0.key.caseInsensitiveCompare("Content-Length") == .orderedSame }?.value
        if let lengthHeader, let length = Int(lengthHeader), length != response.body.count { return nil }
        guard let array = try? JSONSerialization.jsonObject(with: response.body) as? [Any],
            array.allSatisfy({ $0 is [String: Any] })
        else { return nil }
        let last = (array.last as? [String: Any])?["downloads"] as? NSNumber
        let linkHeader = response.headers.first { $0.key.caseInsensitiveCompare("Link") == .orderedSame }?.value
        return Page(
            body: response.body, models: array.count, lastDownloads: last?.int64Value, next: LinkHeader.next(linkHeader, relativeTo: url))
    }

    static func timestamp() -> String {
        ISO8601DateFormatter().string(from: Date())
    }
}
