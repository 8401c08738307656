import ArgumentParser
import Sharehouse

/// `--lang`: the language of a report's words and entity names.
enum LanguageOption: String, ExpressibleByArgument, CaseIterable {
    case en, ar

    var language: ReportLanguage { self == .ar ? .arabic : .english }
}

/// `--digits`: how figures are written.
enum DigitsOption: String, ExpressibleByArgument, CaseIterable {
    case western
    case arabicIndic = "arabic-indic"

    var style: DigitStyle { self == .western ? .western : .arabicIndic }
}
