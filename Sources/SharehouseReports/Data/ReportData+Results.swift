public import Sharehouse

/// The library's query results as ``ReportData``: one row per entity and period, codes
/// and names apart, figures as published, changes and ranks as numbers in named columns,
/// each row with its measure, unit and citation (number and text), so that a row read
/// alone still says what it counts and who says so.
extension ReportData {
    /// The columns every row ends with.
    static let citationColumns = ["measure", "unit", "citation", "citation_text"]

    /// The cells of ``citationColumns`` for a row resting on citation `number`.
    static func citationCells(_ number: Int?, context: QueryContext, language: ReportLanguage) -> [Cell] {
        let citation = number.flatMap { number in context.citations.first { $0.number == number } }
        return [
            .text(context.measure.key), .text(context.measure.unit.rawValue), .integer(number),
            .text(citation?.summary(in: language)),
        ]
    }

    /// A series as data: a row per entity and period.
    public static func series(_ result: SeriesResult, names: EntityNames, language: ReportLanguage) -> ReportData {
        var data = ReportData(
            report: "series", columns: ["period"] + names.columns("entity") + ["value", "source"] + citationColumns,
            context: result.context)
        for point in result.points.sorted(by: { ($0.period, $0.entity) < ($1.period, $1.entity) }) {
            data.append(
                [.text(point.period.description)] + names.cells(point.entity) + [.number(point.value), .text(point.source)]
                    + citationCells(point.citation, context: result.context, language: language))
        }
        return data
    }

    /// A comparison as data: a row per entity, with both periods' figures, the change and the ranks.
    public static func compare(_ result: ComparisonResult, names: EntityNames, language: ReportLanguage) -> ReportData {
        var data = ReportData(
            report: "compare",
            columns: names.columns("entity") + [
                "from_period", "from_value", "to_period", "to_value", "change", "relative_change_percent",
                "from_rank", "to_rank", "rank_change", "measure", "unit", "from_citation", "from_citation_text", "to_citation",
                "to_citation_text",
            ],
            context: result.context)
        for row in result.rows {
            data.append(
                names.cells(row.entity) + [
                    .text(result.from.description), .number(row.from), .text(result.to.description), .number(row.to),
                    row.change.map { .number($0, decimals: row.decimals) } ?? .empty,
                    row.relativeChange.map { .number($0, decimals: 2) } ?? .empty,
                    .integer(row.fromRank), .integer(row.toRank), .integer(row.rankChange),
                ] + citationCells(result.fromCitation, context: result.context, language: language)
                    + citationCells(result.toCitation, context: result.context, language: language).suffix(2))
        }
        return data
    }

    /// The leaders as data: a row per entity, and the rest.
    public static func leaders(_ result: LeadersResult, names: EntityNames, language: ReportLanguage) -> ReportData {
        var data = ReportData(
            report: "leaders", columns: ["period", "kind", "rank"] + names.columns("entity") + ["entities", "value"] + citationColumns,
            context: result.context)
        let citation = citationCells(result.citation, context: result.context, language: language)
        let period = Cell.text(result.period.description)
        for row in result.rows {
            data.append(
                [period, .text("entity"), .integer(row.rank)] + names.cells(row.entity) + [.integer(1), .number(row.value)] + citation)
        }
        // The rest as rows of their own kind: what is listed below the top, and what the
        // source does not break down.
        if let other = result.other {
            data.append(
                [period, .text("other_listed"), .empty] + names.cells(nil) + [.integer(result.otherCount), .number(other)] + citation)
        }
        if let rest = result.notReported {
            data.append([period, .text("not_broken_down"), .empty] + names.cells(nil) + [.empty, .number(rest)] + citation)
        }
        return data
    }

