public import Sharehouse

/// Each ``ImportWarning`` in each language: one `switch` per language, so a warning
/// without its Arabic words does not compile. Keys and dates stay as written, isolated
/// left to right after Arabic words.
extension ReportLanguage {
    /// `warning` in this language, its numbers in `digits` (keys and dates stay as written).
    public func text(_ warning: ImportWarning, digits: DigitStyle = .western) -> String {
        switch self {
        case .english: Self.english(warning)
        case .arabic: Self.arabic(warning, digits: digits)
        }
    }

    private static func english(_ warning: ImportWarning) -> String {
        switch warning {
        case .publishedBeforeSource(let source, let date):
            "dated before its source \(source) was published (\(date)): is one of the two dates wrong?"
        case .publishedLongAfterSource(let source, let date, let days):
            "dated \(days) days after its source \(source) was published (\(date)): "
                + "a later publication may deserve a source of its own"
        }
    }

    private static func arabic(_ warning: ImportWarning, digits: DigitStyle) -> String {
        switch warning {
        case .publishedBeforeSource(let source, let date):
            "مؤرَّخة قبل نشر مصدرها \(BidiText.leftToRight(source)) (\(BidiText.leftToRight(date.description))): "
                + "هل أحد التاريخين خطأ؟"
        case .publishedLongAfterSource(let source, let date, let days):
            "مؤرَّخة بعد نشر مصدرها \(BidiText.leftToRight(source)) (\(BidiText.leftToRight(date.description))) "
                + "بـ\(digits.format(Double(days), decimals: 0)) يوماً: قد يستحق النشر اللاحق مصدراً خاصاً به"
        }
    }
}
