import Crypto
import Foundation

/// The SHA-256 of `data` in lowercase hex, as the manifest writes it.
func sha256Hex(_ data: Data) -> String {
    SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
}

/// Every file under `folder` (hidden ones and leftovers included) whose bytes hold `text`.
func filesMentioning(_ text: String, in folder: String) throws -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
    var found: [String] = []
    for case let name as String in walker {
        let path = (folder as NSString).appendingPathComponent(name)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
        if try Data(contentsOf: URL(fileURLWithPath: path)).range(of: Data(text.utf8)) != nil { found.append(path) }
    }
    return found
}
