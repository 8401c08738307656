import ArgumentParser
import Sharehouse

/// `--from` and `--to`: the periods a series or a table runs between (default: all).
struct PeriodRangeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The first period.", valueName: "period"), transform: ArgumentValue.period) var from: Period?
    @Option(help: ArgumentHelp("The last period.", valueName: "period"), transform: ArgumentValue.period) var to: Period?
}
