import ArgumentParser

struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Charts as SVG: shares over time, or one period's leaders.",
        discussion: """
            The SVG is written to --out (or standard output): the same data gives the same bytes. \
            Lines differ by colour, dash and marker, so a chart printed in grey still reads; \
            the sources are under the chart.
            """,
        subcommands: [ChartSeriesCommand.self, ChartLeadersCommand.self])
}
