public import Sharehouse

/// Words around data in text reports: titles, what a report is about, the words of
/// cells. Each phrase carries its data and is worded once per language, in one `switch`
/// each; codes, keys and periods stay as written.
extension ReportLanguage {
    /// A phrase of a text report, with the data it words.
    public enum Phrase: Sendable {
        /// The headline section's title, with the headline's own title.
        case headline(String)
        /// The title of the leaders of a period, with its citation.
        case leadersTitle(period: Period, citation: Int)
        /// The title of a series of entities, with its period length.
        case seriesTitle(names: [String], length: PeriodLength)
        /// The title of a comparison of two periods, each with its citation.
        case compareTitle(from: Period, fromCitation: Int, to: Period, toCitation: Int)
        /// The title of the crossovers of entities, vintage by vintage or not.
        case crossoversTitle(names: [String], byVintage: Bool)
        /// The title of the concentration report.
        case concentrationTitle
        /// The title of the revisions report.
        case revisionsTitle
        /// The title of the changes report ("What changed").
        case changesTitle
        /// The title of who is behind an entity in a period, with its citation.
        case contributorsTitle(entity: String, period: Period, citation: Int)
        /// The entity's figure, its downloads of all, and the derivation behind it.
        case contributorsAbout(
            entity: String, figure: String, downloads: String, total: String, method: String, listing: Int64, version: Int64?)
        /// "The largest N of M organisations".
        case contributorsShown(shown: Int, of: Int)
        /// "N others": the organisations beyond the top, summed.
        case contributorsOthers(count: Int)
        /// base-model: an organisation is the publisher of the root base models.
        case contributorsByRootBase
        /// The latest snapshot of a measure and source, which `report changes` reads.
        case aboutLatestSnapshot(measure: String, source: String, snapshot: Int64, publishedOn: CalendarDate)
        /// An earlier vintage of the same period, by its publication date.
        case vintageOf(CalendarDate)
        /// Restated periods left out of `report changes` since nothing in them changed.
        case unchangedPeriods(count: Int)
        /// Said of an entity listed before, not now.
        case dropped
        /// The first figures of a measure and source, with nothing to compare them with.
        case first
        /// The title of the sources side by side for a period.
        case sourcesSideBySideTitle(Period)
        /// The title of a group, with its code, derived from its members.
        case groupTitle(name: String, code: String)
        /// What a report is about: a measure, its key, name and unit.
        case aboutMeasure(Measure)
        /// What a report is about: one source only.
        case aboutSourceOnly(String)
        /// What a report is about: the figures as known on a day.
        case aboutAsOf(CalendarDate)
        /// The row of the other listed entities, with their number.
        case otherListed(count: Int)
        /// One entity passes another, after a period.
        case passes(leader: String, overtaken: String, after: Period)
        /// Two values side by side ("a vs b").
        case versus(String, String)
        /// When a snapshot was published.
        case snapshotPublished(CalendarDate)
        /// A column of `report sources`: its number, source, measure and period.
        case sourceColumn(index: Int, source: String, measure: Measure, period: Period, overlapping: Bool)
        /// After a change in percentage points.
        case points
        /// Who leads, with what, in which period, by how much over whom, by which measure.
        /// The parts come written (figures in their digits, marked up for a page).
        case leads(leader: String, share: String, period: String, measure: String, runnerUp: RunnerUp?)
        /// Who says so: the source cited and the sources it relays.
        case says(publisher: String, relays: [String])
        /// Said of a figure that is a lower bound.
        case lowerBound
        /// Said of a figure that is exact.
        case exact
        /// Said of an entity that is new.
        case new
        /// Said of a figure still current.
        case current
        /// A vintage that corrects the one before it (same publication, other figures).
        case correction
        /// A vintage replaced by a correction of the same publication.
        case correctedBy(snapshot: Int64)
        /// A number of members.
        case members(count: Int)
    }

    /// The second of a ranking in a headline: its name, its share, and the gap in points.
    public struct RunnerUp: Sendable {
        /// The runner-up's name, written.
        public var name: String
        /// The runner-up's share, written.
        public var share: String
        /// The gap in points between the leader and the runner-up, written.
        public var gap: String

        /// A runner-up from its parts, written.
        public init(name: String, share: String, gap: String) {
            self.name = name
            self.share = share
            self.gap = gap
        }
    }

    /// `phrase` in this language, its counts and citation numbers in `digits` (periods,
    /// dates and keys stay as written).
    public func text(_ phrase: Phrase, digits: DigitStyle = .western) -> String {
        switch self {
        case .english: Self.english(phrase, digits: digits)
        case .arabic: Self.arabic(phrase, digits: digits)
        }
    }