    /// Crossovers as data: a row per crossing.
    public static func crossovers(_ result: CrossoverResult, names: EntityNames, language: ReportLanguage) -> ReportData {
        var data = ReportData(
            report: "crossovers",
            columns: ["period", "previous_period"] + names.columns("leader") + ["leader_value"] + names.columns("overtaken")
                + ["overtaken_value", "published_on"] + citationColumns,
            context: result.context)
        for crossing in result.crossings {
            data.append(
                [.text(crossing.period.description), .text(crossing.previousPeriod.description)]
                    + names.cells(crossing.leader) + [.number(crossing.leaderValue)] + names.cells(crossing.overtaken)
                    + [.number(crossing.overtakenValue), .text(crossing.publishedOn.description)]
                    + citationCells(crossing.citation, context: result.context, language: language))
        }
        return data
    }

    /// Concentration as data: a row per period.
    public static func concentration(_ result: ConcentrationResult, names: EntityNames, language: ReportLanguage) -> ReportData {
        var data = ReportData(
            report: "concentration",
            columns: ["period", "hhi", "cr1", "cr3", "cr5"] + names.columns("leader") + ["entities", "lower_bound"] + citationColumns,
            context: result.context)
        for row in result.rows {
            data.append(
                [
                    .text(row.period.description), .number(row.hhi, decimals: 2 * row.decimals), .number(row.cr1, decimals: row.decimals),
                    .number(row.cr3, decimals: row.decimals), .number(row.cr5, decimals: row.decimals),
                ]
                    + names.cells(row.leader) + [.integer(row.entities), .boolean(row.isLowerBound)]
                    + citationCells(row.citation, context: result.context, language: language))
        }
        return data
    }

    /// Revisions as data: a row per vintage.
    public static func revisions(_ result: RevisionsResult, names: EntityNames, language: ReportLanguage) -> ReportData {
        var data = ReportData(
            report: "revisions",
            columns: ["period"] + names.columns("entity")
                + ["value", "change", "is_new", "known_from", "known_to", "source", "corrects_snapshot", "corrected_by_snapshot"]
                + citationColumns,
            context: result.context)
        for row in result.rows {
            data.append(
                [.text(row.period.description)] + names.cells(row.entity)
                    + [
                        .number(row.value), row.change.map { .number($0, decimals: row.value.decimals) } ?? .empty, .boolean(row.isNew),
                        .text(row.knownFrom.description), .text(row.knownTo?.description), .text(row.source),
                        row.corrects.map { .integer(Int($0)) } ?? .empty, row.correctedBy.map { .integer(Int($0)) } ?? .empty,
                    ]
                    + citationCells(row.citation, context: result.context, language: language))
        }
        return data
    }

    /// One column per source and measure, named `source: measure` (with the column's own
    /// period when it only overlaps the one asked for).
    public static func crossSource(_ result: CrossSourceResult, names: EntityNames, language: ReportLanguage) -> ReportData {
        let labels = result.columns.map { column in
            "\(column.source): \(column.measure.key)" + (column.isExactPeriod ? "" : " (\(column.period))")
        }
        var data = ReportData(report: "sources", columns: ["period"] + names.columns("entity") + labels)
        data.citations = result.citations
        data.notes = result.notes
        data.asOf = result.asOf
        data.columnSources = zip(labels, result.columns).map { label, column in
            ColumnSource(
                column: label, source: column.source, measure: column.measure.key, unit: column.measure.unit.rawValue,
                period: column.period, citation: column.citation)
        }
        for row in result.rows {
            data.append([.text(result.period.description)] + names.cells(row.entity) + row.values.map { Cell.number($0) })
        }
        return data
    }

    /// A group's shares as data: a row per period.
    public static func groups(_ result: GroupResult, names: EntityNames, language: ReportLanguage) -> ReportData {
        var data = ReportData(
            report: "groups",
            columns: ["period"] + names.columns("group")
                + [
                    "value", "members_with_figures", "members_with_figures_count", "members_without_figures",
                    "members_without_figures_count",
                ]
                + citationColumns,
            context: result.context)
        for row in result.rows {
            data.append(
                [.text(row.period.description)] + names.cells(result.group.code)
                    + [
                        .number(row.value), .text(row.membersWithFigures.joined(separator: " ")), .integer(row.membersWithFigures.count),
                        .text(row.membersWithout.joined(separator: " ")), .integer(row.membersWithout.count),
                    ]
                    + citationCells(row.citation, context: result.context, language: language))
        }
        return data
    }
}
