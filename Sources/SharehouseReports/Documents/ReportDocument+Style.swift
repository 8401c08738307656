public import Sharehouse

extension ReportDocument {
    /// How a human report is written: its language, its digits, and whether a person at
    /// a terminal gets sparklines.
    public struct Style: Sendable {
        public var language: ReportLanguage
        public var digits: DigitStyle
        public var sparklines: Bool

        public init(language: ReportLanguage = .english, digits: DigitStyle = .western, sparklines: Bool = false) {
            self.language = language
            self.digits = digits
            self.sparklines = sparklines
        }
    }
}
