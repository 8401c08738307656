import ArgumentParser
import Sharehouse
import SharehouseReports

struct SourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: "List, show, add and amend sources: the citations figures come from.",
        subcommands: [SourcesListCommand.self, SourcesShowCommand.self, SourcesAddCommand.self, SourcesAmendCommand.self])
}

struct SourcesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List sources.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var catalog: CatalogAsOfOptions

    func run() throws {
        let sources = try global.openWarehouse(readOnly: true).sources(asOf: catalog.asOf)
        switch output.format {
        case .json: Terminal.output(try JSONOutput.render(sources))
        case .table: Terminal.output(CatalogText.sourcesTable(sources))
        }
    }
}

struct SourcesShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a source, the chain of sources it relays, and their amendments.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var catalog: CatalogAsOfOptions
    @Argument(help: "The source's key.") var key: String

    func run() throws {
        let details = try global.openWarehouse(readOnly: true).sourceDetails(key: key, asOf: catalog.asOf)
        switch output.format {
        case .json: Terminal.output(try JSONOutput.render(details))
        case .table: Terminal.output(SourceText.describe(details))
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

struct SourcesAmendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "amend", abstract: "Correct a source's fields, keeping what they were in its history.",
        discussion: """
            Each field given replaces the stored one; --clear FIELD removes one a source may be without. \
            Every change is recorded with its date and --reason: `sources show` lists them, and --as-of \
            reads the catalogue (and reports their citations) as it was on a day. The key never changes: \
            a source under another key is `sources add`. Values equal to the stored ones change nothing.
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions
    @Argument(help: "The source's key.") var key: String
    @Option(help: "The title.") var title: String?
    @Option(help: "Where it can be read (http or https).") var url: String?
    @Option(help: "study, news, dataset or report.") var kind: Source.Kind?
    @Option(help: "Who published it.") var publisher: String?
    @Option(help: "Its authors.") var authors: String?
    @Option(
        name: [.customLong("published"), .customLong("published-on")],
        help: ArgumentHelp("When it was published.", valueName: "YYYY-MM-DD"), transform: ArgumentValue.date)
    var published: CalendarDate?
    @Option(
        name: [.customLong("accessed"), .customLong("accessed-on")],
        help: ArgumentHelp("When it was read.", valueName: "YYYY-MM-DD"), transform: ArgumentValue.date)
    var accessed: CalendarDate?
    @Option(help: "Its language, e.g. en, ar.") var language: String?
    @Option(help: "Its licence.") var license: String?
    @Option(name: .customLong("access-note"), help: "How it was read: paywalled, mirror, date inferred...") var accessNote: String?
    @Option(name: .customLong("derived-from"), help: ArgumentHelp("The key of the source it relays.", valueName: "key"))
    var derivedFrom: String?
    @Option(
        name: .customLong("clear"), parsing: .singleValue,
        help: ArgumentHelp("Remove a field's value (repeatable); title, url and kind cannot be.", valueName: "field"))
    var cleared: [Source.Field] = []
    @Option(help: "Why: recorded with each change.") var reason: String?
    /// Never valid: asked for, it is refused with the reason rather than as an unknown option.
    @Option(name: .customLong("key"), help: .hidden) var newKey: String?

    /// The values given, before --clear.
    var given: SourceChanges {
        SourceChanges(
            title: title.map { .set($0) }, publisher: publisher.map { .set($0) }, authors: authors.map { .set($0) },
            url: url.map { .set($0) }, publishedOn: published.map { .set($0) }, accessedOn: accessed.map { .set($0) },
            language: language.map { .set($0) }, kind: kind.map { .set($0) }, license: license.map { .set($0) },
            accessNote: accessNote.map { .set($0) }, derivedFrom: derivedFrom.map { .set($0) })
    }

    var changes: SourceChanges {
        var changes = given
        for field in cleared { changes.clear(field) }
        return changes
    }

    func validate() throws {
        guard newKey == nil else {
            throw ValidationError(
                "a source's key never changes: snapshots and citations name it; add one under the new key with `sources add`")
        }
        if let both = cleared.first(where: { given.fields.contains($0) }) {
            throw ValidationError("--clear \(both.argument) and a value for it: give one or the other")
        }
        guard !cleared.isEmpty || !given.fields.isEmpty else {
            throw ValidationError("give a field to change (--url, --title, ... or --clear FIELD); see --help")
        }
    }

    func run() throws {
        let amendment = try global.openWarehouse().amendSource(key: key, changes: changes, reason: reason)
        try CatalogAmendOutput.write(amendment, as: output.format)
    }
}
