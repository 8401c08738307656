import ArgumentParser

struct ListingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "listing",
        abstract: "Import, list and show model listings: the Hub's per-model download counts.",
        discussion: """
            A listing is one retrieval of per-model counts (the Hub's /api/models pages, or the study \
            dataset's weekly rows), cited to a source and dated like a snapshot, and never changed. \
            Country shares are derived from a listing and an attribution table.
            """,
        subcommands: [ListingImportCommand.self, ListingListCommand.self, ListingShowCommand.self])
}
