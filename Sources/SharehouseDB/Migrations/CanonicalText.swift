import Crypto

/// The canonical form of a migration's text, and its checksum.
///
/// Checksums over raw bytes make a CRLF checkout of an untouched file look edited (the
/// loudest complaint about sqlx's runner). The canonical form removes what editors and
/// version control change without meaning to: a UTF-8 byte-order mark, CRLF or CR line
/// ends (made LF), spaces and tabs at line ends, and blank lines at the end of the file.
/// Line numbers are kept, so an error's `file:line` points into the real file.
///
/// The algorithm is recorded next to every checksum (``algorithm``); changing the
/// canonical form means a new algorithm name, never a silent change of old checksums.
public enum CanonicalText {
    /// The name stored with each checksum.
    public static let algorithm = "sha256-canonical-v1"

    /// `text` without a byte-order mark, with LF line ends and without trailing spaces or trailing blank lines: what a checksum covers.
    public static func canonicalize(_ text: String) -> String {
        // Byte by byte: every character that matters here is ASCII, and this runs for
        // every carried migration at every start of the CLI.
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D || byte == 0x0A {
                lines.append(bytes[start..<index])
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                start = index + 1
            }
            index += 1
        }
        lines.append(bytes[start..<bytes.count])
        lines = lines.map { line in
            var line = line
            while let last = line.last, last == 0x20 || last == 0x09 { line.removeLast() }
            return line
        }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        guard !lines.isEmpty else { return "" }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 1)
        for line in lines {
            output.append(contentsOf: line)
            output.append(0x0A)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The text to run: the file without a UTF-8 byte-order mark, and with a lone CR (an
    /// old Mac line end) made LF so that line numbers in errors count it. Everything else,
    /// trailing spaces and CRLF inside string literals included, is kept as written.
    public static func runnable(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        guard scalars.contains("\r") else { return String(scalars) }
        var result = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in scalars {
            if previous == "\r", scalar != "\n" { result.append("\n") } else if previous == "\r" { result.append("\r") }
            if scalar != "\r" { result.append(scalar) }
            previous = scalar
        }
        if previous == "\r" { result.append("\n") }
        return String(result)
    }

    /// The SHA-256 of the canonical text's UTF-8 bytes, in lower-case hex.
    public static func checksum(of canonicalText: String) -> String {
        SHA256.hash(data: Array(canonicalText.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
