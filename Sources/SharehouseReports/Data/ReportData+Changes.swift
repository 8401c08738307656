public import Sharehouse

extension ReportData {
    /// One row per entity and period of each latest snapshot, with the snapshot and the
    /// baseline it is compared with (`earlier_vintage`, `previous_period` or `none`), both
    /// figures, the change, both ranks and the status (`changed`, `entered`, `dropped`,
    /// `unchanged`), and both citations.
    public static func changes(_ result: ChangesResult, names: EntityNames, language: ReportLanguage) -> ReportData {
        var data = ReportData(
            report: "changes",
            columns: [
                "measure", "unit", "source", "snapshot_id", "published_on", "period", "baseline", "baseline_period",
                "baseline_snapshot_id", "baseline_published_on",
            ]
                + names.columns("entity")
                + [
                    "before", "after", "change", "rank_before", "rank_after", "status", "citation", "citation_text",
                    "baseline_citation", "baseline_citation_text",
                ])
        data.citations = result.citations
        data.asOf = result.asOf
        func text(_ number: Int?) -> Cell {
            .text(number.flatMap { number in result.citations.first { $0.number == number } }?.summary(in: language))
        }
        for section in result.sections {
            let head: [Cell] = [
                .text(section.measure.key), .text(section.measure.unit.rawValue), .text(section.source),
                .integer(Int(section.snapshotID)), .text(section.publishedOn.description), .text(section.period.description),
                .text(section.baseline.rawValue), .text(section.baselinePeriod?.description),
                section.baselineSnapshotID.map { .integer(Int($0)) } ?? .empty, .text(section.baselinePublishedOn?.description),
            ]
            for row in section.rows {
                let decimals = max(row.before?.decimals ?? 0, row.after?.decimals ?? 0)
                data.append(
                    head + names.cells(row.entity)
                        + [
                            .number(row.before), .number(row.after), row.change.map { .number($0, decimals: decimals) } ?? .empty,
                            .integer(row.rankBefore), .integer(row.rankAfter), .text(row.status.rawValue),
                            .integer(section.citation), text(section.citation), .integer(section.baselineCitation),
                            text(section.baselineCitation),
                        ])
            }
        }
        return data
    }
}
