import Sharehouse

/// Estimated widths of chart text, so that labels are shortened, wrapped and given room
/// before they are drawn: SVG cannot measure text itself. The estimates follow Helvetica's
/// advance widths (a little generous), which Arial and the Arabic fallback fonts match
/// closely enough to keep text inside the chart.
public enum TextMetrics {
    /// The width of `text` at `fontSize` pixels (bold text about 8% wider).
    public static func width(_ text: String, fontSize: Double, bold: Bool = false) -> Double {
        var em = 0.0
        for scalar in text.unicodeScalars {
            em += advance(scalar)
        }
        return em * fontSize * (bold ? 1.08 : 1)
    }

    /// `text` as it fits in `maximum` pixels: whole, or cut at a word (or a character)
    /// and ended with "…".
    public static func truncate(_ text: String, toWidth maximum: Double, fontSize: Double, bold: Bool = false) -> String {
        guard width(text, fontSize: fontSize, bold: bold) > maximum else { return text }
        var characters = Array(text)
        while !characters.isEmpty, width(String(characters) + "…", fontSize: fontSize, bold: bold) > maximum {
            characters.removeLast()
        }
        // Prefer ending at a word when that loses little.
        if let space = characters.lastIndex(of: " "), space > characters.count * 3 / 4 { characters = Array(characters[..<space]) }
        while let last = characters.last, last == " " || last == "·" || last == "," { characters.removeLast() }
        return String(characters) + "…"
    }

    /// Lines of at most `maximum` pixels, broken at spaces; a word wider than a line keeps
    /// a line of its own.
    public static func wrap(_ text: String, toWidth maximum: Double, fontSize: Double) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if !line.isEmpty, width(candidate, fontSize: fontSize) > maximum {
                lines.append(line)
                line = String(word)
            } else {
                line = candidate
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// A character's advance in ems.
    private static func advance(_ scalar: Unicode.Scalar) -> Double {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        switch scalar {
        case " ", "i", "j", "l", "'", ".", ",", ":", ";", "|", "!", "I", "·": return 0.28
        case "f", "t", "r", "(", ")", "[", "]", "/", "-": return 0.34
        case "0"..."9", "%", "$", "#", "?", "_": return 0.56
        case "m", "w", "M", "W", "@": return 0.86
        case "A"..."Z": return 0.7
        case "a"..."z": return 0.56
        case "\u{0660}"..."\u{0669}", "\u{066A}"..."\u{066C}": return 0.56
        case "\u{0600}"..."\u{06FF}", "\u{FB50}"..."\u{FEFF}": return 0.52
        case "\u{1100}"..."\u{115F}", "\u{2E80}"..."\u{A4CF}", "\u{AC00}"..."\u{D7A3}", "\u{F900}"..."\u{FAFF}": return 1
        default: return 0.62
        }
    }
}
