import ArgumentParser

struct AttributionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attribution",
        abstract: "Import, list, show and compare attribution tables: which country each Hub author is counted for.",
        discussion: """
            An attribution table maps each Hugging Face author (user or organisation) to a country \
            or a bucket (USER for individuals, INTL for international or online communities, \
            UNKNOWN), with the kind of account and the page it rests on. Each import is a new \
            version; a version is never changed, and shares derived from the Hub's counts record \
            the version they used. A starter table is in Fixtures/attribution/.
            """,
        subcommands: [
            AttributionImportCommand.self, AttributionListCommand.self, AttributionShowCommand.self, AttributionDiffCommand.self,
        ])
}
