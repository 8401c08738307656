import ArgumentParser

/// The shapes `attribution show` and `attribution diff` write.
enum AttributionFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case csv
    case json
}

/// `--format` for `attribution show` and `attribution diff`.
struct AttributionFormatOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table, csv or json.")
    var format: AttributionFormat = .table
}
