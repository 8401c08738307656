public import Foundation
public import SharehouseDB

/// Why a measure or source could not be added.
public enum CatalogError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError, CategorizedError {
    case invalidKey(String)
    case missingField(kind: String, key: String, field: String)
    /// The key exists with another definition; nothing was changed.
    case conflict(kind: String, key: String, differences: [String])
    /// A source derived from one that does not exist.
    case unknownParent(key: String, parent: String)
    /// A measure or source named by key that is not in the warehouse.
    case unknown(kind: String, key: String)
    case storage(String)

    public var description: String {
        switch self {
        case .invalidKey(let key):
            return "\"\(key)\" is not a valid key: use 1 to 64 lower-case letters, digits, '_', '.' or '-'"
        case .missingField(let kind, let key, let field):
            return "the \(kind) \(key) has no \(field): a figure without a full citation cannot be imported"
        case .conflict(let kind, let key, let differences):
            return "the \(kind) \(key) is already in the warehouse with another definition (\(differences.joined(separator: "; "))); "
                + "nothing was changed: give the new definition its own key, or use the stored one as it is"
        case .unknownParent(let key, let parent):
            return "the source \(key) is derived from \(parent), which is not in the warehouse: define \(parent) first "
                + "(or in the same file's \"sources\")"
        case .unknown(let kind, let key):
            return "no \(kind) \(key) in the warehouse: add it with `sharehouse \(kind)s add`, or define it in the snapshot file"
        case .storage(let message):
            return message
        }
    }

    public var errorDescription: String? { description }

    public var category: ErrorCategory {
        switch self {
        case .conflict: .refused
        case .storage: .failure
        default: .badInput
        }
    }
}
