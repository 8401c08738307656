/// Months as spreadsheets and people write them: `Mar 2026`, `March 2026`, `Mar-2026`,
/// `2026/03`, `2026-3`, `03/2026`, and the Arabic month names, both the names used in
/// Egypt and the Gulf (`مارس 2026`) and the Levantine ones (`آذار 2026`). Each reads as
/// the month; the canonical text stays `2026-03`.
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
            if parts[1].count == 4, (1...2).contains(parts[0].count), text.contains("/") { return CalendarDate(year: b, month: a, day: 1) }
            return nil
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
            ["january", "jan", "يناير", "كانون الثاني"],
            ["february", "feb", "فبراير", "شباط"],
            ["march", "mar", "مارس", "آذار"],
            ["april", "apr", "أبريل", "إبريل", "نيسان"],
            ["may", "مايو", "أيار"],
            ["june", "jun", "يونيو", "يونيه", "حزيران"],
            ["july", "jul", "يوليو", "يوليه", "تموز"],
            ["august", "aug", "أغسطس", "آب"],
            ["september", "sep", "sept", "سبتمبر", "أيلول"],
            ["october", "oct", "أكتوبر", "تشرين الأول"],
            ["november", "nov", "نوفمبر", "تشرين الثاني"],
            ["december", "dec", "ديسمبر", "كانون الأول"],
        ]
        var table: [String: Int] = [:]
        for (index, spellings) in names.enumerated() {
            for spelling in spellings { table[NameNormalizer.normalize(spelling)] = index + 1 }
        }
        return table
    }()
}
