import Foundation

/// The files of one partitioned export, written whole or not at all.
///
/// Every file is first written to a temporary name in its folder (``StagedFileWriter``).
/// At the end, ``commit()`` compares each with the file already at its name: the same bytes
/// leave that file alone; other bytes refuse the whole export (unless `replace`), and then
/// every temporary file and every folder the export created are removed, so the folder is
/// as it was. Otherwise each temporary file is renamed to its name (`rename(2)`: a reader
/// sees the old file or the new one, never part of one). Nothing else in the folder is
/// read or touched.
final class ExportStaging {
    /// The folder exported into, as given.
    let directory: String
    private let replace: Bool
    private let format: ExportFileFormat
    private var files: [StagedFileWriter] = []
    /// Folders this export created, parents first.
    private var createdFolders: [String] = []
    private var knownFolders: Set<String> = []

    /// The staging of an export into `directory`, which is created if missing.
    init(directory: String, format: ExportFileFormat, replace: Bool) throws {
        self.directory = directory
        self.format = format
        self.replace = replace
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), !isFolder.boolValue {
            throw PartitionedExportError.notAFolder(path: directory)
        }
        try ensureFolder(directory)
    }

    /// Starts the file `name` (without extension) of `table` in the folders of `partitions`:
    /// `table/name=value/.../name.csv`.
    func open(table: String, partitions: [HivePartition], name: String, columns: [String]) throws -> StagedFileWriter {
        let folder = ([table] + partitions.map(\.folder)).joined(separator: "/")
        let relativePath = folder + "/" + name + "." + format.fileExtension
        try ensureFolder((directory as NSString).appendingPathComponent(folder))
        let file = try StagedFileWriter(
            table: table, relativePath: relativePath, finalPath: (directory as NSString).appendingPathComponent(relativePath),
            columns: columns, format: format)
        files.append(file)
        return file
    }

    /// Compares every file with the one at its name, then refuses or renames them all.
    /// - Throws: ``PartitionedExportError/wouldOverwrite(directory:paths:count:)`` when a
    ///   file of other content is there and `replace` is false; nothing is changed then.
    func commit() throws -> [PartitionedExportFile] {
        // Nothing to write: the folders this export made (the one asked for, if it was
        // missing) are removed again, as for a refused export.
        guard !files.isEmpty else {
            discard()
            return []
        }
        var outcomes: [PartitionedExportFile.Outcome] = []
        for file in files {
            try file.finish()
            if !FileManager.default.fileExists(atPath: file.finalPath) {
                outcomes.append(.written)
            } else if try Self.sameBytes(file.temporaryPath, file.finalPath) {
                outcomes.append(.unchanged)
            } else {
                outcomes.append(.replaced)
            }
        }
        let differing = zip(files, outcomes).filter { $0.1 == .replaced }.map(\.0.relativePath)
        if !differing.isEmpty && !replace {
            throw PartitionedExportError.wouldOverwrite(directory: directory, paths: Array(differing.prefix(5)), count: differing.count)
        }
        for (file, outcome) in zip(files, outcomes) {
            if outcome == .unchanged {
                file.discard()
            } else if rename(file.temporaryPath, file.finalPath) != 0 {
                throw PartitionedExportError.cannotWrite(path: file.finalPath, reason: String(cString: strerror(errno)))
            }
        }
        let receipt = zip(files, outcomes).map {
            PartitionedExportFile(table: $0.table, path: $0.relativePath, rows: $0.rows, outcome: $1)
        }
        files = []
        createdFolders = []
        return receipt
    }

    /// Removes every temporary file, then every folder this export created that is empty.
    func discard() {
        for file in files { file.discard() }
        files = []
        for folder in createdFolders.reversed() { rmdir(folder) }
        createdFolders = []
    }

    /// Creates `folder` and its missing parents, remembering which were created.
    private func ensureFolder(_ folder: String) throws {
        guard !knownFolders.contains(folder) else { return }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw PartitionedExportError.notAFolder(path: folder) }
        } else {
            if let parent = Self.parent(of: folder) { try ensureFolder(parent) }
            if mkdir(folder, 0o755) == 0 {
                createdFolders.append(folder)
            } else if errno != EEXIST {
                throw PartitionedExportError.cannotWrite(path: folder, reason: String(cString: strerror(errno)))
            }
        }
        knownFolders.insert(folder)
    }

    /// The folder that holds `path` (`a/b` for `a/b/c`, `/` for `/c`), nil for a name with
    /// no folder before it. Not NSString's `deletingLastPathComponent`, which traps on a
    /// path of one character in this toolchain's Foundation (`--out t`).
    static func parent(of path: String) -> String? {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return nil }
        let parent = trimmed[..<slash]
        return parent.isEmpty ? "/" : (String(parent) == path ? nil : String(parent))
    }

    /// True when the two files hold the same bytes, read 64 KiB at a time.
    static func sameBytes(_ first: String, _ second: String) throws -> Bool {
        let manager = FileManager.default
        let sizes = try [first, second].map { (try manager.attributesOfItem(atPath: $0)[.size] as? NSNumber)?.int64Value }
        var isFolder: ObjCBool = false
        guard sizes[0] == sizes[1], manager.fileExists(atPath: second, isDirectory: &isFolder), !isFolder.boolValue else {
            return false
        }
        guard let one = FileHandle(forReadingAtPath: first), let two = FileHandle(forReadingAtPath: second) else { return false }
        defer {
            try? one.close()
            try? two.close()
        }
        while true {
            let a = try one.read(upToCount: 1 << 16) ?? Data()
            let b = try two.read(upToCount: 1 << 16) ?? Data()
            guard a == b else { return false }
            if a.isEmpty { return true }
        }
    }
}
