public import Foundation
public import SharehouseDB

/// Errors of the warehouse layer. Each message says what was wrong and what to do.
public enum SharehouseError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError, CategorizedError {
    /// No warehouse file at the path, and creating one was not asked for.
    case warehouseNotFound(path: String)
    /// The folder a new warehouse would be created in does not exist.
    case folderNotFound(path: String, folder: String)
    /// The warehouse's schema is older than this build and the warehouse was opened read-only.
    case schemaOutOfDate(path: String, version: Int64, expected: Int64)
    /// A name that matches no entity.
    case unknownEntity(name: String, suggestions: [Entity])
    /// A name that two entities share.
    case ambiguousEntity(name: String, candidates: [Entity])
    /// A "Total" or "World" row: an aggregate of other rows, not an entity.
    case aggregateRow(name: String)
    /// A user's migrations folder may not be recorded under the warehouse's own name.
    case reservedMigrationSetName(String)

    public var description: String {
        switch self {
        case .warehouseNotFound(let path):
            return "no warehouse at \(path): create one with `sharehouse init`, or give the right --db"
        case .folderNotFound(let path, let folder):
            return "cannot create the warehouse \(path): the folder \(folder) does not exist (create it first, or give another --db)"
        case .schemaOutOfDate(let path, let version, let expected):
            return "the warehouse at \(path) has schema version \(version), this sharehouse needs \(expected): "
                + "run `sharehouse migrate up` to upgrade it"
        case .unknownEntity(let name, let suggestions):
            let shown = suggestions.map { "\($0.nameEnglish) (\($0.code))" }
            let hint = shown.isEmpty ? "" : "; did you mean " + Self.list(shown, or: true) + "?"
            return "unknown country or group \"\(name)\"\(hint)"
        case .ambiguousEntity(let name, let candidates):
            let shown = candidates.map { "\($0.nameEnglish) (\($0.code))" }
            return "\"\(name)\" could be " + Self.list(shown, or: true) + ": use the code"
        case .aggregateRow(let name):
            return "\"\(name)\" is a total of other rows, not a country or group: leave it out"
        case .reservedMigrationSetName(let name):
            return "\"\(name)\" names the warehouse's own migrations: give your folder another --set name"
        }
    }

    public var errorDescription: String? { description }

    /// Missing input for a missing warehouse or folder; refused for a warehouse whose schema is newer than this build; bad input for an unknown or ambiguous name, a total row or a reserved migration set name.
    public var category: ErrorCategory {
        switch self {
        case .warehouseNotFound, .folderNotFound: .missingInput
        case .schemaOutOfDate: .refused
        case .unknownEntity, .ambiguousEntity, .aggregateRow, .reservedMigrationSetName: .badInput
        }
    }

    private static func list(_ items: [String], or: Bool) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + (or ? " or " : " and ") + items.last!
    }
}
