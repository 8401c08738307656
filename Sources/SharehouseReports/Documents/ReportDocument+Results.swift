public import Sharehouse

/// The library's query results as ``ReportDocument``s, worded in a language and written
/// in its digits. Codes, keys and citations' own titles stay as they are.
extension ReportDocument {
    /// How a text report is written: its language, its digits, and whether a person at
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

    /// A document of `style`'s language with `header` columns, about `context`, with its
    /// notes and citations.
    init(
        title: ReportLanguage.Phrase, context: QueryContext, columns: [TableRenderer.Column], style: Style,
        names: [String: String]
    ) {
        let language = style.language
        var about = [language.text(.aboutMeasure(context.measure))]
        if case .only(let source) = context.sourcePolicy { about.append(language.text(.aboutSourceOnly(source))) }
        if let asOf = context.asOf { about.append(language.text(.aboutAsOf(asOf))) }
        self.init(title: language.text(title), about: about, columns: columns, language: language)
        notes = context.notes.map { language.text($0, digits: style.digits, names: names) }
        citations = context.citations
    }

    /// Figures, titles and headers in the style's digits (periods too, in a text report).
    func inDigits(_ digits: DigitStyle) -> ReportDocument {
        guard digits != .western else { return self }
        var document = self
        document.title = digits.digits(in: title)
        document.rows = rows.map { $0.map(digits.digits(in:)) }
        document.columns = columns.map { column in
            var column = column
            column.title = digits.digits(in: column.title)
            return column
        }
        return document
    }

    public static func series(_ result: SeriesResult, style: Style, names: [String: String]) -> ReportDocument {
        let language = style.language
        var document = ReportDocument(
            title: .seriesTitle(names: result.entities.map { names[$0] ?? $0 }, length: result.periodLength),
            context: result.context,
            columns: [.left(language.header(.period))] + result.entities.map { .right($0) } + [.left(language.header(.source))],
            style: style, names: names)
        for period in Array(Set(result.points.map(\.period))).sorted() {
            let points = result.points.filter { $0.period == period }
            let citations = Array(Set(points.map(\.citation))).sorted()
            document.append(
                [period.description] + result.entities.map { code in points.first { $0.entity == code }?.value.description ?? "" }
                    + [citations.map { "[\($0)]" }.joined()], citation: citations.first)
        }
        if style.sparklines { document.appendTrend(result) }
        return document.inDigits(style.digits)
    }

    /// A last row with each entity's sparkline over its last 24 periods, all on one scale
    /// (the least to the greatest figure of the table): a share moving from 1.5 to 1.6 is
    /// drawn nearly flat next to one moving from 8 to 21, not at full height.
    private mutating func appendTrend(_ result: SeriesResult) {
        let periods = Array(Array(Set(result.points.map(\.period))).sorted().suffix(24))
        let values = result.entities.map { code in
            periods.map { period in result.points.first { $0.entity == code && $0.period == period }?.value.value }
        }
        let all = values.flatMap { $0.compactMap { $0 } }
        let lines = values.map { Sparkline.render($0, low: all.min(), high: all.max()) }
        append([language.header(.trend)] + lines + [""], citation: nil)
    }

    public static func compare(_ result: ComparisonResult, style: Style, names: [String: String]) -> ReportDocument {
        let language = style.language
        var document = ReportDocument(
            title: .compareTitle(from: result.from, fromCitation: result.fromCitation, to: result.to, toCitation: result.toCitation),
            context: result.context,
            columns: [
                .left(language.header(.entity)), .right(result.from.description), .right(result.to.description),
                .right(language.header(.change)), .right(language.header(.relative)), .right(language.header(.rank)),
                .right(language.header(.move)),
            ],
            style: style, names: names)
        let unit = result.context.measure.unit == .percent ? " pp" : ""
        for row in result.rows {
            let change = row.change.map { signed($0, decimals: row.decimals) + unit } ?? ""
            let relative = row.relativeChange.map { signed($0, decimals: 1) + "%" } ?? ""
            let ranks = "\(row.fromRank.map(String.init) ?? "–") → \(row.toRank.map(String.init) ?? "–")"
            let move = row.rankChange.map { $0 == 0 ? "=" : ($0 > 0 ? "▲\($0)" : "▼\(-$0)") } ?? ""
            document.append(
                [
                    label(row.entity, names), row.from?.description ?? "", row.to?.description ?? "", change, relative,
                    ranks, move,
                ], citation: result.toCitation)
        }
        return document.inDigits(style.digits)
    }

    public static func leaders(_ result: LeadersResult, style: Style, names: [String: String]) -> ReportDocument {
        let language = style.language
        let isPercent = result.context.measure.unit == .percent
        let unit = isPercent ? "%" : ""
        var document = ReportDocument(
            title: .leadersTitle(period: result.period, citation: result.citation), context: result.context,
            columns: [
                .right(language.header(.rank)), .left(language.header(.entity)),
                .right(language.header(isPercent ? .share : .value)),
            ],
            style: style, names: names)
        for row in result.rows {
            document.append([String(row.rank), label(row.entity, names), row.value.description + unit], citation: result.citation)
        }
        if let other = result.other {
            document.append(
                ["", language.text(.otherListed(count: result.otherCount)), other.description + unit],
                citation: result.citation)
        }
        if let notReported = result.notReported {
            document.append(
                ["", language.text(.notReported), notReported.description + unit],
                citation: result.citation)
        }
        return document.inDigits(style.digits)
    }

