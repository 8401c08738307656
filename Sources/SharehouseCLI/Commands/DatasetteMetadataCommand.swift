import ArgumentParser
import Sharehouse
import SharehouseReports

struct DatasetteMetadataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasette-metadata",
        abstract: "Write Datasette's metadata for the warehouse: titles, licences, sources, units, example queries.",
        discussion: """
            Writes metadata.json to standard output for every table and view the warehouse has: a title, a description, \
            the licence and source of its rows, a link to the migration that defines it, its columns described with \
            their units, and the README's example queries as canned queries. Then: \
            datasette sharehouse.sqlite --metadata metadata.json
            """)

    @OptionGroup var global: GlobalOptions

    @Option(
        name: .customLong("database-name"),
        help: ArgumentHelp(
            "The database's name in Datasette (default: the file's name without its extension, as Datasette names it).",
            valueName: "name"))
    var databaseName: String?

    @Option(
        name: .customLong("about-url"),
        help: ArgumentHelp("Where Sharehouse's documentation is published, linked as the warehouse's About.", valueName: "url"))
    var aboutURL: String?

    func run() throws {
        let warehouse = try global.openWarehouse(readOnly: true)
        let metadata = DatasetteMetadata(
            databaseName: databaseName ?? DatasetteMetadata.databaseName(forFile: global.databasePath),
            objects: try warehouse.schemaObjects(), aboutURL: aboutURL)
        Terminal.write(try metadata.json())
    }
}
