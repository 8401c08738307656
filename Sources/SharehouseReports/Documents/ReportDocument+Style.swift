public import Sharehouse

extension ReportDocument {
    /// How a human report is written: its language, its digits, and whether a person at
    /// a terminal gets sparklines.
    public struct Style: Sendable {
        /// The language of the words.
        public var language: ReportLanguage
        /// The digits of figures and citation numbers.
        public var digits: DigitStyle
        /// Whether a series gets a sparkline row (on a terminal only).
        public var sparklines: Bool

        /// A style; the defaults write English, Western digits, no sparklines.
        public init(language: ReportLanguage = .english, digits: DigitStyle = .western, sparklines: Bool = false) {
            self.language = language
            self.digits = digits
            self.sparklines = sparklines
        }
    }
}
