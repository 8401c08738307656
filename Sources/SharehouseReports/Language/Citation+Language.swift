public import Sharehouse

extension Citation {
    /// ``/Sharehouse/Citation/summary`` in `language`: the source's own words (publisher, title, URL, access
    /// note) stay as published; the words around them, the punctuation and the
    /// verification level are the language's.
    public func summary(in language: ReportLanguage) -> String {
        switch language {
        case .english:
            summary
        case .arabic:
            summary(
                with: SummaryWords(
                    comma: language.comma, semicolon: language.semicolon, openQuote: "«", closeQuote: "»",
                    published: language.text(.published), relays: language.text(.relays), corrected: "مصحَّحة",
                    verification: { ReportLanguage.arabic.verification($0) }))
        }
    }

    /// "Argaam, 2025-11-26": the source cited first and the snapshot's publication date
    /// (kept left to right after an Arabic name), with the language's comma.
    public func shortName(in language: ReportLanguage = .english) -> String {
        guard let first = sources.first else { return "snapshot \(snapshotID)" }
        let publisher = first.publisher ?? first.key
        return publisher + language.comma + BidiText.leftToRight(publishedOn.description, after: publisher)
    }
}
