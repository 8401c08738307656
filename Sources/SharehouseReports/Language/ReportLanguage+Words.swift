public import Sharehouse

/// Words of the data itself in each language: verification levels, period lengths.
extension ReportLanguage {
    /// What a verification level means, in this language.
    public func verification(_ level: Verification) -> String {
        switch (self, level) {
        case (.english, _): level.rawValue
        case (.arabic, .primary): "قُرئ في المصدر الأصلي"
        case (.arabic, .secondary): "منقول عن مصدر ثانوي"
        case (.arabic, .unverified): "غير مؤكد"
        }
    }

    /// "1 month", "12 months", "7 days" in this language (the period length of a series),
    /// the count in `digits`.
    public func periodLength(_ length: PeriodLength, digits: DigitStyle = .western) -> String {
        guard self == .arabic else { return length.description }
        func count(_ n: Int) -> String { digits.format(Double(n), decimals: 0) }
        switch length {
        case .months(let n): return n == 1 ? "شهر واحد" : "\(count(n)) \(n <= 10 ? "أشهر" : "شهراً")"
        case .days(let n): return n == 1 ? "يوم واحد" : "\(count(n)) \(n <= 10 ? "أيام" : "يوماً")"
        }
    }

    /// The comma, semicolon and quotes between words of this language.
    public var comma: String { self == .arabic ? "، " : ", " }
    /// The semicolon between words of this language.
    public var semicolon: String { self == .arabic ? "؛ " : "; " }
    /// `text` between the quotation marks of this language.
    public func quoted(_ text: String) -> String { self == .arabic ? "«\(text)»" : "“\(text)”" }
}
