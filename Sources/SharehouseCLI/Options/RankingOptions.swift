import ArgumentParser
import Sharehouse

/// `--period` and `--top` of a ranking: one period's leaders.
struct RankingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The period (default: the latest).", valueName: "period"), transform: ArgumentValue.period) var period:
        Period?
    @Option(help: "How many to list before the others (default: \(ReportDefaults.top)).") var top: Int?

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
    }
}
