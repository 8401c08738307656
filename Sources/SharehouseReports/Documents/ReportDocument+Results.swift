public import Sharehouse

/// The library's query results as ``ReportDocument``s, worded in a language. Figures are
/// figure cells (shown in the style's digits), citations citation cells; codes, keys,
/// periods and citations' own titles stay as they are.
extension ReportDocument {
    /// A document of `style`'s language with `columns`, about `context`, with its notes
    /// and citations.
    init(
        title: ReportLanguage.Phrase, context: QueryContext, columns: [TableRenderer.Column], style: Style,
        names: [String: String]
    ) {
        let language = style.language
        var about = [language.text(.aboutMeasure(context.measure))]
        if case .only(let source) = context.sourcePolicy { about.append(language.text(.aboutSourceOnly(source))) }
        if let asOf = context.asOf { about.append(language.text(.aboutAsOf(asOf))) }
        self.init(
            title: language.text(title, digits: style.digits), about: about, columns: columns, language: language, digits: style.digits)
        notes = context.notes.map { Note(language.text($0, digits: style.digits, names: names)) }
        citations = context.citations
    }

    /// A series as people read it: entities down, periods across.
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
            let values = result.entities.map { code in Cell.figure(points.first { $0.entity == code }?.value.description ?? "") }
            document.append([.text(period.description)] + values + [.citations(citations)], citation: citations.first)
        }
        if style.sparklines { document.appendTrend(result) }
        return document
    }

    /// A last row with each entity's sparkline over its last periods, all on one scale
    /// (the least to the greatest figure of the table): a share moving from 1.5 to 1.6 is
    /// drawn nearly flat next to one moving from 8 to 21, not at full height. At most 24
    /// periods, fewer when the row would widen the table past 80 columns; none when even
    /// 6 would.
    private mutating func appendTrend(_ result: SeriesResult) {
        for count in stride(from: 24, through: 6, by: -6) {
            var candidate = self
            candidate.appendTrend(result, periods: count)
            var table = TableRenderer(candidate.columns)
            for row in candidate.rows { table.append(row.map(candidate.text)) }
            if table.width <= 80 {
                self = candidate
                return
            }
        }
    }

    private mutating func appendTrend(_ result: SeriesResult, periods count: Int) {
        let periods = Array(Array(Set(result.points.map(\.period))).sorted().suffix(count))
        let values = result.entities.map { code in
            periods.map { period in result.points.first { $0.entity == code && $0.period == period }?.value.value }
        }
        let all = values.flatMap { $0.compactMap { $0 } }
        let lines = values.map { Cell.text(Sparkline.render($0, low: all.min(), high: all.max())) }
        append([.text(language.header(.trend))] + lines + [.text("")], citation: nil)
    }

    /// A comparison as people read it.
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
        let unit = result.context.measure.unit == .percent ? language.text(.points) : ""
        for row in result.rows {
            let change = row.change.map { signed($0, decimals: row.decimals) + unit } ?? ""
            let relative = row.relativeChange.map { signed($0, decimals: 1) + "%" } ?? ""
            let ranks = "\(row.fromRank.map(String.init) ?? "–") → \(row.toRank.map(String.init) ?? "–")"
            let move = row.rankChange.map { $0 == 0 ? "=" : ($0 > 0 ? "▲\($0)" : "▼\(-$0)") } ?? ""
            document.append(
                [
                    .text(label(row.entity, names)), .figure(row.from?.description ?? ""), .figure(row.to?.description ?? ""),
                    .figure(change), .figure(relative), .figure(ranks), .figure(move),
                ], citation: result.toCitation)
        }
        return document
    }

    /// The leaders as people read them.
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
            document.append(
                [.figure(String(row.rank)), .text(label(row.entity, names)), .figure(row.value.description + unit)],
                citation: result.citation)
        }
        if let other = result.other {
            document.append(
                [
                    .text(""), .text(language.text(.otherListed(count: result.otherCount), digits: style.digits)),
                    .figure(other.description + unit),
                ],
                citation: result.citation)
        }
        if let notReported = result.notReported {
            document.append(
                [.text(""), .text(language.text(.notReported)), .figure(notReported.description + unit)], citation: result.citation)
        }
        return document
    }

    /// The headline: the latest period's leaders, titled as the headline.
    public static func headline(_ result: LeadersResult, style: Style, names: [String: String]) -> ReportDocument {
        var document = leaders(result, style: style, names: names)
        document.title = style.language.text(.headline(document.title))
        document.lead = style.language.headline(result, names: { names[$0] ?? $0 }, digits: style.digits, markup: .plain)
        return document
    }

    /// Crossovers as people read them.
    public static func crossovers(_ result: CrossoverResult, style: Style, names: [String: String]) -> ReportDocument {
        let language = style.language
        var document = ReportDocument(
            title: .crossoversTitle(names: result.entities.map { label($0, names) }, byVintage: result.byVintage),
            context: result.context,
            columns: [
                .left(language.header(.period)), .left(language.header(.what)), .right(language.header(.values)),
                .left(language.header(.per)), .left(language.header(.source)),
            ],
            style: style, names: names)
        for crossing in result.crossings {
            document.append(
                [
                    .text(crossing.period.description),
                    .text(language.text(.passes(leader: crossing.leader, overtaken: crossing.overtaken, after: crossing.previousPeriod))),
                    .figure(language.text(.versus(crossing.leaderValue.description, crossing.overtakenValue.description))),
                    .text(language.text(.snapshotPublished(crossing.publishedOn))), .citations([crossing.citation]),
                ],
                citation: crossing.citation)
        }
        return document
    }

    /// Concentration as people read it.
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
            let value = { (number: Double, decimals: Int) in Cell.figure(PublishedValue(value: number, decimals: decimals).description) }
            document.append(
                [
                    .text(row.period.description), value(row.hhi, 2 * row.decimals), value(row.cr1, row.decimals),
                    value(row.cr3, row.decimals), value(row.cr5, row.decimals), .text(row.leader), .figure(String(row.entities)),
                    .text(language.text(row.isLowerBound ? .lowerBound : .exact)), .citations([row.citation]),
                ], citation: row.citation)
        }
        return document
    }

    /// Revisions as people read them.
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
            let change =
                row.change.map { Cell.figure(signed($0, decimals: row.value.decimals)) }
                ?? .text(row.isNew ? language.text(.new) : "")
            document.append(
                [
                    .text(row.period.description), .text(label(row.entity, names)), .figure(row.value.description), change,
                    .text(row.knownFrom.description + (row.corrects == nil ? "" : " (\(language.text(.correction)))")),
                    .text(
                        row.correctedBy.map { language.text(.correctedBy(snapshot: $0), digits: style.digits) }
                            ?? row.knownTo?.description ?? language.text(.current)),
                    .citations([row.citation]),
                ],
                citation: row.citation)
        }
        return document
    }

    /// The sources side by side as people read them.
    public static func crossSource(_ result: CrossSourceResult, style: Style, names: [String: String]) -> ReportDocument {
        let language = style.language
        var document = ReportDocument(
            title: language.text(.sourcesSideBySideTitle(result.period)),
            about: result.asOf.map { [language.text(.aboutAsOf($0))] } ?? [],
            columns: [.left(language.header(.entity))]
                + result.columns.indices.map { .right("(\(style.digits.format(Double($0 + 1), decimals: 0)))") },
            language: language, digits: style.digits)
        for row in result.rows {
            document.append([.text(label(row.entity, names))] + row.values.map { Cell.figure($0?.description ?? "") }, citation: nil)
        }
        // Each column's source, measure and definition, with its citation.
        document.notes =
            result.columns.enumerated().map { index, column in
                Note(
                    language.text(
                        .sourceColumn(
                            index: index + 1, source: column.source, measure: column.measure, period: column.period,
                            overlapping: !column.isExactPeriod), digits: style.digits),
                    citation: column.citation)
            } + result.notes.map { Note(language.text($0, digits: style.digits, names: names)) }
        document.citations = result.citations
        return document
    }

    /// A group's shares as people read them.
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
            let without =
                row.membersWithout.count > 8
                ? language.text(.members(count: row.membersWithout.count), digits: style.digits)
                : row.membersWithout.joined(separator: " ")
            document.append(
                [
                    .text(row.period.description), .figure(row.value.description), .figure(String(row.membersWithFigures.count)),
                    .text(without), .citations([row.citation]),
                ], citation: row.citation)
        }
        return document
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
