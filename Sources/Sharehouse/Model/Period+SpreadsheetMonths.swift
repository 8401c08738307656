/// Months as spreadsheets and people write them: `Mar 2026`, `March 2026`, `Mar-2026`,
/// `Mar-26` (Excel's default `mmm-yy`, a two-digit year read as 20yy), `2026/03`, `2026-3`,
/// `03/2026`, `03.2026`, `03-2026`, French and German names (`mars 2026`, `Mai 2026`), and
/// the Arabic month names, both the names used in Egypt and the Gulf (`مارس 2026`) and the
/// Levantine ones (`آذار 2026`). Each reads as the month; the canonical text stays `2026-03`.
extension Period {
    /// The first day of the month `text` names in one of the forms above, or nil.
    static func spreadsheetMonth(_ text: String) -> CalendarDate? {
        // Separators between parts only: not first, last or doubled ("2025-08/", "2025//08").
        let separators: Set<Character> = ["-", "/", ","]
        guard let first = text.first, let last = text.last, !separators.contains(first), !separators.contains(last),
            !text.contains("//"), !text.contains("--")
        else { return nil }
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "/" || $0 == "." || $0 == "," })
            .map(String.init)
        // Numbers: year and month in either order, the year with four digits.
        if parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), parts.allSatisfy({ $0.allSatisfy(\.isASCII) }) {
            if parts[0].count == 4, (1...2).contains(parts[1].count) { return CalendarDate(year: a, month: b, day: 1) }
            if parts[1].count == 4, (1...2).contains(parts[0].count) { return CalendarDate(year: b, month: a, day: 1) }
            return nil
        }
        // A month's name and a two-digit year, as Excel's `mmm-yy` writes it (`Mar-26`):
        // this century. Only with a hyphen: `Mar 26` is as likely the 26th of March.
        if parts.count == 2, text.contains("-"), parts[1].count == 2, let short = Int(parts[1]), parts[1].allSatisfy(\.isASCII),
            let month = monthNumbers[NameNormalizer.normalize(parts[0])]
        {
            return CalendarDate(year: 2000 + short, month: month, day: 1)
        }
        // A month's name and a four-digit year, in either order; a Levantine name may be
        // two words (كانون الثاني).
        guard parts.count >= 2, let yearIndex = [0, parts.count - 1].first(where: { parts[$0].count == 4 && Int(parts[$0]) != nil }),
            let year = Int(parts[yearIndex])
        else { return nil }
        let name = (yearIndex == 0 ? parts.dropFirst() : parts.dropLast()).joined(separator: " ")
        guard let month = monthNumbers[NameNormalizer.normalize(name)] else { return nil }
        return CalendarDate(year: year, month: month, day: 1)
    }

    /// Month names, normalized (case, accents and Arabic letter variants folded), by number.
    private static let monthNumbers: [String: Int] = {
        let names: [[String]] = [
            // English, French and German names and their short forms, then Arabic.
            ["january", "jan", "janvier", "janv", "januar", "jänner", "يناير", "كانون الثاني"],
            ["february", "feb", "février", "févr", "februar", "فبراير", "شباط"],
            ["march", "mar", "mars", "märz", "mär", "مارس", "آذار"],
            ["april", "apr", "avril", "avr", "أبريل", "إبريل", "نيسان"],
            ["may", "mai", "مايو", "أيار"],
            ["june", "jun", "juin", "juni", "يونيو", "يونيه", "حزيران"],
            ["july", "jul", "juillet", "juil", "juli", "يوليو", "يوليه", "تموز"],
            ["august", "aug", "août", "أغسطس", "آب"],
            ["september", "sep", "sept", "septembre", "سبتمبر", "أيلول"],
            ["october", "oct", "octobre", "oktober", "okt", "أكتوبر", "تشرين الأول"],
            ["november", "nov", "novembre", "نوفمبر", "تشرين الثاني"],
            ["december", "dec", "décembre", "déc", "dezember", "dez", "ديسمبر", "كانون الأول"],
        ]
        var table: [String: Int] = [:]
        for (index, spellings) in names.enumerated() {
            for spelling in spellings { table[NameNormalizer.normalize(spelling)] = index + 1 }
        }
        return table
    }()
}
