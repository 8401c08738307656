import Foundation

/// Files written whole or not at all: to a hidden temporary file in the same folder, then
/// renamed over the target. A fetch killed at any moment leaves each page and the manifest
/// either as they were or as they are meant to be, never half written.
enum AtomicFile {
    static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        // Hidden, so that an import of the folder leaves a leftover of a kill out.
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).partial")
        do {
            try data.write(to: temporary)
            // rename(2), not FileManager.replaceItemAt: rename replaces the target in one step
            // (on Linux replaceItemAt may remove the target first, and failed here on a hidden one).
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw FetchError.cannotWrite(path: url.path, reason: error.localizedDescription)
        }
    }
}
