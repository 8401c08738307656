import CFuzzerDriver
import Foundation

/// Stops the process when an invariant does not hold. libFuzzer reports the trap as a
/// crash and saves the input that caused it; the message says which invariant broke.
public func invariant(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                      file: StaticString = #fileID, line: UInt = #line) {
    if !condition() { fatalError("invariant broken: \(message())", file: file, line: line) }
}

/// The fuzzer's input as an array of bytes.
public func inputBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// Bytes shown in a message: text as it is when it is UTF-8, escapes otherwise.
public func show(_ bytes: some Collection<UInt8>) -> String {
    if let text = String(validating: Array(bytes), as: UTF8.self) { return String(reflecting: text) }
    return "bytes [" + bytes.map { String($0, radix: 16) }.joined(separator: " ") + "]"
}

/// The extent of a text, to bound the line and column an error may name.
public struct TextShape {
    /// Lines, whatever ends them (CR, LF or CRLF): the most any reader can count.
    public let lines: Int
    /// The longest line in columns (UTF-8 lead bytes, as the readers count them), whether
    /// lines end at any line break or only at LF (as JSON counts them).
    public let longestLine: Int

    public init(_ bytes: [UInt8]) {
        var breaks = 0, column = 0, longest = 0, columnLF = 0, longestLF = 0
        for (index, byte) in bytes.enumerated() {
            let isBreak = byte == 0x0A || (byte == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A))
            if byte == 0x0A {
                longestLF = max(longestLF, columnLF)
                columnLF = 0
            } else if byte & 0xC0 != 0x80 {
                columnLF += 1
            }
            if isBreak {
                breaks += 1
                longest = max(longest, column)
                column = 0
            } else if byte != 0x0D, byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        lines = breaks + 1
        longestLine = max(longest, column, longestLF, columnLF)
    }
}

/// Runs libFuzzer on `test` with the process's command line, and exits with its status.
///
/// Each target's `@main` calls this rather than relying on libFuzzer's own `main`: on
/// Linux SwiftPM links every executable with `--defsym main=<module>_main` (so that tests
/// can link executables), which needs the module to have an entry point of its own.
public func runFuzzer(_ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, test))
}
