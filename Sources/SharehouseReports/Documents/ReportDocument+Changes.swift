public import Sharehouse

extension ReportDocument {
    /// What changed with the latest snapshots: a row per entity and period, each section's
    /// snapshot said above the table; the measure and source columns appear only when the
    /// result spans more than one.
    public static func changes(_ result: ChangesResult, style: Style, names: [String: String]) -> ReportDocument {
        let language = style.language
        let measures = Set(result.sections.map(\.measure.key))
        let sources = Set(result.sections.map(\.source))
        var about: [String] = []
        var seen = Set<Int64>()
        for section in result.sections where seen.insert(section.snapshotID).inserted {
            about.append(
                language.text(
                    .aboutLatestSnapshot(
                        measure: section.measure.key, source: section.source, snapshot: section.snapshotID,
                        publishedOn: section.publishedOn), digits: style.digits))
        }
        if let asOf = result.asOf { about.append(language.text(.aboutAsOf(asOf))) }
        var columns: [TableRenderer.Column] = []
        if measures.count > 1 { columns.append(.left(language.header(.measure))) }
        if sources.count > 1 { columns.append(.left(language.header(.sourceKey))) }
        columns += [
            .left(language.header(.period)), .left(language.header(.comparedWith)), .left(language.header(.entity)),
            .right(language.header(.before)), .right(language.header(.after)), .right(language.header(.change)),
            .right(language.header(.rank)), .left(language.header(.source)),
        ]
        var document = ReportDocument(
            title: language.text(.changesTitle), about: about, columns: columns, language: language, digits: style.digits)
        for section in result.sections {
            let unit = section.measure.unit == .percent ? language.text(.points) : ""
            let comparedWith =
                switch section.baseline {
                case .previousPeriod: section.baselinePeriod?.description ?? "–"
                case .earlierVintage: section.baselinePublishedOn.map { language.text(.vintageOf($0)) } ?? "–"
                case .none: "–"
                }
            for row in section.rows {
                let change =
                    switch row.status {
                    case .entered: language.text(.new)
                    case .dropped: language.text(.dropped)
                    case .first: language.text(.first)
                    case .changed, .unchanged: row.change.map { signed($0, decimals: decimals(row)) + unit } ?? ""
                    }
                let ranks = "\(row.rankBefore.map(String.init) ?? "–") → \(row.rankAfter.map(String.init) ?? "–")"
                var cells: [Cell] = []
                if measures.count > 1 { cells.append(.text(section.measure.key)) }
                if sources.count > 1 { cells.append(.text(section.source)) }
                cells += [
                    .text(section.period.description), .text(comparedWith), .text(label(row.entity, names)),
                    .figure(row.before?.description ?? ""), .figure(row.after?.description ?? ""), .figure(change), .figure(ranks),
                    .citations(
                        [section.citation] + (section.baselineCitation.flatMap { $0 == section.citation ? nil : [$0] } ?? [])),
                ]
                document.append(cells, citation: section.citation)
            }
        }
        if result.unchangedPeriods > 0 {
            document.notes.append(Note(language.text(.unchangedPeriods(count: result.unchangedPeriods), digits: style.digits)))
        }
        document.citations = result.citations
        return document
    }

    private static func decimals(_ row: ChangesResult.Row) -> Int {
        max(row.before?.decimals ?? 0, row.after?.decimals ?? 0)
    }
}
