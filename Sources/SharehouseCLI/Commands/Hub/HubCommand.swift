import ArgumentParser

struct HubCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hub",
        abstract: "Fetch from the Hugging Face Hub: its model listing, as pages a listing imports.",
        subcommands: [HubFetchCommand.self])
}
