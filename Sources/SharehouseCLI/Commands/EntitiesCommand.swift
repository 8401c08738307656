import ArgumentParser
import Foundation
import Sharehouse
import SharehouseReports

struct EntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "List countries, groups and other entities, and resolve names to them.",
        subcommands: [EntitiesListCommand.self, EntitiesResolveCommand.self])
}

/// The warehouse to read entities from: the file at --db read-only, or the built-in
/// entities when there is no file yet (said on standard error).
func entitySource(_ global: GlobalOptions) throws -> Warehouse {
    let path = global.databasePath
    guard FileManager.default.fileExists(atPath: path) else {
        Terminal.note("(no warehouse at \(path): using the built-in entities)")
        return try Warehouse.inMemory()
    }
    return try global.openWarehouse(readOnly: true)
}

struct EntitiesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List entities.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    @Option(name: .long, help: "Only entities of this kind: country, group or other.")
    var kind: EntityKind?

    func run() throws {
        let entities = try entitySource(global).entities(kind: kind)
        switch output.format {
        case .json:
            Terminal.output(try JSONOutput.render(entities))
        case .table:
            Terminal.output(CatalogText.entitiesTable(entities))
        }
    }
}

struct EntitiesResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Resolve names (codes, English or Arabic names, aliases) to entities.",
        discussion: "Prints the names it resolved; each unknown name is an error (exit 65) with suggestions.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    @Argument(help: "Names to resolve, e.g. China, USA, \"الصين\".")
    var names: [String]

    func validate() throws {
        guard !names.isEmpty else { throw ValidationError("give at least one name to resolve") }
    }

    func run() throws {
        let resolver = try entitySource(global).entityResolver()
        var matches: [EntityMatch] = []
        var failures: [String] = []
        for name in names {
            do {
                matches.append(try resolver.resolve(name))
            } catch {
                failures.append(error.description)
            }
        }
        switch output.format {
        case .json:
            Terminal.output(try JSONOutput.render(matches))
        case .table:
            if !matches.isEmpty { Terminal.output(CatalogText.matchesTable(matches)) }
        }
        guard failures.isEmpty else {
            failures.forEach(Terminal.error)
            throw ExitStatus.badInput
        }
    }
}
