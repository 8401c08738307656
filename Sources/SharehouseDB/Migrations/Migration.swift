/// One migration: a versioned file of SQL that changes a database's schema or data.
///
/// The file name is the identity: `0003_add_views.sql` is version 3, named `add_views`.
/// The SQL is kept in its canonical text (``CanonicalText``), which is what runs and what
/// the checksum covers, so that a copy with other line endings is the same migration.
public struct Migration: Sendable, Hashable {
    /// The version, from the file name's number (`0008` is 8).
    public let version: Int64
    /// The description, from the file name (`corrections`).
    public let name: String
    /// The file's name (`0008_corrections.sql`).
    public let fileName: String
    /// The canonical text of the file: what the checksum covers and the history keeps.
    public let sql: String
    /// The text that runs: the file as written, without a byte-order mark. Line ends and
    /// trailing spaces are kept, so a string literal stores what the file says.
    public let script: String
    /// ``CanonicalText/checksum(of:)`` of ``sql``.
    public let checksum: String

    /// A migration from a file's name and raw contents.
    /// - Throws: ``MigrationError/invalidFileName(_:)`` when the name does not follow
    ///   `NNNN_description.sql`.
    public init(fileName: String, contents: String) throws(MigrationError) {
        guard let (version, name) = Self.parse(fileName: fileName) else {
            throw .invalidFileName(fileName)
        }
        self.version = version
        self.name = name
        self.fileName = fileName
        self.sql = CanonicalText.canonicalize(contents)
        self.script = CanonicalText.runnable(contents)
        self.checksum = CanonicalText.checksum(of: sql)
        guard SQLText.hasStatement(in: script.utf8) else { throw .emptyMigration(fileName) }
    }

    /// The version and name in a file name of the form `NNNN_description.sql`: four to
    /// eighteen digits (a timestamp fits), an underscore, then letters, digits, `_` or `-`.
    static func parse(fileName: String) -> (Int64, String)? {
        guard fileName.hasSuffix(".sql") else { return nil }
        let stem = fileName.dropLast(4)
        guard let underscore = stem.firstIndex(of: "_") else { return nil }
        let digits = stem[..<underscore]
        let name = stem[stem.index(after: underscore)...]
        guard digits.count >= 4, digits.count <= 18, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let version = Int64(digits), version > 0,
            let first = name.first, first.isASCII, first.isLetter || first.isNumber,
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") })
        else { return nil }
        return (version, String(name))
    }
}
