import Foundation

/// The line and column reached while reading a text byte by byte: the one place that
/// decides what ends a line, for every reader and every error's `line:column`.
///
/// LF, CRLF and a lone CR each end one line (a CRLF is one line end, not two), so that a
/// line number is the one an editor shows whatever the file's line endings. A column
/// counts Unicode code points: UTF-8 continuation bytes do not move it.
///
/// Inlinable: the readers move it once per byte or per run of bytes, in their hot loops.
package struct TextPosition: Sendable, Hashable {
    @usableFromInline package var line: Int
    @usableFromInline package var column: Int
    /// True right after a CR, whose LF (if one follows) ends no further line.
    @usableFromInline var afterCarriageReturn = false

    @inlinable package init(line: Int = 1, column: Int = 1) {
        self.line = line
        self.column = column
    }

    @inlinable package init(_ location: SourceLocation) {
        self.init(line: location.line, column: location.column)
    }

    @inlinable package var location: SourceLocation { SourceLocation(line: line, column: column) }

    /// Moves past one byte.
    @inlinable package mutating func advance(past byte: UInt8) {
        switch byte {
        case 0x0A:
            if !afterCarriageReturn {
                line += 1
                column = 1
            }
            afterCarriageReturn = false
        case 0x0D:
            line += 1
            column = 1
            afterCarriageReturn = true
        default:
            afterCarriageReturn = false
            if byte & 0xC0 != 0x80 { column += 1 }
        }
    }

    /// Moves past `bytes`, in order.
    @inlinable package mutating func advance(past bytes: some Sequence<UInt8>) {
        for byte in bytes { advance(past: byte) }
    }

    /// Moves past `count` characters that hold no line end (a run a reader has already
    /// scanned and counted).
    @inlinable package mutating func advance(columns count: Int) {
        column += count
        afterCarriageReturn = false
    }

    /// Where the first line end at or after `start` in `bytes` is, and where the line after
    /// it starts. Nil when there is none, or when the last byte is a CR whose LF may come
    /// with more input (unless `atEndOfInput`).
    @inlinable package static func lineEnd(
        in bytes: [UInt8], from start: Int,
        atEndOfInput: Bool
    ) -> (end: Int, next: Int)? {
        // memchr (vectorised) for the LF, then for a CR before it: a line of NDJSON is a few
        // hundred bytes, and a listing millions of lines.
        let found = bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard start < buffer.count, let base = buffer.baseAddress.map({ $0 + start }) else { return nil }
            let count = buffer.count - start
            let lineFeed = memchr(base, 0x0A, count).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
            if let carriageReturn = memchr(base, 0x0D, lineFeed ?? count) {
                return start + (UnsafeRawPointer(carriageReturn) - UnsafeRawPointer(base))
            }
            return lineFeed.map { start + $0 }
        }
        guard let end = found else { return nil }
        if bytes[end] == 0x0A { return (end, end + 1) }
        if end + 1 < bytes.count { return (end, bytes[end + 1] == 0x0A ? end + 2 : end + 1) }
        return atEndOfInput ? (end, end + 1) : nil
    }
}
