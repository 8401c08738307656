import ArgumentParser

struct DeriveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "derive",
        abstract: "Compute figures from stored raw counts, cited back to them.",
        subcommands: [DeriveSharesCommand.self])
}
