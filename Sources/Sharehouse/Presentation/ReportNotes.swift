/// The notes the queries write (in English, with figures in Western digits) in a
/// report's language. The queries keep one wording each, so a note is recognised by its
/// pattern; a note not known here is returned as nil and shown in English, isolated.
extension ReportLanguage {
    public func note(_ text: String, digits: DigitStyle) -> String? {
        guard self == .arabic else { return text }
        for (pattern, translate) in Self.arabicNotes {
            // The patterns are literals of this file: compiling them cannot fail.
            if let match = try! Regex(pattern).wholeMatch(in: text) {
                let part = match.output.count > 1 ? match.output[1].substring.map(String.init) ?? "" : ""
                // Figures in the chosen digits; a period stays as written (ISO, Western digits).
                return translate(Period(part) == nil ? digits.digits(in: part) : part)
            }
        }
        return nil
    }

    /// What a verification level means, in this language.
    public func verification(_ level: Verification) -> String {
        switch (self, level) {
        case (.english, _): level.rawValue
        case (.arabic, .primary): "قُرئ في المصدر الأصلي"
        case (.arabic, .secondary): "منقول عن مصدر ثانوي"
        case (.arabic, .unverified): "غير مؤكد"
        }
    }

    /// "1 month", "12 months", "7 days" in this language (the period length of a series).
    public func periodLength(_ length: PeriodLength) -> String {
        guard self == .arabic else { return length.description }
        switch length {
        case .months(let n): return n == 1 ? "شهر واحد" : "\(n) \(n <= 10 ? "أشهر" : "شهراً")"
        case .days(let n): return n == 1 ? "يوم واحد" : "\(n) \(n <= 10 ? "أيام" : "يوماً")"
        }
    }

    /// Each note's pattern, with at most one part carried over (a figure, a count, a period).
    /// Periods keep Western digits, as everywhere in reports: they are ISO dates, read back as typed.
    private static let arabicNotes: [(String, @Sendable (String) -> String)] = [
        (#"the source lists only its top entities: (?:(.+%)|the rest) is not broken down"#,
         { $0.isEmpty ? "لا يذكر المصدر إلا أبرز الجهات: الباقي غير مفصّل" : "لا يذكر المصدر إلا أبرز الجهات: \($0) منها غير مفصّلة" }),
        (#"(\d+) measures: a column counts what its measure counts; never read across measures as one series"#,
         { "\($0) مقاييس: كل عمود يعدّ ما يعدّه مقياسه؛ لا تقرأ عبر المقاييس كأنها سلسلة واحدة" }),
        (#"columns marked with their own period only overlap (.+)"#,
         { "الأعمدة المعلَّمة بفترتها الخاصة لا تطابق \(BidiText.leftToRight($0)) بل تتداخل معها فقط" }),
        (#"a tie at rank (\d+) keeps every tied entity"#,
         { "تعادلٌ عند المرتبة \($0): تبقى كل الجهات المتعادلة" }),
        (#"each point is a window of (\d+) months; consecutive windows overlap, so a change from one to the next reflects only the months that differ"#,
         { "كل نقطة نافذة من \($0) شهراً؛ النوافذ المتتالية متداخلة، فالتغير من نقطة إلى التالية لا يعكس إلا الأشهر المختلفة" }),
        (#"some figures come from top-N lists: entities not listed are not zero, only not reported"#,
         { _ in "بعض الأرقام من قوائم الأوائل: الجهات غير المذكورة ليست صفراً، بل لم يُبلَّغ عنها" }),
    ]
}
