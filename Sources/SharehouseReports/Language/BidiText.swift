public import Sharehouse

/// Keeps mixed Arabic and Latin text in order where there is no HTML `<bdi>`: in SVG
/// text and in plain strings. Without it a period after an Arabic word
/// ("المتصدرون · 2024-09/2025-08") is read as Arabic numbers and shows as
/// "08-09/2025-2024".
public enum BidiText {
    /// Left-to-right isolate (U+2066), right-to-left isolate (U+2067), and their end (U+2069).
    static let leftToRightIsolate: Character = "\u{2066}"
    static let rightToLeftIsolate: Character = "\u{2067}"
    static let popIsolate: Character = "\u{2069}"

    /// True when `text` has a letter written right to left (Arabic, Hebrew, ...).
    public static func hasRightToLeft(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF: return true
            default: return false
            }
        }
    }

    /// `fragment` (a period, a date, a figure) kept left to right wherever it lands.
    public static func leftToRight(_ fragment: String) -> String {
        "\(leftToRightIsolate)\(fragment)\(popIsolate)"
    }

    /// `fragment` isolated only where it needs to be: in Arabic, or after right-to-left
    /// text. English output stays free of invisible characters.
    public static func leftToRight(_ fragment: String, after prefix: String, language: ReportLanguage = .english) -> String {
        language.isRightToLeft || hasRightToLeft(prefix) ? leftToRight(fragment) : fragment
    }

    /// An Arabic sentence read right to left inside a left-to-right chart: its parts in
    /// Arabic order, the text itself still placed from the left like every other label.
    public static func sentence(_ text: String, language: ReportLanguage) -> String {
        language.isRightToLeft ? "\(rightToLeftIsolate)\(text)\(popIsolate)" : text
    }
}
