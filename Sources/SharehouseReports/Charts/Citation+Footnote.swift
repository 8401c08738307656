import Sharehouse

extension Citation {
    /// "Sources: [1] Argaam, 2025-11-26; [2] ...", each source once: two snapshots of
    /// one publication (two measures of one article) share an entry, "[2, 6]".
    static func footnote(_ citations: [Citation], language: ReportLanguage, digits: DigitStyle, number: (Int) -> Int) -> String {
        var entries: [(name: String, numbers: [Int])] = []
        for citation in citations {
            let page = number(citation.number)
            if let index = entries.firstIndex(where: { $0.name == citation.shortName(in: language) }) {
                if !entries[index].numbers.contains(page) { entries[index].numbers.append(page) }
            } else {
                entries.append((citation.shortName(in: language), [page]))
            }
        }
        let separator = language.comma
        let list = entries.map { entry in
            "[\(entry.numbers.map { digits.format(Double($0), decimals: 0) }.joined(separator: separator))] \(entry.name)"
        }
        return "\(language.text(.sourcesLine)) " + list.joined(separator: language.semicolon)
    }
}