    private static func english(_ phrase: Phrase, digits: DigitStyle) -> String {
        func n(_ number: Int) -> String { digits.format(Double(number), decimals: 0) }
        return switch phrase {
        case .headline(let title): "Headline: \(title)"
        case .leadersTitle(let period, let citation): "Leaders, \(period) [\(n(citation))]"
        case .seriesTitle(let names, let length): "Series: \(names.joined(separator: ", ")) (periods of \(length))"
        case .compareTitle(let from, let fromCitation, let to, let toCitation):
            "Compare \(from) [\(n(fromCitation))] with \(to) [\(n(toCitation))]"
        case .crossoversTitle(let names, let byVintage):
            "Crossovers: \(names.joined(separator: " and "))" + (byVintage ? ", vintage by vintage" : "")
        case .concentrationTitle: "Concentration"
        case .revisionsTitle: "Revisions"
        case .changesTitle: "What changed"
        case .contributorsTitle(let entity, let period, let citation): "Who is behind \(entity), \(period) [\(n(citation))]"
        case .contributorsAbout(let entity, let figure, let downloads, let total, let method, let listing, let version):
            "\(entity): \(figure)% of downloads (\(downloads) of \(total)), method \(method), listing \(n(Int(listing)))"
                + (version.map { ", attribution table version \(n(Int($0)))" } ?? "")
        case .contributorsShown(let shown, let of): "the largest \(n(shown)) of \(n(of)) organisations"
        case .contributorsOthers(let count): "\(n(count)) other organisation\(count == 1 ? "" : "s")"
        case .contributorsByRootBase:
            "base-model: each organisation is the publisher of the root base models, its models those counted for it"
        case .aboutLatestSnapshot(let measure, let source, let snapshot, let publishedOn):
            "\(measure) from \(source): snapshot \(n(Int(snapshot))), published \(publishedOn)"
        case .vintageOf(let date): "vintage of \(date)"
        case .unchangedPeriods(let count):
            count == 1 ? "1 restated period is unchanged and not shown" : "\(n(count)) restated periods are unchanged and not shown"
        case .dropped: "dropped"
        case .first: "first"
        case .sourcesSideBySideTitle(let period): "Sources side by side, \(period)"
        case .groupTitle(let name, let code): "\(name) (\(code)), derived from its members"
        case .aboutMeasure(let measure): "measure: \(measure.key): \(measure.name) (\(measure.unit.rawValue))"
        case .aboutSourceOnly(let source): "source: \(source) only"
        case .aboutAsOf(let date): "as known on \(date)"
        case .otherListed(let count): "other listed (\(n(count)))"
        case .passes(let leader, let overtaken, let after): "\(leader) passes \(overtaken) (after \(after))"
        case .versus(let a, let b): "\(a) vs \(b)"
        case .snapshotPublished(let date): "snapshot published \(date)"
        case .sourceColumn(let index, let source, let measure, let period, let overlapping):
            "(\(n(index))) \(measure.key), \(source), \(period)\(overlapping ? " (overlapping)" : ""): "
                + "\(measure.name); universe: \(measure.universe); attribution: \(measure.attribution)"
        case .points: " pp"
        case .leads(let leader, let share, let period, let measure, let runnerUp):
            if let runnerUp {
                "\(leader) leads with \(share) in \(period), \(runnerUp.gap) points ahead of \(runnerUp.name) (\(runnerUp.share)), "
                    + "by the measure “\(measure)”"
            } else {
                "\(leader) leads with \(share) in \(period), by the measure “\(measure)”"
            }
        case .says(let publisher, let relays):
            "says \(publisher)" + (relays.isEmpty ? "" : ", relaying " + relays.joined(separator: " and "))
        case .lowerBound: "≥ (lower bound)"
        case .exact: "exact"
        case .new: "new"
        case .current: "current"
        case .correction: "correction"
        case .correctedBy(let snapshot): "corrected by snapshot \(n(Int(snapshot)))"
        case .members(let count): "\(n(count)) members"
        }
    }

