import Foundation
public import Sharehouse
import SharehouseDB

/// Datasette's metadata for a warehouse (`sharehouse datasette-metadata > metadata.json`,
/// then `datasette sharehouse.sqlite --metadata metadata.json`): a title, description,
/// licence, source and about link for the warehouse and for every table and view it has,
/// descriptions of the columns with their units, and the README's example queries as
/// canned queries.
///
/// The tables and views are the warehouse's as they are (``/Sharehouse/Warehouse/schemaObjects()``),
/// so a table a later migration or a user's own migration adds is described too: the
/// documented ones by hand (``DatasetteText``), any other with what the warehouse knows
/// of it (its kind, its columns, the migration that defined it, linked).
public struct DatasetteMetadata: Sendable {
    /// The database's name in Datasette: its file name without the extension
    /// (`sharehouse` for `sharehouse.sqlite`), as Datasette names it.
    public let databaseName: String
    /// The warehouse's tables and views.
    public let objects: [SchemaObject]
    /// The canned queries.
    public let queries: [ExampleQuery]
    /// Where Sharehouse's own documentation is published, if anywhere: the top level's
    /// and the database's `about_url`.
    public let aboutURL: String?

    /// The metadata of the database `databaseName`, whose tables and views are `objects`.
    public init(databaseName: String, objects: [SchemaObject], queries: [ExampleQuery] = ExampleQuery.readme, aboutURL: String? = nil) {
        self.databaseName = databaseName
        self.objects = objects
        self.queries = queries
        self.aboutURL = aboutURL
    }

    /// Datasette's name for the database in a file: the file name without its extension.
    public static func databaseName(forFile path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    /// The metadata as Datasette's `metadata.json`: pretty, keys sorted.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document()), as: UTF8.self) + "\n"
    }

    // MARK: - The document

    struct Document: Encodable {
        let title: String
        let description: String
        let license: String
        let source: String
        let sourceURL: String
        let about: String
        let aboutURL: String?
        let databases: [String: Database]

        enum CodingKeys: String, CodingKey {
            case title, description, license, source, about, databases
            case sourceURL = "source_url"
            case aboutURL = "about_url"
        }
    }

    struct Database: Encodable {
        let title: String
        let description: String
        let license: String
        let source: String
        let sourceURL: String
        let about: String
        let aboutURL: String?
        let tables: [String: Table]
        let queries: [String: Query]

        enum CodingKeys: String, CodingKey {
            case title, description, license, source, about, tables, queries
            case sourceURL = "source_url"
            case aboutURL = "about_url"
        }
    }

    struct Table: Encodable {
        let title: String
        let description: String
        let license: String
        let licenseURL: String?
        let source: String
        let sourceURL: String?
        let about: String?
        let aboutURL: String?
        let columns: [String: String]
        let sortDescending: String?

        enum CodingKeys: String, CodingKey {
            case title, description, license, source, about, columns
            case licenseURL = "license_url"
            case sourceURL = "source_url"
            case aboutURL = "about_url"
            case sortDescending = "sort_desc"
        }
    }

    struct Query: Encodable {
        let title: String
        let description: String
        let sql: String
    }

    /// A path inside the Datasette that serves this database.
    func path(_ table: String, query: [(String, String)] = []) -> String {
        var path = "/" + Self.escape(databaseName) + "/" + Self.escape(table)
        if !query.isEmpty {
            path += "?" + query.map { Self.escape($0.0) + "=" + Self.escape($0.1) }.joined(separator: "&")
        }
        return path
    }

    static func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-_.~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    func document() -> Document {
        let version = "Sharehouse \(PackageVersion.current), schema version \(WarehouseSchema.version)"
        let citations = path("citations")
        let database = Database(
            title: DatasetteText.databaseTitle, description: DatasetteText.databaseDescription,
            license: DatasetteText.mixedLicense, source: DatasetteText.citedSources, sourceURL: citations,
            about: version, aboutURL: aboutURL,
            tables: Dictionary(uniqueKeysWithValues: objects.map { ($0.name, table($0)) }),
            queries: Dictionary(
                uniqueKeysWithValues: queries.map {
                    ($0.name, Query(title: $0.title, description: DatasetteText.queryDescription, sql: $0.sql))
                }))
        return Document(
            title: DatasetteText.title, description: DatasetteText.description, license: DatasetteText.mixedLicense,
            source: DatasetteText.citedSources, sourceURL: citations, about: version, aboutURL: aboutURL,
            databases: [databaseName: database])
    }

    func table(_ object: SchemaObject) -> Table {
        let text = DatasetteText.objects[object.name]
        let rights = DatasetteText.Rights.of(object.name)
        var columns: [String: String] = [:]
        for column in object.columns {
            if let description = DatasetteText.column(column, of: object.name) { columns[column] = description }
        }
        let definedBy = object.definedBy.map { definition in
            (
                "Defined by the migration \(definition.fileName)\(definition.set == WarehouseSchema.setName ? "" : " of the set \(definition.set)") (its SQL, with comments)",
                path(
                    "sharehouse_migrations",
                    query: [("migration_set", definition.set), ("version", String(definition.version))])
            )
        }
        let generic =
            object.kind == .view
            ? "A view of the warehouse that Sharehouse does not document: its columns may change in any version."
            : "A table of the warehouse that Sharehouse does not document: prefer the documented views."
        return Table(
            title: text?.title ?? object.name, description: text?.description ?? generic,
            license: rights.license, licenseURL: rights.licenseURL,
            source: rights.source, sourceURL: rights.sourceURL ?? (rights == .imported ? path("citations") : nil),
            about: definedBy?.0, aboutURL: definedBy?.1, columns: columns, sortDescending: text?.sortDescending)
    }
}
