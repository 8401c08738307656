import Sharehouse

/// The library's query results as ``ReportDocument``s.
enum ReportDocuments {
    static func about(_ context: QueryContext) -> [String] {
        var lines = ["measure: \(context.measure.key): \(context.measure.name) (\(context.measure.unit.rawValue))"]
        if case .only(let source) = context.sourcePolicy { lines.append("source: \(source) only") }
        if let asOf = context.asOf { lines.append("as known on \(asOf)") }
        return lines
    }

    static func series(_ result: SeriesResult, names: [String: String]) -> ReportDocument {
        var document = ReportDocument(
            title: "Series: \(result.entities.map { names[$0] ?? $0 }.joined(separator: ", ")) (periods of \(result.periodLength))",
            about: about(result.context),
            columns: [.left("PERIOD")] + result.entities.map { .right($0) } + [.left("SRC")])
        for period in Array(Set(result.points.map(\.period))).sorted() {
            let points = result.points.filter { $0.period == period }
            let citations = Array(Set(points.map(\.citation))).sorted()
            document.append([period.description] + result.entities.map { code in points.first { $0.entity == code }?.value.description ?? "" }
                            + [citations.map { "[\($0)]" }.joined()], citation: citations.first)
        }
        document.notes = result.context.notes
        document.citations = result.context.citations
        return document
    }

    /// A last row with each entity's sparkline over its last 24 periods, all on one scale
    /// (the least to the greatest figure of the table): a share moving from 1.5 to 1.6 is
    /// drawn nearly flat next to one moving from 8 to 21, not at full height.
    static func appendTrend(_ result: SeriesResult, to document: inout ReportDocument) {
        let periods = Array(Array(Set(result.points.map(\.period))).sorted().suffix(24))
        let values = result.entities.map { code in
            periods.map { period in result.points.first { $0.entity == code && $0.period == period }?.value.value }
        }
        let all = values.flatMap { $0.compactMap { $0 } }
        let lines = values.map { Sparkline.render($0, low: all.min(), high: all.max()) }
        document.append(["TREND"] + lines + [""], citation: nil)
    }

    static func compare(_ result: ComparisonResult, names: [String: String]) -> ReportDocument {
        var document = ReportDocument(
            title: "Compare \(result.from) [\(result.fromCitation)] with \(result.to) [\(result.toCitation)]",
            about: about(result.context),
            columns: [.left("ENTITY"), .right(result.from.description), .right(result.to.description), .right("CHANGE"),
                      .right("REL"), .right("RANK"), .right("MOVE")])
        let unit = result.context.measure.unit == .percent ? " pp" : ""
        for row in result.rows {
            let change = row.change.map { signed($0, decimals: row.decimals) + unit } ?? ""
            let relative = row.relativeChange.map { signed($0, decimals: 1) + "%" } ?? ""
            let ranks = "\(row.fromRank.map(String.init) ?? "–") → \(row.toRank.map(String.init) ?? "–")"
            let move = row.rankChange.map { $0 == 0 ? "=" : ($0 > 0 ? "▲\($0)" : "▼\(-$0)") } ?? ""
            document.append([label(row.entity, names), row.from?.description ?? "", row.to?.description ?? "", change, relative,
                             ranks, move], citation: result.toCitation)
        }
        document.notes = result.context.notes
        document.citations = result.context.citations
        return document
    }

    static func leaders(_ result: LeadersResult, names: [String: String]) -> ReportDocument {
        let unit = result.context.measure.unit == .percent ? "%" : ""
        var document = ReportDocument(
            title: "Leaders, \(result.period) [\(result.citation)]", about: about(result.context),
            columns: [.right("RANK"), .left("ENTITY"), .right(result.context.measure.unit == .percent ? "SHARE" : "VALUE")])
        for row in result.rows {
            document.append([String(row.rank), label(row.entity, names), row.value.description + unit], citation: result.citation)
        }
        if let other = result.other {
            document.append(["", "other listed (\(result.otherCount))", other.description + unit], citation: result.citation)
        }
        if let notReported = result.notReported {
            document.append(["", "not broken down by the source", notReported.description + unit], citation: result.citation)
        }
        document.notes = result.context.notes
        document.citations = result.context.citations
        return document
    }

