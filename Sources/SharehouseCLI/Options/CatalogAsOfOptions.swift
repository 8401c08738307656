import ArgumentParser
import Sharehouse

/// `--as-of` for the catalogue's commands: the sources and measures as they were then.
struct CatalogAsOfOptions: ParsableArguments {
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("The catalogue as it was on this day (its amendments of that day included).", valueName: "YYYY-MM-DD"),
        transform: ArgumentValue.date)
    var asOf: CalendarDate?
}
