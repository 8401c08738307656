import Foundation
import Sharehouse

/// A report document in Arabic and/or Arabic-Indic digits: column headers and title
/// words translated, figures written in the chosen digits. Entity names come in the
/// chosen language from the warehouse already; codes, keys and citations' own titles stay
/// as they are.
enum DocumentLocalization {
    static func localize(_ document: ReportDocument, language: ReportLanguage, digits: DigitStyle) -> ReportDocument {
        var document = document
        document.language = language
        if language == .arabic {
            document.title = translateTitle(document.title)
            document.about = document.about.map(translateAbout)
            document.rows = document.rows.map { $0.map { cells[$0] ?? translateCell($0) } }
            // Notes the library knows are translated; others stay in English.
            document.notes = document.notes.map { language.note($0, digits: digits) ?? $0 }
            document.columns = document.columns.map { column in
                var column = column
                column.title = headers[column.title] ?? column.title
                return column
            }
        }
        if digits == .arabicIndic {
            document.title = arabicDigits(document.title)
            document.rows = document.rows.map { $0.map(arabicDigits) }
            document.columns = document.columns.map { column in
                var column = column
                column.title = arabicDigits(column.title)
                return column
            }
        }
        return document
    }

    /// ASCII digits as Arabic-Indic ones, a decimal point between digits as the Arabic
    /// decimal separator, and % as the Arabic percent sign.
    static func arabicDigits(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "0"..."9": result.append(Unicode.Scalar(0x0660 + scalar.value - 0x30)!)
            case "." where index > 0 && index + 1 < scalars.count
                && ("0"..."9").contains(scalars[index - 1]) && ("0"..."9").contains(scalars[index + 1]):
                result.append("\u{066B}")
            case "%": result.append("\u{066A}")
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    static let headers: [String: String] = [
        "PERIOD": "الفترة", "ENTITY": "الدولة أو المجموعة", "SHARE": "الحصة", "VALUE": "القيمة", "RANK": "الترتيب",
        "CHANGE": "التغير", "REL": "نسبي", "MOVE": "الحركة", "SRC": "المصدر", "WHAT": "ماذا", "VALUES": "القيم", "PER": "وفق",
        "LEADER": "المتصدر", "N": "العدد", "BOUND": "الحد", "KNOWN FROM": "معروف منذ", "UNTIL": "حتى", "SUM": "المجموع",
        "MEMBERS": "الأعضاء", "WITHOUT A FIGURE": "بلا رقم", "TREND": "الاتجاه",
    ]

    /// Words of cells that are not figures: the sparkline row, the rest of a ranking.
    static let cells: [String: String] = [
        "TREND": ReportLanguage.arabic.text(.trend), "not broken down by the source": "غير مفصّل في المصدر",
    ]

    static func translateCell(_ cell: String) -> String {
        guard let match = cell.wholeMatch(of: /other listed \((\d+)\)/) else { return cell }
        return "آخرون مذكورون (\(match.1))"
    }

    /// "measure: key: name (percent)", "source: key only", "as known on date".
    static func translateAbout(_ line: String) -> String {
        if line.hasPrefix("measure: ") {
            return "المقياس: " + line.dropFirst("measure: ".count)
                .replacingOccurrences(of: " (percent)", with: " (نسبة مئوية)").replacingOccurrences(of: " (count)", with: " (عدد)")
        }
        if let match = line.wholeMatch(of: /source: (.+) only/) { return "المصدر: \(match.1) وحده" }
        if let match = line.wholeMatch(of: /as known on (.+)/) { return "كما عُرف في \(match.1)" }
        return line
    }

    static let titleWords: [(String, String)] = [
        ("Headline: ", "الخلاصة: "), ("Leaders, ", "المتصدرون، "), ("Series: ", "السلسلة: "), ("Compare ", "مقارنة "),
        (" with ", " مع "), ("Crossovers: ", "تبادل المراكز: "), ("Concentration", "التركّز"), ("Revisions", "المراجعات"),
        ("Sources side by side, ", "المصادر جنباً إلى جنب، "), (" (periods of ", " (فترات من "), (" and ", " و"),
    ]

    static func translateTitle(_ title: String) -> String {
        let translated = titleWords.reduce(title) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
        // The period length of a series: "(فترات من 1 month)" -> "(فترات من شهر واحد)".
        return translated.replacing(/فترات من (\d+) (month|months|day|days)\)/) { match in
            let n = Int(match.1) ?? 1
            let length: PeriodLength = match.2.hasPrefix("month") ? .months(n) : .days(n)
            return "فترات من \(ReportLanguage.arabic.periodLength(length)))"
        }
    }
}
