import ArgumentParser
import Foundation
import Sharehouse

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a warehouse, or bring an existing one's schema up to date.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let path = global.databasePath
        let existed = FileManager.default.fileExists(atPath: path)
        let warehouse = try global.openWarehouse()
        let version = WarehouseSchema.version
        switch (existed, warehouse.migrationsApplied.count) {
        case (false, _):
            Terminal.note("Created the warehouse \(path) (schema version \(version)).")
        case (true, 0):
            Terminal.note("The warehouse \(path) is up to date (schema version \(version)).")
        case (true, let count):
            Terminal.note("Upgraded the warehouse \(path) to schema version \(version) (\(count) migration(s) applied).")
        }
    }
}