    /// The headline: the latest period's leaders, titled as the headline.
    public static func headline(_ result: LeadersResult, style: Style, names: [String: String]) -> ReportDocument {
        var document = leaders(result, style: style, names: names)
        document.title = style.language.text(.headline(document.title))
        return document
    }

    public static func crossovers(_ result: CrossoverResult, style: Style, names: [String: String]) -> ReportDocument {
        let language = style.language
        var document = ReportDocument(
            title: .crossoversTitle(names: result.entities.map { label($0, names) }, byVintage: result.byVintage),
            context: result.context,
            columns: [
                .left(language.header(.period)), .left(language.header(.what)), .right(language.header(.values)),
                .left(language.header(.per)),
            ],
            style: style, names: names)
        for crossing in result.crossings {
            document.append(
                [
                    crossing.period.description,
                    language.text(.passes(leader: crossing.leader, overtaken: crossing.overtaken, after: crossing.previousPeriod)),
                    language.text(.versus(crossing.leaderValue.description, crossing.overtakenValue.description)),
                    language.text(.snapshotPublished(crossing.publishedOn, citation: crossing.citation)),
                ],
                citation: crossing.citation)
        }
        return document.inDigits(style.digits)
    }

    public static func concentration(_ result: ConcentrationResult, style: Style, names: [String: String]) -> ReportDocument {
        let language = style.language
        var document = ReportDocument(
            title: .concentrationTitle, context: result.context,
            columns: [
                .left(language.header(.period)), .right("HHI"), .right("CR1"), .right("CR3"), .right("CR5"),
                .left(language.header(.leader)), .right(language.header(.count)), .left(language.header(.bound)),
                .left(language.header(.source)),
            ],
            style: style, names: names)
        for row in result.rows {
            let value = { (number: Double, decimals: Int) in PublishedValue(value: number, decimals: decimals).description }
            document.append(
                [
                    row.period.description, value(row.hhi, 2 * row.decimals), value(row.cr1, row.decimals),
                    value(row.cr3, row.decimals), value(row.cr5, row.decimals), row.leader, String(row.entities),
                    language.text(row.isLowerBound ? .lowerBound : .exact), "[\(row.citation)]",
                ], citation: row.citation)
        }
        return document.inDigits(style.digits)
    }

    public static func revisions(_ result: RevisionsResult, style: Style, names: [String: String]) -> ReportDocument {
        let language = style.language
        var document = ReportDocument(
            title: .revisionsTitle, context: result.context,
            columns: [
                .left(language.header(.period)), .left(language.header(.entity)), .right(language.header(.value)),
                .right(language.header(.change)), .left(language.header(.knownFrom)), .left(language.header(.until)),
                .left(language.header(.source)),
            ],
            style: style, names: names)
        for row in result.rows {
            let change = row.change.map { signed($0, decimals: row.value.decimals) } ?? (row.isNew ? language.text(.new) : "")
            document.append(
                [
                    row.period.description, label(row.entity, names), row.value.description, change,
                    row.knownFrom.description, row.knownTo?.description ?? language.text(.current), "[\(row.citation)]",
                ],
                citation: row.citation)
        }
        return document.inDigits(style.digits)
    }

    public static func crossSource(_ result: CrossSourceResult, style: Style, names: [String: String]) -> ReportDocument {
        let language = style.language
        var document = ReportDocument(
            title: language.text(.sourcesSideBySideTitle(result.period)),
            about: result.asOf.map { [language.text(.aboutAsOf($0))] } ?? [],
            columns: [.left(language.header(.entity))] + result.columns.indices.map { .right("(\($0 + 1))") },
            language: language)
        for row in result.rows {
            document.append([label(row.entity, names)] + row.values.map { $0?.description ?? "" }, citation: nil)
        }
        // Each column's source, measure and definition (the measures' own English words).
        document.notes =
            result.columns.enumerated().map { index, column in
                "(\(index + 1)) \(column.measure.key), \(column.source), \(column.period)\(column.isExactPeriod ? "" : " (overlapping)") [\(column.citation)]: "
                    + "\(column.measure.name); universe: \(column.measure.universe); attribution: \(column.measure.attribution)"
            } + result.notes.map { language.text($0, digits: style.digits, names: names) }
        document.citations = result.citations
        return document.inDigits(style.digits)
    }

    public static func groups(_ result: GroupResult, style: Style, names: [String: String]) -> ReportDocument {
        let language = style.language
        var document = ReportDocument(
            title: .groupTitle(name: names[result.group.code] ?? result.group.nameEnglish, code: result.group.code),
            context: result.context,
            columns: [
                .left(language.header(.period)), .right(language.header(.sum)), .right(language.header(.members)),
                .left(language.header(.withoutFigure)), .left(language.header(.source)),
            ],
            style: style, names: names)
        for row in result.rows {
            document.append(
                [
                    row.period.description, row.value.description, String(row.membersWithFigures.count),
                    row.membersWithout.count > 8
                        ? language.text(.members(count: row.membersWithout.count))
                        : row.membersWithout.joined(separator: " "),
                    "[\(row.citation)]",
                ], citation: row.citation)
        }
        return document.inDigits(style.digits)
    }

    static func label(_ code: String, _ names: [String: String]) -> String {
        guard let name = names[code], name != code else { return code }
        return "\(code) \(name)"
    }

    static func signed(_ value: Double, decimals: Int) -> String {
        let text = PublishedValue(value: abs(value), decimals: decimals).description
        if value > 0 { return "+" + text }
        if value < 0, text.contains(where: { $0 != "0" && $0 != "." }) { return "−" + text }
        return text
    }
}
