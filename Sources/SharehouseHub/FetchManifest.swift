public import Foundation

/// `.manifest.json` beside the pages: what was asked, what was written, and where to go on.
/// Hidden (a leading dot) so that `sharehouse listing import DIR` leaves it out as it does
/// every hidden file, instead of reading it as a page. It never holds the token: the token
/// goes in a header, and neither the endpoint nor a cursor URL carries one.
public struct FetchManifest: Sendable, Codable, Equatable {
    /// The manifest's name in the folder: hidden, so that `listing import DIR` leaves it out.
    public static let fileName = ".manifest.json"

    /// One written page.
    public struct Page: Sendable, Codable, Equatable {
        /// The page's file name in the folder (`page-00001.json`).
        public let file: String
        /// The URL the page was fetched from (never with the token).
        public let url: String
        /// How many models the page holds.
        public let models: Int
        /// Of the file's bytes, as received.
        public let sha256: String
    }

    /// The endpoint fetched, without user or password.
    public let endpoint: String
    /// The first page's query, as sent (`name=value`, in order).
    public let query: [String]
    /// When the first run of this fetch began (ISO 8601, UTC).
    public let startedAt: String
    /// When the last page was written.
    public var retrievedAt: String?
    /// The pages written, in order.
    public var pages: [Page]
    /// The URL of the next page: the cursor reached. Nil when `finished` says why there is none.
    public var next: String?
    /// Why the fetch is done (`FetchReceipt.Outcome`'s finished or below_min_downloads), or nil
    /// while there is more to fetch.
    public var finished: String?

    /// The models of every page written.
    public var models: Int { pages.reduce(0) { $0 + $1.models } }

    enum CodingKeys: String, CodingKey {
        case endpoint, query, pages, next, finished
        case startedAt = "started_at"
        case retrievedAt = "retrieved_at"
    }

    /// The manifest in `folder`, or nil when there is none.
    public static func read(in folder: URL) throws -> FetchManifest? {
        let url = folder.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return try JSONDecoder().decode(FetchManifest.self, from: Data(contentsOf: url))
        } catch {
            throw FetchError.badManifest(path: url.path, reason: String(describing: error))
        }
    }

    /// Writes it to `folder`, atomically.
    func write(in folder: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try AtomicFile.write(try encoder.encode(self), to: folder.appendingPathComponent(Self.fileName))
    }
}
