public import Foundation
public import SharehouseDB

/// Why an attribution table could not be read. (A file that cannot be imported is an
/// ``ImportError``, with its places.)
public enum AttributionError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError, CategorizedError {
    /// The warehouse has no attribution table yet.
    case noVersions
    /// No version with this number; `latest` is the latest there is.
    case unknownVersion(Int, latest: Int)

    public var description: String {
        switch self {
        case .noVersions:
            return "the warehouse has no attribution table yet: import one with "
                + "`sharehouse attribution import FILE --source KEY` (a starter table is in Fixtures/attribution/)"
        case .unknownVersion(let version, let latest):
            let known = latest == 1 ? "there is only version 1" : "the versions are 1 to \(latest)"
            return "no attribution version \(version): \(known) (see `sharehouse attribution list`)"
        }
    }

    public var errorDescription: String? { description }
    public var category: ErrorCategory { .badInput }
}
