public import Foundation

/// Why the migration engine refused or failed. Every message says what to do next.
public enum MigrationError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError, CategorizedError {
    /// A `.sql` file whose name is not `NNNN_description.sql`.
    case invalidFileName(String)
    /// A migration file with no statement in it (only spaces or comments).
    case emptyMigration(String)
    /// Two files with one version.
    case duplicateVersion(version: Int64, fileNames: [String], origin: String)
    /// The migrations folder does not exist.
    case directoryNotFound(String)
    /// A migration file could not be read.
    case unreadable(path: String, reason: String)
    /// An applied migration's file no longer has the text that was applied.
    case changed(path: String, version: Int64, appliedAt: String, difference: String?)
    /// An applied migration whose file is gone.
    case missing(fileName: String, version: Int64, appliedAt: String, origin: String)
    /// The database has a migration applied that is newer than every file given.
    case databaseNewer(set: String, appliedFileName: String, appliedVersion: Int64, latestKnownVersion: Int64, origin: String)
    /// A pending migration numbered below one that is already applied.
    case outOfOrder(path: String, version: Int64, highestApplied: Int64)
    /// A statement of a migration failed; nothing of that migration was kept.
    case statementFailed(path: String, location: SourceLocation?, error: SQLiteError)
    /// A statement that cannot run inside a migration's transaction.
    case forbiddenStatement(path: String, location: SourceLocation, statement: String, reason: String)
    /// Rows that break a foreign key after the migration ran.
    case foreignKeyViolations(path: String, violations: [String])
    /// `baseline` was refused: the database already has migrations of the set, or the version is wrong.
    case baselineRefused(set: String, reason: String)
    /// A version that no migration of the set has.
    case unknownVersion(Int64, origin: String)

    public var description: String {
        switch self {
        case .invalidFileName(let path):
            return "\(path): a migration file must be named NNNN_description.sql (four to eighteen digits, "
                + "an underscore, then letters, digits, '_' or '-'); rename it, or move it out of the folder"
        case .emptyMigration(let path):
            return "\(path): the migration has no SQL statement (only spaces or comments); write its statements, "
                + "or remove the file"
        case .duplicateVersion(let version, let fileNames, let origin):
            return "\(origin): version \(version) is used by more than one file (\(fileNames.joined(separator: ", "))); "
                + "give each migration its own number"
        case .directoryNotFound(let path):
            return "\(path): no such migrations folder"
        case .unreadable(let path, let reason):
            return "\(path): \(reason)"
        case .changed(let path, let version, let appliedAt, let difference):
            var text = "\(path) (version \(version)) was changed after it was applied on \(appliedAt)"
            if let difference { text += ": \(difference)" }
            return text + ". An applied migration must not be edited: restore its text (e.g. git checkout), "
                + "and put the change in a new migration"
        case .missing(let fileName, let version, let appliedAt, let origin):
            return "\(fileName) (version \(version)) was applied on \(appliedAt) but is not in \(origin). "
                + "Restore the file: a migration that ran cannot be taken back by deleting it"
        case .databaseNewer(let set, let appliedFileName, let appliedVersion, let latestKnownVersion, let origin):
            return "the database is newer than these migrations: \(set) migration \(appliedFileName) (version \(appliedVersion)) "
                + "is applied, but the newest in \(origin) is version \(latestKnownVersion). "
                + "Use the newer program or folder that migrated it; nothing was changed"
        case .outOfOrder(let path, let version, let highestApplied):
            return "\(path) (version \(version)) is pending but version \(highestApplied) is already applied; "
                + "renumber it above \(highestApplied) so that every database applies migrations in one order"
        case .statementFailed(let path, let location, let error):
            let place = location.map { "\(path):\($0)" } ?? path
            let cause = error.isOutOfSpace ? " (\(SQLiteError.outOfSpaceNote))" : ""
            return "\(place): \(error.message) [\(error.code.name)]\(cause); the migration was rolled back, nothing of it was kept"
        case .forbiddenStatement(let path, let location, let statement, let reason):
            return "\(path):\(location): \(statement) cannot run in a migration: \(reason)"
        case .foreignKeyViolations(let path, let violations):
            let shown = violations.prefix(5).joined(separator: "; ")
            let more = violations.count > 5 ? " and \(violations.count - 5) more" : ""
            return "\(path): the migration leaves rows that break foreign keys (\(shown)\(more)); it was rolled back"
        case .baselineRefused(let set, let reason):
            return "cannot baseline \(set): \(reason)"
        case .unknownVersion(let version, let origin):
            return "no migration with version \(version) in \(origin)"
        }
    }

    public var errorDescription: String? { description }

    /// Refused for a changed, missing, newer or out-of-order migration and a refused baseline (the data is protected); bad input for a bad file or a failing statement; missing input for a missing folder; a failure for a full disk.
    public var category: ErrorCategory {
        switch self {
        case .statementFailed(_, _, let error) where error.isFaultOfTheMachine:
            // A full disk is not the migration's fault: exit 1, as any other command.
            .failure
        case .invalidFileName, .emptyMigration, .duplicateVersion, .statementFailed, .forbiddenStatement, .foreignKeyViolations,
            .unknownVersion:
            .badInput
        case .directoryNotFound, .unreadable:
            .missingInput
        case .changed, .missing, .databaseNewer, .outOfOrder, .baselineRefused:
            .refused
        }
    }

    /// The same error, with a bare file name made a path in `origin`.
    func `in`(origin: String) -> MigrationError {
        func path(_ fileName: String) -> String {
            fileName.contains("/") ? fileName : (origin.hasSuffix("/") ? origin + fileName : origin + "/" + fileName)
        }
        switch self {
        case .invalidFileName(let fileName): return .invalidFileName(path(fileName))
        case .emptyMigration(let fileName): return .emptyMigration(path(fileName))
        default: return self
        }
    }
}
