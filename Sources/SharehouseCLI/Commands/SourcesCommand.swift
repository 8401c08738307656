import ArgumentParser
import Sharehouse
import SharehouseReports

struct SourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: "List, show and add sources: the citations figures come from.",
        subcommands: [SourcesListCommand.self, SourcesShowCommand.self, SourcesAddCommand.self])
}

struct SourcesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List sources.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let sources = try global.openWarehouse(readOnly: true).sources()
        switch output.format {
        case .json: Terminal.output(try JSONOutput.render(sources))
        case .table: Terminal.output(CatalogText.sourcesTable(sources))
        }
    }
}

struct SourcesShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a source and the chain of sources it relays.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions
    @Argument(help: "The source's key.") var key: String

    func run() throws {
        let chain = try global.openWarehouse(readOnly: true).sourceChain(key: key)
        guard !chain.isEmpty else { throw CatalogError.unknown(kind: "source", key: key) }
        switch output.format {
        case .json: Terminal.output(try JSONOutput.render(chain))
        case .table: Terminal.output(SourceText.describe(chain: chain))
        }
    }
}

struct SourcesAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a source (a citation).",
        discussion: "Adding a source that is there with the same fields does nothing; with other fields it is refused (exit 77).")
    @OptionGroup var global: GlobalOptions
    @Option(help: "A short key: lower-case letters, digits, '_', '.', '-'.") var key: String
    @Option(help: "The title.") var title: String
    @Option(help: "Where it can be read (http or https).") var url: String
    @Option(help: "study, news, dataset or report.") var kind: Source.Kind
    @Option(help: "Who published it.") var publisher: String?
    @Option(help: "Its authors.") var authors: String?
    @Option(help: ArgumentHelp("When it was published.", valueName: "YYYY-MM-DD"), transform: ArgumentValue.date) var published:
        CalendarDate?
    @Option(help: ArgumentHelp("When it was read.", valueName: "YYYY-MM-DD"), transform: ArgumentValue.date) var accessed: CalendarDate?
    @Option(help: "Its language, e.g. en, ar.") var language: String?
    @Option(help: "Its licence.") var license: String?
    @Option(name: .customLong("access-note"), help: "How it was read: paywalled, mirror, date inferred...") var accessNote: String?
    @Option(name: .customLong("derived-from"), help: ArgumentHelp("The key of the source it relays.", valueName: "key")) var derivedFrom:
        String?

    func run() throws {
        let source = Source(
            key: key, title: title, publisher: publisher, authors: authors, url: url,
            publishedOn: published, accessedOn: accessed,
            language: language, kind: kind, license: license, accessNote: accessNote, derivedFrom: derivedFrom)
        let added = try global.openWarehouse().addSource(source)
        Terminal.note(added ? "Added the source \(key)." : "The source \(key) is already there, as given.")
    }
}
