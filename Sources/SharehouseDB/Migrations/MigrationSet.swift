import Foundation

/// An ordered set of migrations with a name, read from a folder or carried in code.
///
/// The name keeps sets apart in one database: the warehouse's own schema is the set
/// `sharehouse`, a user's folder another set, and each is tracked, validated and
/// migrated on its own.
public struct MigrationSet: Sendable {
    /// The name under which applied migrations are recorded.
    public let name: String
    /// Where the files came from, for messages: a folder path, or a description.
    public let origin: String
    /// The migrations in version order.
    public let migrations: [Migration]

    /// A set from migrations already read. Two migrations with one version are an error.
    public init(name: String, origin: String, migrations: [Migration]) throws(MigrationError) {
        let byVersion = Dictionary(grouping: migrations, by: \.version)
        if let (version, clash) = byVersion.filter({ $0.value.count > 1 }).min(by: { $0.key < $1.key }) {
            throw .duplicateVersion(version: version, fileNames: clash.map(\.fileName).sorted(), origin: origin)
        }
        self.name = name
        self.origin = origin
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    /// A set from file names and contents (as a program carries them in code).
    public init(name: String, origin: String, files: [(fileName: String, contents: String)]) throws(MigrationError) {
        var migrations: [Migration] = []
        for file in files {
            do {
                migrations.append(try Migration(fileName: file.fileName, contents: file.contents))
            } catch {
                throw error.in(origin: origin)
            }
        }
        try self.init(name: name, origin: origin, migrations: migrations)
    }

    /// The migrations in a folder: every `.sql` file in it, each of which must be named
    /// `NNNN_description.sql`. A `.sql` file with another name is an error, not skipped
    /// (a migration that silently never runs is worse than a refusal). Hidden files,
    /// sub-folders and files of other kinds (a README) are ignored.
    public static func load(directory: String, name: String) throws(MigrationError) -> MigrationSet {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .directoryNotFound(directory)
        }
        let entries: [String]
        do {
            entries = try fileManager.contentsOfDirectory(atPath: directory)
        } catch {
            throw .unreadable(path: directory, reason: error.localizedDescription)
        }
        var files: [(fileName: String, contents: String)] = []
        for entry in entries.sorted() where !entry.hasPrefix(".") && entry.lowercased().hasSuffix(".sql") {
            let path = (directory as NSString).appendingPathComponent(entry)
            var entryIsDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &entryIsDirectory), !entryIsDirectory.boolValue else {
                continue
            }
            guard let data = fileManager.contents(atPath: path) else {
                throw .unreadable(path: path, reason: "the file cannot be read")
            }
            guard let contents = String(validating: data, as: UTF8.self) else {
                throw .unreadable(path: path, reason: "the file is not UTF-8 text")
            }
            files.append((entry, contents))
        }
        return try MigrationSet(name: name, origin: directory, files: files)
    }

    /// The path of a file of this set, for messages: `origin/fileName`.
    func path(of fileName: String) -> String {
        origin.isEmpty ? fileName : (origin.hasSuffix("/") ? origin + fileName : origin + "/" + fileName)
    }

    /// The highest version, or 0 for an empty set.
    public var latestVersion: Int64 { migrations.last?.version ?? 0 }
}
