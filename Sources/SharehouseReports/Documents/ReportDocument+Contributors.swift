public import Sharehouse

extension ReportDocument {
    /// Who is behind a country's derived share: its organisations, largest first, each
    /// with its largest models under it, their downloads and their shares of the country's
    /// and of all downloads.
    public static func contributors(_ result: ContributorsResult, style: Style, names: [String: String]) -> ReportDocument {
        let language = style.language
        let name = label(result.entity, names)
        var about = [
            language.text(.aboutMeasure(result.measure)),
            language.text(
                .contributorsAbout(
                    entity: name, figure: result.figure?.description ?? "–",
                    downloads: count(result.entityDownloads),
                    total: count(result.totalDownloads), method: result.method.argument,
                    listing: result.listingID, version: result.attributionVersion), digits: style.digits),
        ]
        if result.method == .baseModel {
            about.append(language.text(.contributorsByRootBase))
        }
        if result.organisationCount > result.organisations.count {
            about.append(
                language.text(.contributorsShown(shown: result.organisations.count, of: result.organisationCount), digits: style.digits))
        }
        var document = ReportDocument(
            title: language.text(.contributorsTitle(entity: name, period: result.period, citation: result.citation), digits: style.digits),
            about: about,
            columns: [
                .left(language.header(.contributor)), .right(language.header(.downloads)), .right(language.header(.ofEntity)),
                .right(language.header(.ofAll)),
            ],
            language: language, digits: style.digits)
        let modelsByAuthor = Dictionary(grouping: result.models, by: { $0.author.lowercased() })
        for organisation in result.organisations {
            document.append(
                [
                    .text(organisation.author), .figure(count(organisation.downloads)),
                    .figure(percent(organisation.shareOfEntity)), .figure(percent(organisation.shareOfTotal)),
                ], citation: result.citation)
            for model in (modelsByAuthor[organisation.author.lowercased()] ?? []).prefix(Self.modelsPerOrganisation) {
                document.append(
                    [
                        .text("  " + model.model), .figure(count(model.downloads)),
                        .figure(percent(model.shareOfEntity)), .figure(percent(model.shareOfTotal)),
                    ], citation: result.citation)
            }
        }
        if let others = result.others {
            document.append(
                [
                    .text(
                        language.text(
                            .contributorsOthers(count: result.organisationCount - result.organisations.count), digits: style.digits)),
                    .figure(count(others.downloads)), .figure(percent(others.shareOfEntity)),
                    .figure(percent(others.shareOfTotal)),
                ], citation: result.citation)
        }
        document.citations = result.citations
        return document
    }

    /// How many of an organisation's largest models a text report lists under it (the
    /// data formats list the `top` models of the whole entity).
    static let modelsPerOrganisation = 3

    /// Cells are written in western digits; the document puts them in the style's.
    private static func percent(_ value: Double) -> String { DigitStyle.western.percent(value, decimals: 2) }

    private static func count(_ value: Double) -> String { DigitStyle.western.grouped(value, decimals: 0) }
}
