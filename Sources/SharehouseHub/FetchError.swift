public import SharehouseDB

/// Why a fetch stopped before its end. The pages written before it stay, with the manifest
/// that lists them: the same command goes on from there.
public enum FetchError: Error, CategorizedError, CustomStringConvertible, Sendable {
    /// The Hub answered a status that asking again does not change (401, 404, ...).
    case status(url: String, code: Int, body: String)
    /// Tries ran out: the last reason is given.
    case gaveUp(url: String, attempts: Int, reason: String)
    /// `429`s went on past the policy's `maxWaits`.
    case rateLimited(url: String, waits: Int)
    /// The folder's manifest cannot be read, or belongs to another fetch.
    case badManifest(path: String, reason: String)
    /// The folder holds a fetch of another endpoint or query.
    case otherFetch(path: String, reason: String)
    /// A page or the manifest could not be written to the folder.
    case cannotWrite(path: String, reason: String)
    /// The endpoint is not an http(s) URL with a host.
    case badEndpoint(String)

    public var category: ErrorCategory {
        switch self {
        case .badManifest, .otherFetch: .refused
        case .badEndpoint: .badInput
        default: .failure
        }
    }

    public var description: String {
        switch self {
        case .status(let url, let code, let body):
            "the Hub answered \(code) to \(url)" + (body.isEmpty ? "" : ": \(body.prefix(200))")
        case .gaveUp(let url, let attempts, let reason):
            "gave up on \(url) after \(attempts) tries: \(reason); run the same command again to go on"
        case .rateLimited(let url, let waits):
            "still rate-limited at \(url) after \(waits) waits; run the same command later to go on"
        case .badManifest(let path, let reason): "\(path) is not a fetch's manifest: \(reason)"
        case .otherFetch(let path, let reason): "\(path) belongs to another fetch (\(reason)); give another --out folder"
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        case .badEndpoint(let text): "\(text) is not an http(s) URL"
        }
    }
}
