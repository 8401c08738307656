/// What kind of failure an error is, so that a front end (the `sharehouse` CLI) can choose
/// an exit status without knowing every error type.
public enum ErrorCategory: String, Sendable {
    /// The input (a file, a name, SQL text) is wrong; nothing was changed.
    case badInput
    /// An input file or folder does not exist or cannot be read.
    case missingInput
    /// The operation was refused to protect the data (an edited migration, a newer
    /// database, a write through a read-only connection).
    case refused
    /// Anything else: I/O, a busy database, a bug.
    case failure
}

/// An error that knows its ``ErrorCategory``.
public protocol CategorizedError: Error {
    /// What kind of failure this is: bad input, missing input, a refusal to protect the data, or anything else.
    var category: ErrorCategory { get }
}

extension SQLiteError: CategorizedError {
    /// Refused for a read-only database or an authorizer's no, bad input for a broken constraint or a file that is not a database, missing input for a file that cannot be opened, a failure otherwise.
    public var category: ErrorCategory {
        switch code.primary {
        case .readOnly, .authorization, .permission: .refused
        case .constraint, .mismatch, .tooBig, .range: .badInput
        case .notADatabase: .badInput
        case .cantOpen: .missingInput
        default: .failure
        }
    }
}
