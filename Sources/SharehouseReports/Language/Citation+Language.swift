public import Sharehouse

extension Citation {
    /// ``summary`` in `language`: the source's own words (publisher, title, URL, access
    /// note) stay as published; the words around them, the punctuation and the
    /// verification level are the language's.
    public func summary(in language: ReportLanguage) -> String {
        switch language {
        case .english:
            summary
        case .arabic:
            summary(
                with: SummaryWords(
                    comma: "، ", semicolon: "؛ ", openQuote: "«", closeQuote: "»",
                    published: language.text(.published), relays: "نقلًا عن",
                    verification: { ReportLanguage.arabic.verification($0) }))
        }
    }
}
