import Foundation

/// Paths in this repository, found from this source file's location, so that tests
/// read the real `Migrations/` folder and fixtures wherever the clone is.
public enum Repository {
    public static let root: String = {
        // Tests/Support/Repository.swift -> the repository root.
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    public static func path(_ relative: String) -> String {
        (root as NSString).appendingPathComponent(relative)
    }

    /// Every bundled snapshot the demo imports: the JSON snapshots of `Fixtures/` and the
    /// two synthetic monthly CSV files (whose `.json` files are their sidecars).
    public static var fixtureFiles: [String] {
        let folder = path("Fixtures")
        let snapshots = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        return snapshots.map { folder + "/" + $0 }
            + ["monthly-shares-2026-01.csv", "monthly-shares-2026-02.csv"].map { folder + "/synthetic/" + $0 }
    }
}
