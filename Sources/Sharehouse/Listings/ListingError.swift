public import Foundation
public import SharehouseDB

/// Why a listing cannot be imported before any file is read: what the command asks is not
/// possible. (A problem in a file is an ``ImportError``, with its place.)
public enum ListingError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError, CategorizedError {
    /// The source is not in the catalogue.
    case unknownSource(String)
    /// The study dataset's rows say no window.
    case windowNeeded
    /// A window of days outside 1 to ``ListingImportOptions/maximumWindowDays``.
    case windowOutOfRange(Int)
    /// Standard input cannot be read twice (a listing that may repeat a stored one is).
    case standardInput
    /// No file to read.
    case noFiles
    /// The files are of both shapes.
    case mixedShapes(hubAPI: String, studyDataset: String)
    /// A retrieval date in the future: a typo that would make it the latest listing.
    case retrievedInTheFuture(CalendarDate)

    public var description: String {
        switch self {
        case .unknownSource(let key):
            "no source \(key) in the warehouse: a listing is cited to a source of the catalogue. "
                + "See them with `sharehouse sources list`; add one with `sharehouse sources add --key \(key) "
                + "--title TITLE --url URL --kind dataset`"
        case .windowNeeded:
            "the study dataset's rows are cumulative counts, which say no window: give it with --window-days N "
                + "(the downloads of the N days up to --retrieved-on)"
        case .windowOutOfRange(let days):
            "a window of \(days) days: give 1 to \(ListingImportOptions.maximumWindowDays) days"
        case .standardInput:
            "a listing is read from files (or folders of them), not standard input: save it to a file first"
        case .noFiles:
            "no file to import"
        case .mixedShapes(let hub, let study):
            "one listing is of one shape, but \(hub) is the Hub's listing and \(study) the study dataset: "
                + "import each on its own"
        case .retrievedInTheFuture(let date):
            "the retrieval date \(date) is in the future: give the day the counts were fetched (--retrieved-on)"
        }
    }

    public var errorDescription: String? { description }

    public var category: ErrorCategory {
        switch self {
        case .noFiles: .missingInput
        default: .badInput
        }
    }
}
