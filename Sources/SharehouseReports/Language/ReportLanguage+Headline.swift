public import Sharehouse

/// The headline sentence: who leads, with what share, in which period, by how much over
/// whom, by which measure, and who says so, in words. The page and the terminal say it
/// alike; only the markup around its parts differs.
extension ReportLanguage {
    /// How the parts of a sentence are written: plain, or marked up for a page.
    public struct Markup: Sendable {
        var name: @Sendable (String) -> String
        var number: @Sendable (String) -> String
        var phrase: @Sendable (String) -> String

        /// Every part as it is, without markup.
        public static let plain = Markup(name: { $0 }, number: { $0 }, phrase: { $0 })

        /// Names in bold, figures and periods isolated left to right, English runs
        /// isolated on an Arabic page.
        public static func html(_ page: HTMLPage) -> Markup {
            Markup(
                name: { "<strong>\(HTMLPage.escape($0))</strong>" }, number: { page.number($0) }, phrase: { page.phrase($0) })
        }
    }

    /// The sentence for `leaders`, ending with its source; `names` gives entity names.
    public func headline(_ leaders: LeadersResult, names: (String) -> String, digits: DigitStyle, markup: Markup) -> String {
        guard let first = leaders.rows.first else { return markup.phrase(text(.noFigures)) }
        let runnerUp = leaders.rows.dropFirst().first { $0.entity != first.entity }.map { second in
            RunnerUp(
                name: markup.phrase(names(second.entity)),
                share: markup.number(digits.percent(second.value.value, decimals: second.value.decimals)),
                gap: markup.number(
                    digits.format(first.value.value - second.value.value, decimals: max(first.value.decimals, second.value.decimals))))
        }
        let sentence = text(
            .leads(
                leader: markup.name(names(first.entity)),
                share: markup.number(digits.percent(first.value.value, decimals: first.value.decimals)),
                period: markup.number(leaders.period.description), measure: markup.phrase(leaders.context.measure.name),
                runnerUp: runnerUp))
        guard let citation = leaders.context.citations.first(where: { $0.number == leaders.citation }),
            let cited = citation.sources.first
        else { return sentence + "." }
        let says = text(
            .says(
                publisher: markup.phrase(cited.publisher ?? cited.key),
                relays: citation.sources.dropFirst().map { markup.phrase($0.publisher ?? $0.key) }))
        return sentence + comma + says + "."
    }
}
