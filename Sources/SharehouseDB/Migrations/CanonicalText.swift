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

    public static func canonicalize(_ text: String) -> String {
        var body = Substring(text)
        if body.unicodeScalars.first == "\u{FEFF}" {
            body = Substring(body.unicodeScalars.dropFirst())
        }
        // Swift treats "\r\n" as one Character, so splitting on each newline kind
        // yields the lines whatever the line ends.
        var lines = body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { line -> Substring in
                var line = line
                while let last = line.last, last == " " || last == "\t" { line.removeLast() }
                return line
            }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
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
