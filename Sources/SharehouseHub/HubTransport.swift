public import Foundation

#if canImport(FoundationNetworking)
    // On Linux URLSession lives here (on libcurl); on macOS it is in Foundation.
    import FoundationNetworking
#endif

/// One HTTP GET, the only thing `HubFetcher` needs from the network.
///
/// URLSession, and not AsyncHTTPClient: it comes with the toolchain on every platform the
/// package builds on (FoundationNetworking on Linux), so the fetch adds no dependency tree
/// (SwiftNIO and its friends) to a package that otherwise only reads files. Its cost, the
/// size of FoundationNetworking, is why the fetch is a module of its own (`SharehouseHub`)
/// that only the CLI imports. An ephemeral session keeps no cache, cookies or credentials
/// on disk, so the token never reaches a file through it.
public struct HubTransport: Sendable {
    /// An answer: its status, headers (names as sent) and body.
    public struct Response: Sendable {
        /// The HTTP status code.
        public let status: Int
        /// The response headers, by lower-cased name.
        public let headers: [String: String]
        /// The response body as received.
        public let body: Data
    }

    private let session: URLSession

    /// A transport over an ephemeral URLSession whose requests time out after `timeout` seconds.
    public init(timeout: TimeInterval) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        session = URLSession(configuration: configuration)
    }

    /// GETs `url` with `headers`. A dropped connection, a timeout or a body cut short
    /// throws (URLError).
    public func get(_ url: URL, headers: [String: String]) async throws -> Response {
        var request = URLRequest(url: url)
        request.httpMethod = "GET"
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name] = value }
        }
        return Response(status: http.statusCode, headers: fields, body: data)
    }
}