    private static func arabic(_ phrase: Phrase, digits: DigitStyle) -> String {
        func n(_ number: Int) -> String { digits.format(Double(number), decimals: 0) }
        return switch phrase {
        case .headline(let title): "الخلاصة: \(title)"
        case .leadersTitle(let period, let citation): "المتصدرون، \(period) [\(n(citation))]"
        case .seriesTitle(let names, let length):
            "السلسلة: \(names.joined(separator: "، ")) (فترات من \(ReportLanguage.arabic.periodLength(length, digits: digits)))"
        case .compareTitle(let from, let fromCitation, let to, let toCitation):
            "مقارنة \(from) [\(n(fromCitation))] مع \(to) [\(n(toCitation))]"
        case .crossoversTitle(let names, let byVintage):
            "تبادل المراكز: \(names.joined(separator: " و"))" + (byVintage ? "، إصداراً بإصدار" : "")
        case .concentrationTitle: "التركّز"
        case .revisionsTitle: "المراجعات"
        case .changesTitle: "ما الذي تغيّر"
        case .contributorsTitle(let entity, let period, let citation):
            "مَن وراء \(entity)، \(BidiText.leftToRight(period.description)) [\(n(citation))]"
        case .contributorsAbout(let entity, let figure, let downloads, let total, let method, let listing, let version):
            "\(entity): \(figure)٪ من التنزيلات (\(downloads) من \(total))، الطريقة \(BidiText.leftToRight(method))، القائمة \(n(Int(listing)))"
                + (version.map { "، جدول الإسناد الإصدار \(n(Int($0)))" } ?? "")
        case .contributorsShown(let shown, let of): "أكبر \(n(shown)) من \(n(of)) جهة"
        case .contributorsOthers(let count): "\(n(count)) جهة أخرى"
        case .contributorsByRootBase: "طريقة النموذج الأساس: كل جهة هي ناشرة النماذج الأساسية الجذرية، ونماذجها ما حُسب لها"
        case .aboutLatestSnapshot(let measure, let source, let snapshot, let publishedOn):
            "\(BidiText.leftToRight(measure)) من \(BidiText.leftToRight(source)): اللقطة \(n(Int(snapshot)))، نُشرت في \(BidiText.leftToRight(publishedOn.description))"
        case .vintageOf(let date): "إصدار \(BidiText.leftToRight(date.description))"
        case .unchangedPeriods(let count): "\(n(count)) من الفترات المعاد نشرها لم تتغير ولم تُعرض"
        case .dropped: "خرج"
        case .first: "أول نشر"
        case .sourcesSideBySideTitle(let period): "المصادر جنباً إلى جنب، \(period)"
        case .groupTitle(let name, let code): "\(name) (\(code))، مشتقة من أعضائها"
        case .aboutMeasure(let measure):
            "المقياس: \(measure.key): \(measure.name) (\(measure.unit == .percent ? "نسبة مئوية" : "عدد"))"
        case .aboutSourceOnly(let source): "المصدر: \(source) وحده"
        case .aboutAsOf(let date): "كما عُرف في \(date)"
        case .otherListed(let count): "آخرون مذكورون (\(n(count)))"
        case .passes(let leader, let overtaken, let after): "\(leader) تتجاوز \(overtaken) (بعد \(after))"
        case .versus(let a, let b): "\(a) مقابل \(b)"
        case .snapshotPublished(let date): "لقطة نُشرت في \(BidiText.leftToRight(date.description))"
        case .sourceColumn(let index, let source, let measure, let period, let overlapping):
            "(\(n(index))) \(BidiText.leftToRight(measure.key))، \(BidiText.leftToRight(source))، \(BidiText.leftToRight(period.description))"
                + "\(overlapping ? " (متداخلة)" : ""): \(BidiText.leftToRight(measure.name))؛ النطاق: \(BidiText.leftToRight(measure.universe))؛ "
                + "الإسناد: \(BidiText.leftToRight(measure.attribution))"
        case .points: " نقطة"
        case .leads(let leader, let share, let period, let measure, let runnerUp):
            if let runnerUp {
                "تتصدر \(leader) بحصة \(share) في \(period)، متقدمةً بفارق \(runnerUp.gap) نقطة على \(runnerUp.name) (\(runnerUp.share))، "
                    + "حسب مقياس «\(measure)»"
            } else {
                "تتصدر \(leader) بحصة \(share) في \(period) حسب مقياس «\(measure)»"
            }
        case .says(let publisher, let relays):
            "وفق \(publisher)" + (relays.isEmpty ? "" : "، نقلًا عن " + relays.joined(separator: " و"))
        case .lowerBound: "≥ (حد أدنى)"
        case .exact: "دقيق"
        case .new: "جديد"
        case .current: "حالي"
        case .correction: "تصحيح"
        case .correctedBy(let snapshot): "صُحِّح باللقطة \(digits.format(Double(snapshot), decimals: 0))"
        case .members(let count): "\(n(count)) عضواً"
        }
    }
}
