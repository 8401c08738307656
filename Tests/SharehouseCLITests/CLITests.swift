import Foundation
import Sharehouse
import SharehouseDB
import SharehouseTestSupport
import Testing

/// The real `sharehouse` binary, run as a user would, against real files.
@Suite("sharehouse command line")
struct CLITests {
    let directory: TemporaryDirectory
    var database: String { directory.file("w.sqlite") }

    init() throws {
        directory = try TemporaryDirectory("cli")
        #expect(
            FileManager.default.isExecutableFile(atPath: SharehouseBinary.path),
            "build the sharehouse product first (swift build)")
    }

    func run(_ arguments: String..., environment: [String: String] = [:]) throws -> ProcessResult {
        try SharehouseBinary.run(arguments, in: directory.path, environment: environment)
    }

    @Test func versionAndHelp() throws {
        let version = try run("--version")
        #expect(version.status == 0)
        #expect(version.stdout == PackageVersion.current + "\n")
        let help = try run("--help")
        #expect(help.status == 0)
        #expect(help.stdout.contains("migrate"))
        #expect(help.stdout.contains("$SHAREHOUSE_DB"))
    }

    @Test func initThenStatusShowsEveryMigrationApplied() throws {
        let created = try run("init", "--db", database)
        #expect(created.status == 0)
        #expect(created.stdout.isEmpty, "messages go to stderr")
        #expect(created.stderr.contains("Created the warehouse"))
        let status = try run("migrate", "status", "--format", "json", "--db", database)
        #expect(status.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        let migrations = try #require(json["migrations"] as? [[String: Any]])
        #expect(migrations.count == WarehouseSchema.migrations.migrations.count)
        #expect(migrations.allSatisfy { $0["state"] as? String == "applied" })
        #expect(migrations.map { $0["file_name"] as? String } == WarehouseSchema.migrations.migrations.map(\.fileName))
        let again = try run("init", "--db", database)
        #expect(again.stderr.contains("up to date"))
    }

    @Test func theDatabaseComesFromTheOptionTheEnvironmentOrTheDefault() throws {
        #expect(try run("--db", "before.sqlite", "init").status == 0)
        #expect(try run("init", "--db=after.sqlite").status == 0)
        #expect(try run("init", environment: ["SHAREHOUSE_DB": "env.sqlite"]).status == 0)
        #expect(try run("init").status == 0)
        for name in ["before.sqlite", "after.sqlite", "env.sqlite", "sharehouse.sqlite"] {
            #expect(FileManager.default.fileExists(atPath: directory.file(name)), "\(name)")
        }
    }

    @Test func namesResolveInEnglishAndArabic() throws {
        #expect(try run("init", "--db", database).status == 0)
        for name in ["الصّين", "china", "الصين", "CHN"] {
            let result = try run("entities", "resolve", name, "--format", "json", "--db", database)
            #expect(result.status == 0, "\(name): \(result.stderr)")
            let matches = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
            #expect((matches.first?["entity"] as? [String: Any])?["code"] as? String == "CN", "\(name)")
        }
        let table = try run("entities", "resolve", "الصّين", "--db", database)
        #expect(table.stdout.contains("CN"))
        #expect(table.stdout.contains("name_ar: الصين"))
    }

    @Test func unknownNamesExit65WithASuggestion() throws {
        let result = try run("entities", "resolve", "China", "Chna", "--db", database)
        #expect(result.status == 65)
        #expect(result.stdout.contains("China"), "the names it did resolve are still printed")
        #expect(result.stderr.contains("unknown country or group \"Chna\"; did you mean China (CN)?"))
    }

    @Test func readingEntitiesWithoutAWarehouseCreatesNothing() throws {
        let result = try run("entities", "list", "--kind", "group", "--db", database)
        #expect(result.status == 0)
        #expect(result.stdout.contains("European Union"))
        #expect(result.stderr.contains("built-in entities"))
        #expect(!FileManager.default.fileExists(atPath: database))
        let plan = try run("migrate", "plan", "--db", database)
        #expect(plan.status == 0)
        #expect(plan.stdout.contains("-- 0001_create_core.sql (version 1)"))
        #expect(!FileManager.default.fileExists(atPath: database))
    }

    @Test func usageErrorsExit64() throws {
        #expect(try run("migrate", "status", "--bogus").status == 64)
        #expect(try run("entities", "resolve").status == 64)
        #expect(try run("migrate", "status", "--format", "xml").status == 64)
    }

    @Test func aWarehouseFromANewerSharehouseIsRefusedUntouched() throws {
        #expect(try run("init", "--db", database).status == 0)
        let future =
            WarehouseSchema.migrations.migrations + [
                try Migration(fileName: "9999_future.sql", contents: "CREATE TABLE future (x INTEGER);")
            ]
        try Migrator(set: try MigrationSet(name: WarehouseSchema.setName, origin: "newer", migrations: future))
            .migrate(try Connection(path: database))
        let before = try fileBytes(database)
        let result = try run("init", "--db", database)
        #expect(result.status == 77)
        #expect(result.stderr.contains("newer"))
        #expect(try fileBytes(database) == before)
        #expect(try run("migrate", "status", "--db", database).status == 77)
    }
}
