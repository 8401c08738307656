import Foundation

/// Where output goes: data to standard output, everything else to standard error.
enum Terminal {
    /// Writes a line of data to standard output.
    static func output(_ text: String) {
        print(text)
    }

    /// Writes data to standard output as it is, with no line end added (CSV ends each
    /// record with its own CRLF).
    static func write(_ text: String) {
        print(text, terminator: "")
    }

    /// Writes a message for the person at the terminal to standard error.
    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// True when standard output is a terminal (not a pipe or a file).
    static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Writes an error message to standard error.
    static func error(_ text: String) {
        note("sharehouse: error: " + text)
    }
}
