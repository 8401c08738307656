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
}
