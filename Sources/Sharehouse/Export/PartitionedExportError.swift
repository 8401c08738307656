public import Foundation
public import SharehouseDB

/// Why a partitioned export (``Warehouse/exportFigures(to:options:)``,
/// ``Warehouse/exportListings(to:options:)``) wrote nothing. Each message says what was
/// wrong and what to do.
public enum PartitionedExportError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError, CategorizedError {
    /// The folder to export into is a file.
    case notAFolder(path: String)
    /// The folder to export into was given as an empty name.
    case emptyFolderName
    /// Files of the export already exist with other content; `paths` are the first of them
    /// (relative to the export's folder), `count` how many there are.
    case wouldOverwrite(directory: String, paths: [String], count: Int)
    /// A listing asked for is not in the warehouse.
    case unknownListing(Int64)
    /// A file or folder could not be written.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .notAFolder(let path):
            return "\(path) is a file, not a folder: export into a folder"
        case .emptyFolderName:
            return "the folder to export into is empty: name one (--out DIR)"
        case .wouldOverwrite(let directory, let paths, let count):
            let more = count > paths.count ? " and \(count - paths.count) more" : ""
            return "\(count) file\(count == 1 ? "" : "s") in \(directory) would change: \(paths.joined(separator: ", "))\(more); "
                + "nothing was written. Export into another folder, or pass --replace to replace them"
        case .unknownListing(let id):
            return "no listing \(id) in the warehouse: `sharehouse listing list` shows them"
        case .cannotWrite(let path, let reason):
            return "cannot write \(path): \(reason)"
        }
    }

    public var errorDescription: String? { description }

    /// Refused for files that would change; bad input for a file given as the folder;
    /// missing input for an unknown listing; a failure when writing fails.
    public var category: ErrorCategory {
        switch self {
        case .notAFolder, .emptyFolderName: .badInput
        case .wouldOverwrite: .refused
        case .unknownListing: .missingInput
        case .cannotWrite: .failure
        }
    }
}
