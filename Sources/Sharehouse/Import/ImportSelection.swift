import Foundation
import SharehouseDB

/// Which files an import of paths reads: the data files given, and every data file directly
/// in a folder given (or below it, recursively), in name order; never a sidecar. Running
/// the same command every month imports exactly the files that are new, since the others
/// are "unchanged".
///
/// A `FILE.json` or `FILE.csv.json` beside a data file `FILE.csv` (or `.tsv`, `.ndjson`) is
/// that file's sidecar, whether it comes from a folder or a glob: it is left out, and
/// said so. Hidden files, `README*` and editor leftovers are left out too, and said so,
/// so that `import inbox/*` reads what `import inbox` does; from a folder, files of other
/// kinds too (a file of another kind named on its own is refused with its reason, unless
/// an input format is given for it).
public struct ImportSelection: Sendable {
    /// A file left out, and why.
    public struct Skipped: Sendable, Hashable, CustomStringConvertible {
        /// Why a file was left out.
        public enum Reason: Sendable, Hashable {
            /// The metadata of this data file.
            case sidecar(of: String)
            /// A hidden file (its name starts with a dot).
            case hidden
            /// A README.
            case readme
            /// An editor's leftover (a backup or lock file).
            case editorLeftover
            /// Another kind of file: a spreadsheet, a PDF, a picture.
            case notADataFile
        }

        /// The file's path.
        public let path: String
        /// Why it was left out.
        public let reason: Reason

        public var description: String {
            switch reason {
            case .sidecar(let file): "\(path): the sidecar of \(file)"
            case .hidden: "\(path): a hidden file"
            case .readme: "\(path): a README"
            case .editorLeftover: "\(path): an editor's backup or lock file"
            case .notADataFile: "\(path): not a data file (.csv, .tsv, .json, .ndjson; --input-format reads another name)"
            }
        }
    }

    /// What to import, in order.
    public var inputs: [InputSource]
    /// The files left out, said on standard error by the command line.
    public var skipped: [Skipped]

    /// The files `paths` name: files as given, folders by their data files (`recursive`:
    /// and their subfolders'), `-` for standard input. A folder without any data file, or
    /// a path that does not exist, is an ``ImportError`` (missing input).
    /// A file named on its own whose name says it is a document of another kind
    /// (`Book1.xlsx`, `notes.pdf`) is left out too, as a glob brings them (`inbox/*`),
    /// unless `anyName` (an input format was given, which says how to read it).
    /// `sidecars` false: no file is taken for another's sidecar (a listing's pages have none).
    public static func select(
        _ paths: [String], recursive: Bool = false, anyName: Bool = false, sidecars: Bool = true
    ) throws -> ImportSelection {
        var selection = ImportSelection(inputs: [], skipped: [])
        let manager = FileManager.default
        for path in paths {
            if path == "-" {
                selection.inputs.append(.standardInput)
                continue
            }
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw ImportError(
                    file: path, reason: "no such file or folder", expected: "a data file or a folder of them", category: .missingInput)
            }
            guard isFolder.boolValue else {
                if let reason = leftOut(path, named: true, anyName: anyName, sidecars: sidecars) {
                    selection.skipped.append(Skipped(path: path, reason: reason))
                } else {
                    selection.inputs.append(.file(path))
                }
                continue
            }
            let before = selection.inputs.count
            let skippedBefore = selection.skipped.count
            try selection.addFolder(path, recursive: recursive, sidecars: sidecars)
            if selection.inputs.count == before {
                let left = selection.skipped[skippedBefore...].map { ($0.path as NSString).lastPathComponent }
                let shown = left.prefix(5).joined(separator: ", ") + (left.count > 5 ? " and \(left.count - 5) more" : "")
                throw ImportError(
                    file: path,
                    reason: "the folder holds no data file" + (recursive ? "" : " (--recursive reads its subfolders)")
                        + (left.isEmpty ? "" : "; left out: " + shown),
                    expected: "files ending in .csv, .tsv, .json or .ndjson", category: .missingInput)
            }
        }
        return selection
    }

    private mutating func addFolder(_ folder: String, recursive: Bool, sidecars: Bool) throws {
        let manager = FileManager.default
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            throw ImportError(file: folder, reason: "the folder cannot be read: \(error.localizedDescription)", category: .missingInput)
        }
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            var isFolder: ObjCBool = false
            _ = manager.fileExists(atPath: path, isDirectory: &isFolder)
            if isFolder.boolValue, !name.hasPrefix(".") {
                if recursive { try addFolder(path, recursive: true, sidecars: sidecars) }
            } else if let reason = Self.leftOut(path, named: false, sidecars: sidecars) {
                skipped.append(Skipped(path: path, reason: reason))
            } else if !isFolder.boolValue {
                inputs.append(.file(path))
            }
        }
    }

    /// Why the file at `path` is not read, or nil when it is. A file found in a folder
    /// whose name says no data format is left out; one `named` on its own is not.
    static func leftOut(_ path: String, named: Bool, anyName: Bool = false, sidecars: Bool = true) -> Skipped.Reason? {
        let name = (path as NSString).lastPathComponent
        if name.hasPrefix(".") { return .hidden }
        if name.lowercased().hasPrefix("readme") { return .readme }
        if isEditorLeftover(name) { return .editorLeftover }
        if sidecars, let owner = dataFile(owning: path) { return .sidecar(of: owner) }
        if !named, InputFormat(fileName: name) == nil { return .notADataFile }
        if named, !anyName, otherKinds.contains((name as NSString).pathExtension.lowercased()) { return .notADataFile }
        return nil
    }

    /// Documents that sit in an inbox beside the data and that no reader takes: a
    /// spreadsheet's own file (export it as CSV), a PDF, a picture, notes.
    static let otherKinds: Set<String> = [
        "xlsx", "xlsm", "xls", "ods", "numbers", "pdf", "png", "jpg", "jpeg", "gif", "svg", "doc", "docx", "odt", "html", "zip",
    ]

    /// `~` backups, `#autosave#`, vim's `.swp`, LibreOffice's `.~lock.` files, `.bak`,
    /// `.tmp`.
    static func isEditorLeftover(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered.hasSuffix("~") || (lowered.hasPrefix("#") && lowered.hasSuffix("#")) || lowered.hasPrefix("~$")
            || [".swp", ".swo", ".bak", ".tmp"].contains { lowered.hasSuffix($0) }
    }

    /// The data file whose sidecar `path` is (`x.json` or `x.csv.json` beside `x.csv`,
    /// `x.tsv` or `x.ndjson`), if there is one.
    static func dataFile(owning path: String) -> String? {
        guard path.lowercased().hasSuffix(".json") else { return nil }
        let stem = String(path.dropLast(5))
        let manager = FileManager.default
        // x.csv.json: the sidecar of x.csv when that file exists.
        if let format = InputFormat(fileName: stem), format != .json, manager.fileExists(atPath: stem) { return stem }
        for ending in ["csv", "tsv", "ndjson", "jsonl", "tab"] where manager.fileExists(atPath: stem + "." + ending) {
            return stem + "." + ending
        }
        return nil
    }
}
