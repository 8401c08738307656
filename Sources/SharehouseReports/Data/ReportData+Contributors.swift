public import Sharehouse

extension ReportData {
    /// One row per organisation (`kind` organisation) and per model (`kind` model) behind an
    /// entity's derived share: downloads, percent of the entity's, percent of all.
    public static func contributors(_ result: ContributorsResult, names: EntityNames, language: ReportLanguage) -> ReportData {
        var data = ReportData(
            report: "contributors",
            columns: ["period", "measure"] + names.columns("entity")
                + [
                    "kind", "author", "model", "downloads", "share_of_entity_percent", "share_of_total_percent", "models",
                    "entity_value", "snapshot_id", "listing_id", "attribution_version", "method", "citation", "citation_text",
                ])
        data.citations = result.citations
        let citation = result.citations.first { $0.number == result.citation }?.summary(in: language)
        let head: [Cell] = [.text(result.period.description), .text(result.measure.key)] + names.cells(result.entity)
        let tail: [Cell] = [
            result.figure.map { .number($0) } ?? .empty, .integer(Int(result.snapshotID)), .integer(Int(result.listingID)),
            result.attributionVersion.map { .integer(Int($0)) } ?? .empty, .text(result.method.rawValue), .integer(result.citation),
            .text(citation),
        ]
        for organisation in result.organisations {
            data.append(
                head + [
                    .text("organisation"), .text(organisation.author), .empty, .number(organisation.downloads, decimals: 0),
                    .number(organisation.shareOfEntity, decimals: 4), .number(organisation.shareOfTotal, decimals: 4),
                    .integer(organisation.models),
                ] + tail)
        }
        if let others = result.others {
            data.append(
                head + [
                    .text("others"), .empty, .empty, .number(others.downloads, decimals: 0), .number(others.shareOfEntity, decimals: 4),
                    .number(others.shareOfTotal, decimals: 4), .integer(others.models),
                ] + tail)
        }
        for model in result.models {
            data.append(
                head + [
                    .text("model"), .text(model.author), .text(model.model), .number(model.downloads, decimals: 0),
                    .number(model.shareOfEntity, decimals: 4), .number(model.shareOfTotal, decimals: 4), .empty,
                ] + tail)
        }
        return data
    }
}
