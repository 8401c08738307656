import Foundation
import Sharehouse
import SharehouseDB
import SharehouseTestSupport

/// A warehouse file in a temporary directory, with helpers to write snapshot files next
/// to it and to tell whether an import changed anything.
struct ImportWorkspace {
    let directory: TemporaryDirectory
    let path: String
    let warehouse: Warehouse

    /// A measure and source for test files, defined in a sidecar or passed as options.
    static let metadataJSON = """
        {"measure": {"key": "test_share", "name": "Test share", "unit": "percent",
                     "universe": "synthetic test data", "attribution": "synthetic"},
         "source": {"key": "test-source", "title": "Synthetic test source (not real data)",
                    "url": "https://example.invalid/test", "kind": "dataset"},
         "published_on": "2026-01-15", "coverage": "complete"}
        """

    static let countMetadataJSON = """
        {"measure": {"key": "test_count", "name": "Test count", "unit": "count",
                     "universe": "synthetic test data", "attribution": "synthetic"},
         "source": {"key": "test-source", "title": "Synthetic test source (not real data)",
                    "url": "https://example.invalid/test", "kind": "dataset"},
         "published_on": "2026-01-15"}
        """

    init() throws {
        directory = try TemporaryDirectory("import")
        path = directory.file("warehouse.sqlite")
        warehouse = try Warehouse(path: path)
    }

    /// Writes `contents` to `name` and, unless `sidecar` is nil, its metadata to `name`'s
    /// sidecar (`name.json`). Returns the file's path.
    @discardableResult
    func write(_ name: String, _ contents: String, sidecar: String? = ImportWorkspace.metadataJSON) throws -> String {
        if let sidecar { try directory.write(name + ".json", sidecar) }
        return try directory.write(name, contents)
    }

    func importFile(_ name: String, options: ImportOptions = ImportOptions()) throws -> ImportReceipt {
        try warehouse.importSnapshot(from: .file(directory.file(name)), options: options)
    }

    func fingerprint() throws -> String {
        try databaseFingerprint(path)
    }

    /// The current figures of a measure as `CODE period=value_text`, sorted.
    func currentFigures(measure: String = "test_share") throws -> [String] {
        try warehouse.database.read { connection in
            try connection.fetchAll(
                """
                SELECT entity_code || ' ' || period || '=' || value_text FROM current_figures WHERE measure = ?
                ORDER BY entity_code, start_date
                """, measure
            ) { try $0.get(0) as String }
        }
    }

    func snapshotCount() throws -> Int {
        try warehouse.database.read { try $0.fetchOne("SELECT count(*) FROM snapshots") { try $0.get(0) as Int } ?? 0 }
    }
}
