import Foundation
import SharehouseDB

/// Reads an ``InputSource`` in chunks, so that memory stays flat whatever the size.
final class ChunkedReader {
    static let chunkSize = 1 << 16

    private let handle: FileHandle?
    private var pending: [UInt8]?
    private(set) var bytesRead = 0
    /// The total size when known (a regular file), for progress.
    let totalBytes: Int?

    init(_ source: InputSource) throws {
        switch source {
        case .file(let path):
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ImportError(file: path, reason: "no such file", category: .missingInput)
            }
            guard !isDirectory.boolValue else {
                throw ImportError(file: path, reason: "is a folder, not a file", category: .missingInput)
            }
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw ImportError(file: path, reason: "the file cannot be read", category: .missingInput)
            }
            self.handle = handle
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            totalBytes = (attributes?[.size] as? NSNumber)?.intValue
        case .standardInput:
            handle = FileHandle.standardInput
            totalBytes = nil
        case .bytes(let bytes, _):
            handle = nil
            pending = bytes
            totalBytes = bytes.count
        }
    }

    deinit {
        if let handle, handle !== FileHandle.standardInput { try? handle.close() }
    }

    /// A chunk read ahead by ``peek()``, handed out first by ``next()``.
    private var peeked: [UInt8]?

    /// The first chunk, without consuming it: what a reader looks at to decide how to
    /// read (a delimited file's header line).
    func peek() throws -> [UInt8] {
        if let peeked { return peeked }
        let chunk = try next() ?? []
        peeked = chunk
        return chunk
    }

    /// The next chunk, or nil at the end.
    func next() throws -> [UInt8]? {
        if let chunk = peeked {
            peeked = nil
            if !chunk.isEmpty { return chunk }
        }
        if let handle {
            let chunk = try [UInt8](unsafeUninitializedCapacity: Self.chunkSize) { buffer, count in
                count = try read(handle, into: buffer)
            }
            return chunk.isEmpty ? nil : chunk
        }
        defer { pending = nil }
        guard let bytes = pending, !bytes.isEmpty else { return nil }
        bytesRead += bytes.count
        return bytes
    }

    /// Reads the next bytes into `buffer` (as many as fit) and returns how many, 0 at the
    /// end: for a reader that keeps one buffer from chunk to chunk rather than a new array
    /// for each (a listing of the whole Hub is 400 MiB in 6,000 chunks).
    func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws -> Int {
        guard !buffer.isEmpty else { return 0 }
        // What is held in memory goes first: a peeked chunk (counted when it was read), or
        // the bytes the input was given (counted now).
        if peeked == nil, let bytes = pending {
            pending = nil
            bytesRead += bytes.count
            peeked = bytes
        }
        if let chunk = peeked, !chunk.isEmpty {
            let count = min(chunk.count, buffer.count)
            _ = UnsafeMutableBufferPointer(rebasing: buffer[..<count]).initialize(from: chunk[..<count])
            peeked = count < chunk.count ? Array(chunk[count...]) : nil
            return count
        }
        peeked = nil
        guard let handle else { return 0 }
        return try read(handle, into: buffer)
    }

    /// read(2) straight into `buffer`: FileHandle's `read(upToCount:)` allocates a `Data`
    /// and a chunk was then a copy of it.
    private func read(_ handle: FileHandle, into buffer: UnsafeMutableBufferPointer<UInt8>) throws -> Int {
        while true {
            let count = Foundation.read(handle.fileDescriptor, buffer.baseAddress, buffer.count)
            if count >= 0 {
                bytesRead += count
                return count
            }
            guard errno == EINTR else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        }
    }

    /// Everything that is left, for formats read whole (a JSON snapshot).
    func readAll(limit: Int) throws -> [UInt8]? {
        var all: [UInt8] = []
        // The known size at once, rather than doubling up to twice the file's size.
        all.reserveCapacity(min(totalBytes ?? 0, limit) + Self.chunkSize)
        while let chunk = try next() {
            all += chunk
            if all.count > limit { return nil }
        }
        return all
    }
}
