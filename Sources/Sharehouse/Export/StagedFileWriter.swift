import Foundation

/// One file of a partitioned export while it is written: its header and rows go, through
/// a 64 KiB buffer, to a hidden temporary file in the file's own folder
/// (`.part-0.csv.PID-RANDOM.tmp`), so memory stays flat however many rows there are and no
/// reader's glob (`*.csv`, Spark's and Hive's, which skip names starting with a dot) ever
/// sees a half-written file. ``ExportStaging`` renames it to its name at the end.
final class StagedFileWriter {
    /// The table the file belongs to.
    let table: String
    /// The file's path relative to the export's folder.
    let relativePath: String
    /// Where the file goes.
    let finalPath: String
    /// Where it is written until then.
    let temporaryPath: String
    /// The rows written so far (not counting a CSV header).
    private(set) var rows = 0
    /// True once the file is flushed, synced and closed.
    private(set) var isFinished = false

    private let format: ExportFileFormat
    private let keys: [String]
    private var handle: FileHandle?
    private var buffer: [UInt8] = []
    private static let flushSize = 1 << 16

    /// Creates the temporary file (never over an existing one) and writes a CSV's header.
    init(table: String, relativePath: String, finalPath: String, columns: [String], format: ExportFileFormat) throws {
        self.table = table
        self.relativePath = relativePath
        self.finalPath = finalPath
        self.format = format
        let folder = (finalPath as NSString).deletingLastPathComponent
        let name = (finalPath as NSString).lastPathComponent
        let random = String(UInt32.random(in: .min ... .max), radix: 16)
        temporaryPath = (folder as NSString).appendingPathComponent(".\(name).\(getpid())-\(random).tmp")
        keys = columns.map { JSONText.string($0) + ": " }
        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw PartitionedExportError.cannotWrite(path: temporaryPath, reason: String(cString: strerror(errno)))
        }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        buffer.reserveCapacity(Self.flushSize + 4096)
        if format == .csv { try append(line: columns.map(ExportCell.csvField).joined(separator: ",") + "\r\n") }
    }

    /// Writes one row, its cells in the columns' order.
    func append(_ cells: [ExportCell]) throws {
        switch format {
        case .csv:
            try append(line: cells.map(\.csv).joined(separator: ",") + "\r\n")
        case .ndjson:
            var line = "{"
            for (index, cell) in cells.enumerated() {
                if index > 0 { line += ", " }
                line += keys[index] + cell.json
            }
            try append(line: line + "}\n")
        }
        rows += 1
    }

    /// Flushes the buffer, syncs the file to disk and closes it.
    func finish() throws {
        guard !isFinished else { return }
        try flush()
        do {
            try handle?.synchronize()
            try handle?.close()
        } catch {
            throw PartitionedExportError.cannotWrite(path: temporaryPath, reason: error.localizedDescription)
        }
        handle = nil
        isFinished = true
    }

    /// Closes the file if it is open and removes the temporary file.
    func discard() {
        try? handle?.close()
        handle = nil
        unlink(temporaryPath)
    }

    private func append(line: String) throws {
        buffer.append(contentsOf: line.utf8)
        if buffer.count >= Self.flushSize { try flush() }
    }

    private func flush() throws {
        guard !buffer.isEmpty, let handle else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw PartitionedExportError.cannotWrite(path: temporaryPath, reason: error.localizedDescription)
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
