import Foundation

/// One value of an exported row, written the same way in every file: text as it is, whole
/// numbers in decimal digits, figures in their published digits (`17.10`), never a
/// thousands separator or a `%`.
enum ExportCell: Sendable, Hashable {
    /// Text; quoted in CSV only when it must be, a JSON string in NDJSON.
    case text(String)
    /// A whole number.
    case integer(Int64)
    /// A number already written in plain digits (a ``PublishedValue``'s description).
    case number(String)
    /// No value: an empty CSV field, JSON `null`.
    case null

    /// The cell as a CSV field (RFC 4180).
    var csv: String {
        switch self {
        case .text(let text): Self.csvField(text)
        case .integer(let number): String(number)
        case .number(let digits): digits
        case .null: ""
        }
    }

    /// The cell as a JSON value.
    var json: String {
        switch self {
        case .text(let text): JSONText.string(text)
        case .integer(let number): String(number)
        case .number(let digits): digits
        case .null: "null"
        }
    }

    /// `text` as a CSV field: as it is, or quoted (quotes doubled) when it holds a comma, a
    /// quote or a line end.
    static func csvField(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Text, or null when there is none.
    static func text(_ text: String?) -> ExportCell { text.map(ExportCell.text) ?? .null }

    /// A whole number, or null when there is none.
    static func integer(_ number: Int64?) -> ExportCell { number.map(ExportCell.integer) ?? .null }
}
