public import Sharehouse

/// Each ``/Sharehouse/ReportNote`` in each language: one `switch` per language, so a note without
/// its Arabic words does not compile. Figures in the chosen digits; periods stay as
/// written (ISO, Western digits), isolated left to right after Arabic words.
extension ReportLanguage {
    /// `note` in this language. `names` gives entity names by code (else the code).
    public func text(_ note: ReportNote, digits: DigitStyle = .western, names: [String: String] = [:]) -> String {
        switch self {
        case .english: Self.english(note, names: names)
        case .arabic: Self.arabic(note, digits: digits, names: names)
        }
    }

    private static func english(_ note: ReportNote, names: [String: String]) -> String {
        switch note {
        case .topEntitiesOnly(let rest):
            "the source lists only its top entities: \(rest.map { "\($0)%" } ?? "the rest") is not broken down"
        case .tieAtCut(let rank):
            "a tie at rank \(rank) keeps every tied entity"
        case .topNListsIncluded:
            "some figures come from top-N lists: entities not listed are not zero, only not reported"
        case .periodsOverlap(let shared):
            "the periods overlap (\(shared), \(shared.months.map { "\($0) months" } ?? "\(shared.days) days")): "
                + "the change reflects only the part of each window the other does not share"
        case .periodLengthsDiffer(let a, let b):
            "the periods differ in length (\(a) and \(b))"
        case .sourcesDiffer(let a, let b):
            "the two periods come from different sources (\(a), \(b)) of the same measure"
        case .concentrationLowerBound:
            "where the source lists only its top entities (or its shares sum to less than 100), "
                + "HHI and CR are lower bounds: the shares not listed would add to them"
        case .measuresSideBySide(let count):
            "\(count) measures: a column counts what its measure counts; never read across measures as one series"
        case .columnsOnlyOverlap(let period):
            "columns marked with their own period only overlap \(period)"
        case .noCrossing(let a, let b):
            "\(a) and \(b) do not change places in these periods"
        case .derivedFromMembers(let group):
            "derived: \(names[group] ?? group) is the sum of its members' figures; "
                + "members the source does not list count as nothing, so the sum is a lower bound"
        case .otherLengthsLeftOut(let count, let lengths):
            "\(count) period(s) of another length (\(lengths.map(\.description).joined(separator: ", "))) are left out: "
                + "a series keeps to one length"
        case .overlappingWindows(let months):
            "each point is a window of \(months) months; consecutive windows overlap, "
                + "so a change from one to the next reflects only the months that differ"
        case .sourceChosen(let choice, let publisher):
            "from \(publisher) (\(choice.source)): \(choice.entities) entities, " + englishReason(choice)
        }
    }

    private static func arabic(_ note: ReportNote, digits: DigitStyle, names: [String: String]) -> String {
        func number(_ n: Int) -> String { digits.format(Double(n), decimals: 0) }
        func period(_ p: Period) -> String { BidiText.leftToRight(p.description) }
        func name(_ code: String) -> String { names[code] ?? code }
        switch note {
        case .topEntitiesOnly(let rest):
            return rest.map { "لا يذكر المصدر إلا أبرز الجهات: \(digits.percent($0.value, decimals: $0.decimals)) منها غير مفصّلة" }
                ?? "لا يذكر المصدر إلا أبرز الجهات: الباقي غير مفصّل"
        case .tieAtCut(let rank):
            return "تعادلٌ عند المرتبة \(number(rank)): تبقى كل الجهات المتعادلة"
        case .topNListsIncluded:
            return "بعض الأرقام من قوائم الأوائل: الجهات غير المذكورة ليست صفراً، بل لم يُبلَّغ عنها"
        case .periodsOverlap(let shared):
            let length = ReportLanguage.arabic.periodLength(PeriodLength(shared), digits: digits)
            return "الفترتان متداخلتان (\(period(shared))، \(length)): التغير لا يعكس إلا ما لا تشترك فيه النافذتان"
        case .periodLengthsDiffer(let a, let b):
            return
                "الفترتان مختلفتان في الطول (\(ReportLanguage.arabic.periodLength(a, digits: digits)) و\(ReportLanguage.arabic.periodLength(b, digits: digits)))"
        case .sourcesDiffer(let a, let b):
            return "الفترتان من مصدرين مختلفين (\(BidiText.leftToRight(a))، \(BidiText.leftToRight(b))) للمقياس نفسه"
        case .concentrationLowerBound:
            return "حيث لا يذكر المصدر إلا أبرز الجهات (أو لا تبلغ حصصه مجموع \(number(100)))، يكون مؤشرا HHI وCR حدّاً أدنى: "
                + "الحصص غير المذكورة تزيدهما"
        case .measuresSideBySide(let count):
            return "\(number(count)) مقاييس: كل عمود يعدّ ما يعدّه مقياسه؛ لا تقرأ عبر المقاييس كأنها سلسلة واحدة"
        case .columnsOnlyOverlap(let target):
            return "الأعمدة المعلَّمة بفترتها الخاصة لا تطابق \(period(target)) بل تتداخل معها فقط"
        case .noCrossing(let a, let b):
            return "لا تتبادل \(name(a)) و\(name(b)) المراكز في هذه الفترات"
        case .derivedFromMembers(let group):
            return "مشتق: \(name(group)) مجموع أرقام أعضائه؛ الأعضاء الذين لا يذكرهم المصدر لا يُحسبون، فالمجموع حدّ أدنى"
        case .otherLengthsLeftOut(let count, let lengths):
            let list = lengths.map { ReportLanguage.arabic.periodLength($0, digits: digits) }.joined(separator: "، ")
            return "تُركت \(number(count)) فترة بطول آخر (\(list)): السلسلة تلتزم بطول واحد"
        case .overlappingWindows(let months):
            return
                "كل نقطة نافذة من \(number(months)) شهراً؛ النوافذ المتتالية متداخلة، فالتغير من نقطة إلى التالية لا يعكس إلا الأشهر المختلفة"
        case .sourceChosen(let choice, let publisher):
            let others = number(choice.sources)
            let why =
                switch choice.reason {
                case .onlySource: "المصدر الوحيد لهذه الفترة"
                case .listsMembers: "المصدر الذي يذكر أعضاء المجموعة بين \(others) مصادر لهذه الفترة"
                case .mostEntities: "الأكمل بين \(others) مصادر لهذه الفترة"
                case .betterVerification: "بقدر التالي بين \(others) مصادر، وأوثق تحققاً"
                case .fewerRelays: "بقدر التالي بين \(others) مصادر، وأقرب إلى الدراسة"
                case .laterPublication: "بقدر التالي بين \(others) مصادر، وأحدث نشراً"
                case .sourceKey: "بقدر التالي بين \(others) مصادر، والأول بالمفتاح"
                }
            return "من \(BidiText.leftToRight(publisher)) (\(BidiText.leftToRight(choice.source))): \(number(choice.entities)) جهات، \(why)"
        }
    }

    private static func englishReason(_ choice: SourceChoice) -> String {
        switch choice.reason {
        case .onlySource: "the only source for this period"
        case .listsMembers: "the source of \(choice.sources) for this period that lists members of the group"
        case .mostEntities: "the fullest of \(choice.sources) sources for this period"
        case .betterVerification: "as many as the next of \(choice.sources) sources, and better verified"
        case .fewerRelays: "as many as the next of \(choice.sources) sources, and fewer relays from the study"
        case .laterPublication: "as many as the next of \(choice.sources) sources, and published later"
        case .sourceKey: "as many as the next of \(choice.sources) sources, and first by key"
        }
    }
}
