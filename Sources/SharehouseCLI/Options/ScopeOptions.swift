import ArgumentParser
import Sharehouse
import SharehouseReports

/// What a report or chart is about: a measure, a source, an as-of date, entities.
/// Unset, the library chooses (and its result says what it chose).
struct ScopeOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The measure (default: the one the figures are in, else the latest share measure).",
            valueName: "key"))
    var measure: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Only this source (default: per period, the one listing the most entities, then the best verified, the fewest relays, the latest, the key).",
            valueName: "key"))
    var source: String?

    @Option(
        name: .customLong("as-of"), help: ArgumentHelp("What was known on this day.", valueName: "YYYY-MM-DD"),
        transform: ArgumentValue.date)
    var asOf: CalendarDate?

    @Option(
        name: .long, parsing: .singleValue,
        help: ArgumentHelp(
            "An entity: a code or a name, Arabic too (repeatable).",
            valueName: "name"))
    var entity: [String] = []

    var scope: QueryScope {
        QueryScope(measure: measure, sources: source.map { .only($0) } ?? .preferred, asOf: asOf)
    }
}