    static func crossovers(_ result: CrossoverResult, names: [String: String]) -> ReportDocument {
        var document = ReportDocument(
            title: "Crossovers: \(result.entities.map { label($0, names) }.joined(separator: " and "))"
                + (result.byVintage ? ", vintage by vintage" : ""),
            about: about(result.context),
            columns: [.left("PERIOD"), .left("WHAT"), .right("VALUES"), .left("PER")])
        for crossing in result.crossings {
            document.append([crossing.period.description,
                             "\(crossing.leader) passes \(crossing.overtaken) (after \(crossing.previousPeriod))",
                             "\(crossing.leaderValue) vs \(crossing.overtakenValue)",
                             "snapshot published \(crossing.publishedOn) [\(crossing.citation)]"], citation: crossing.citation)
        }
        document.notes = result.context.notes
        document.citations = result.context.citations
        return document
    }

    static func concentration(_ result: ConcentrationResult) -> ReportDocument {
        var document = ReportDocument(
            title: "Concentration", about: about(result.context),
            columns: [.left("PERIOD"), .right("HHI"), .right("CR1"), .right("CR3"), .right("CR5"), .left("LEADER"),
                      .right("N"), .left("BOUND"), .left("SRC")])
        for row in result.rows {
            let value = { (number: Double, decimals: Int) in PublishedValue(value: number, decimals: decimals).description }
            document.append([row.period.description, value(row.hhi, 2 * row.decimals), value(row.cr1, row.decimals),
                             value(row.cr3, row.decimals), value(row.cr5, row.decimals), row.leader, String(row.entities),
                             row.isLowerBound ? "≥ (lower bound)" : "exact", "[\(row.citation)]"], citation: row.citation)
        }
        document.notes = result.context.notes
        document.citations = result.context.citations
        return document
    }

    static func revisions(_ result: RevisionsResult, names: [String: String]) -> ReportDocument {
        var document = ReportDocument(
            title: "Revisions", about: about(result.context),
            columns: [.left("PERIOD"), .left("ENTITY"), .right("VALUE"), .right("CHANGE"), .left("KNOWN FROM"), .left("UNTIL"),
                      .left("SRC")])
        for row in result.rows {
            let change = row.change.map { signed($0, decimals: row.value.decimals) } ?? (row.isNew ? "new" : "")
            document.append([row.period.description, label(row.entity, names), row.value.description, change,
                             row.knownFrom.description, row.knownTo?.description ?? "current", "[\(row.citation)]"],
                            citation: row.citation)
        }
        document.notes = result.context.notes
        document.citations = result.context.citations
        return document
    }

    static func crossSource(_ result: CrossSourceResult, names: [String: String]) -> ReportDocument {
        var document = ReportDocument(
            title: "Sources side by side, \(result.period)",
            about: result.asOf.map { ["as known on \($0)"] } ?? [],
            columns: [.left("ENTITY")] + result.columns.enumerated().map { index, _ in .right("(\(index + 1))") })
        for row in result.rows {
            document.append([label(row.entity, names)] + row.values.map { $0?.description ?? "" }, citation: nil)
        }
        var notes = result.columns.enumerated().map { index, column in
            "(\(index + 1)) \(column.measure.key), \(column.source), \(column.period)\(column.isExactPeriod ? "" : " (overlapping)") [\(column.citation)]: "
                + "\(column.measure.name); universe: \(column.measure.universe); attribution: \(column.measure.attribution)"
        }
        notes += result.notes
        document.notes = notes
        document.citations = result.citations
        return document
    }

    static func groups(_ result: GroupResult) -> ReportDocument {
        var document = ReportDocument(
            title: "\(result.group.nameEnglish) (\(result.group.code)), derived from its members", about: about(result.context),
            columns: [.left("PERIOD"), .right("SUM"), .right("MEMBERS"), .left("WITHOUT A FIGURE"), .left("SRC")])
        for row in result.rows {
            document.append([row.period.description, row.value.description, String(row.membersWithFigures.count),
                             row.membersWithout.count > 8 ? "\(row.membersWithout.count) members" : row.membersWithout.joined(separator: " "),
                             "[\(row.citation)]"], citation: row.citation)
        }
        document.notes = result.context.notes
        document.citations = result.context.citations
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
