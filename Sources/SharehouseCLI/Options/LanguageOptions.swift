import ArgumentParser
import Sharehouse
import SharehouseReports

/// The language of a report's or chart's words and names, and its digits.
struct LanguageOptions: ParsableArguments {
    @Option(name: .customLong("lang"), help: "Words and entity names: en or ar.")
    var language: ReportLanguage = .english

    @Option(name: .customLong("digits"), help: "Digits of figures: western (17.1%) or arabic-indic (١٧٫١٪).")
    var digits: DigitStyle = .western
}
