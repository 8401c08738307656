public import Foundation
public import SharehouseDB

/// Why a measure or source could not be added, found or amended.
public enum CatalogError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError, CategorizedError {
    /// A key that is not 1 to 64 lower-case letters, digits, `_`, `.` or `-`.
    case invalidKey(String)
    /// A required field of a definition is missing or empty.
    case missingField(kind: String, key: String, field: String)
    /// The key exists with another definition; nothing was changed.
    case conflict(kind: String, key: String, differences: [String])
    /// A source derived from one that does not exist.
    case unknownParent(key: String, parent: String)
    /// A measure or source named by key that is not in the warehouse; `suggestions` are
    /// the stored keys close to it.
    case unknown(kind: String, key: String, suggestions: [String])
    /// An amendment that would clear a field the source or measure must have.
    case cannotClear(kind: String, key: String, field: String)
    /// An amendment's value that the field cannot take; `expected` says what it can.
    case invalidValue(kind: String, key: String, field: String, expected: String)
    /// An amendment of a measure's unit: every figure of the measure would change meaning.
    case unitNeverChanges(key: String, unit: String)
    /// An amendment that would make a source relay itself, through `chain`.
    case relayLoop(key: String, chain: [String])
    /// The catalogue could not be read or written.
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
        case .unknown(let kind, let key, let suggestions):
            let hint = suggestions.isEmpty ? "" : "; did you mean " + suggestions.joined(separator: ", ") + "?"
            return "no \(kind) \(key) in the warehouse\(hint) (`sharehouse \(kind)s list` lists them; add one with "
                + "`sharehouse \(kind)s add`, or define it in the snapshot file)"
        case .cannotClear(let kind, let key, let field):
            return "the \(kind) \(key) must have a \(field): give another one instead of clearing it; nothing was changed"
        case .invalidValue(let kind, let key, let field, let expected):
            return "not a \(field) for the \(kind) \(key): expected \(expected); nothing was changed"
        case .unitNeverChanges(let key, let unit):
            return "the unit of the measure \(key) is \(unit) and never changes: its figures would change meaning; "
                + "add a measure with its own key for figures in another unit; nothing was changed"
        case .relayLoop(let key, let chain):
            return "the source \(key) cannot relay \(chain.first ?? key): it would relay itself ("
                + ([key] + chain).joined(separator: " -> ") + "); nothing was changed"
        case .storage(let message):
            return message
        }
    }

    public var errorDescription: String? { description }

    /// Refused for a conflict with the stored definition or a change of unit; a failure when the catalogue cannot be stored; bad input otherwise.
    public var category: ErrorCategory {
        switch self {
        case .conflict, .unitNeverChanges: .refused
        case .storage: .failure
        default: .badInput
        }
    }
}
