import Foundation
import Sharehouse
import SharehouseDB
import SharehouseReports
import SharehouseTestSupport
import Testing

/// The shape of Datasette's metadata.json as `sharehouse datasette-metadata` writes it:
/// https://docs.datasette.io/en/0.65/metadata.html
@Suite("Datasette metadata")
struct DatasetteMetadataTests {
    let directory: TemporaryDirectory
    let warehouse: Warehouse

    init() throws {
        directory = try TemporaryDirectory("datasette")
        warehouse = try Warehouse(path: directory.file("sharehouse.sqlite"))
        _ = try warehouse.importSnapshots(from: Repository.fixtureFiles.map { .file($0) })
    }

    func metadata(_ name: String = "sharehouse", aboutURL: String? = nil) throws -> [String: Any] {
        let json = try DatasetteMetadata(databaseName: name, objects: try warehouse.schemaObjects(), aboutURL: aboutURL).json()
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    /// Every table and view of the file, as SQLite lists them.
    func schemaNames() throws -> Set<String> {
        let output = try warehouse.query(
            "SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite%'", maxRows: 10_000)
        return Set(output.rows.compactMap { if case .text(let name) = $0.first { name } else { nil } })
    }

    static func text(_ value: Any?) -> String { value as? String ?? "" }
    static func text(_ tables: [String: [String: Any]], _ table: String, _ key: String) -> String {
        tables[table].flatMap { $0[key] as? String } ?? ""
    }

    @Test func describesTheWarehouseAndEveryTableAndView() throws {
        let document = try metadata()
        for key in ["title", "description", "license", "source", "source_url", "about"] {
            #expect(!Self.text(document[key]).isEmpty, "top-level \(key)")
        }
        #expect(Self.text(document["about"]).contains(PackageVersion.current))
        #expect(Self.text(document["license"]).contains("LGPL-2.1-or-later"))
        let databases = try #require(document["databases"] as? [String: Any])
        #expect(Array(databases.keys) == ["sharehouse"])
        let database = try #require(databases["sharehouse"] as? [String: Any])
        let tables = try #require(database["tables"] as? [String: [String: Any]])
        let names = try schemaNames()
        #expect(names.count >= 20)
        #expect(Set(tables.keys) == names, "every table and view of the file, and nothing else")

        let objects = Dictionary(uniqueKeysWithValues: try warehouse.schemaObjects().map { ($0.name, $0) })
        for (name, table) in tables {
            for key in ["title", "description", "license", "source"] {
                #expect(!Self.text(table[key]).isEmpty, "\(name).\(key)")
            }
            let columns = try #require(table["columns"] as? [String: String], "\(name).columns")
            #expect(Set(columns.keys).isSubset(of: Set(objects[name]?.columns ?? [])), "\(name) describes only its columns")
            if let sort = table["sort_desc"] as? String { #expect(objects[name]?.columns.contains(sort) == true) }
            if name != "sharehouse_migrations" {
                // The migration that defines it is its About: a link to that row of the history.
                #expect(Self.text(table["about"]).hasPrefix("Defined by the migration 00"), "\(name)")
                #expect(Self.text(table["about_url"]).hasPrefix("/sharehouse/sharehouse_migrations?migration_set=sharehouse&version="))
            }
        }
        #expect(Self.text(tables, "citations", "about_url") == "/sharehouse/sharehouse_migrations?migration_set=sharehouse&version=8")
        #expect(Self.text(tables, "entities", "license").hasPrefix("LGPL-2.1-or-later"))
        #expect(Self.text(tables, "entities", "source_url").hasPrefix("https://"))
        #expect(Self.text(tables, "entity_aliases", "license").contains("Unicode-3.0"))
        #expect(Self.text(tables, "current_figures", "source_url") == "/sharehouse/citations")
        #expect(Self.text(tables, "current_figures", "license").contains("source it cites"))
    }

    /// The documented views (and catalog_changes) describe every column; figures and dates
    /// say their units.
    @Test func documentedColumnsAreDescribedWithUnits() throws {
        let database = try #require((try metadata()["databases"] as? [String: Any])?["sharehouse"] as? [String: Any])
        let tables = try #require(database["tables"] as? [String: [String: Any]])
        let objects = Dictionary(uniqueKeysWithValues: try warehouse.schemaObjects().map { ($0.name, $0) })
        for name in DatasetteText.documented {
            let object = try #require(objects[name])
            let columns = try #require(tables[name]?["columns"] as? [String: String])
            #expect(Set(columns.keys) == Set(object.columns), "\(name): a description for each column")
            #expect(!Self.text(tables, name, "title").hasPrefix(name), "\(name) has a title of its own")
        }
        let figures = try #require(tables["reported_figures"]?["columns"] as? [String: String])
        #expect(figures["value"]?.contains("percent of downloads (0-100)") == true)
        #expect(figures["value"]?.contains("number of downloads") == true)
        #expect(figures["unit"]?.contains("percent") == true)
        #expect(figures["start_date"]?.contains("ISO 8601") == true)
        #expect(figures["source_entities"]?.contains("(count)") == true)
        let history = try #require(tables["figure_history"]?["columns"] as? [String: String])
        #expect(history["known_to"]?.contains("exclusive") == true)
    }

    /// The README's example queries are canned queries, and each returns rows here.
    @Test func cannedQueriesAreTheReadmesAndRun() throws {
        let database = try #require((try metadata()["databases"] as? [String: Any])?["sharehouse"] as? [String: Any])
        let queries = try #require(database["queries"] as? [String: [String: String]])
        #expect(Set(queries.keys) == Set(ExampleQuery.readme.map(\.name)))
        #expect(queries.count == 4)
        for example in ExampleQuery.readme {
            let query = try #require(queries[example.name])
            #expect(query["sql"] == example.sql)
            #expect(query["title"] == example.title)
            #expect(try !warehouse.query(example.sql).rows.isEmpty, "\(example.name) returns rows")
        }
    }

    /// A table or view a user's own migration adds is there too, described as undocumented
    /// and linked to the migration of its set.
    @Test func aUsersOwnViewIsDescribedWithItsMigration() throws {
        let set = try MigrationSet(
            name: "mine", origin: "test",
            files: [("0001_leaders.sql", "CREATE VIEW \"my leaders\" AS SELECT entity_code, value FROM current_figures;")])
        _ = try warehouse.database.withConnection { try Migrator(set: set).migrate($0) }
        let database = try #require((try metadata("my.warehouse")["databases"] as? [String: Any])?["my.warehouse"] as? [String: Any])
        let tables = try #require(database["tables"] as? [String: [String: Any]])
        let mine = try #require(tables["my leaders"])
        #expect(Self.text(mine["title"]) == "my leaders")
        #expect(Self.text(mine["description"]).contains("does not document"))
        #expect(Self.text(mine["about"]) == "Defined by the migration 0001_leaders.sql of the set mine (its SQL, with comments)")
        #expect(Self.text(mine["about_url"]) == "/my.warehouse/sharehouse_migrations?migration_set=mine&version=1")
        #expect((mine["columns"] as? [String: String])?["value"]?.contains("percent") == true)
    }

    @Test func theDatabaseIsNamedAsDatasetteNamesIt() {
        #expect(DatasetteMetadata.databaseName(forFile: "sharehouse.sqlite") == "sharehouse")
        #expect(DatasetteMetadata.databaseName(forFile: "/data/shares.2026.db") == "shares.2026")
        #expect(DatasetteMetadata.databaseName(forFile: "./w") == "w")
    }

    @Test func anAboutURLLinksTheWarehouse() throws {
        let document = try metadata(aboutURL: "https://example.org/sharehouse")
        #expect(Self.text(document["about_url"]) == "https://example.org/sharehouse")
        #expect(try metadata()["about_url"] == nil)
    }
}
