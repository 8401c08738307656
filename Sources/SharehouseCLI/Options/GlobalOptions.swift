import ArgumentParser
import Foundation
import Sharehouse

/// Options every command that touches a warehouse takes.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The warehouse file.", discussion: "Default: $SHAREHOUSE_DB, else ./sharehouse.sqlite.", valueName: "path"))
    var db: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Seconds to wait while another process writes to the warehouse (default: 10, 60 for migrate up).",
            valueName: "seconds"))
    var wait: Double?

    func validate() throws {
        guard (wait ?? 0) >= 0, (wait ?? 0).isFinite else { throw ValidationError("--wait must be a number of seconds, 0 or more") }
    }

    /// How long a write waits for another process's write to end: --wait.
    /// nil: the library's default for the operation.
    var busyTimeout: Duration? { wait.map { .milliseconds(Int64($0 * 1000)) } }

    /// The warehouse, waiting at most --wait seconds for another writer. Every command
    /// opens it here.
    /// `mustExist`: a command that reads what earlier commands stored (a listing, a source)
    /// does not create a warehouse, which a mistyped --db would leave behind.
    func openWarehouse(readOnly: Bool = false, mustExist: Bool = false) throws -> Warehouse {
        if mustExist, !FileManager.default.fileExists(atPath: databasePath) {
            throw SharehouseError.warehouseNotFound(path: databasePath)
        }
        if readOnly { ReadOnlyLeftovers.remember(databasePath) }
        var options = Warehouse.Options(readOnly: readOnly)
        if let busyTimeout { options.busyTimeout = busyTimeout }
        return try Warehouse(path: databasePath, options: options)
    }

    /// The warehouse path: --db, else $SHAREHOUSE_DB, else ./sharehouse.sqlite.
    var databasePath: String {
        if let db { return db }
        if let fromEnvironment = ProcessInfo.processInfo.environment["SHAREHOUSE_DB"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return "./sharehouse.sqlite"
    }

    /// Lets `--db PATH` come before the command (`sharehouse --db w.sqlite init`), as a
    /// global option reads best, though each command declares it: a leading `--db` is
    /// moved to the end of the arguments, or before a `--` that ends the options.
    static func movingLeadingDatabaseOption(in arguments: [String]) -> [String] {
        var arguments = arguments
        var moved: [String] = []
        while let first = arguments.first {
            if first == "--db", arguments.count >= 2 {
                moved += arguments.prefix(2)
                arguments.removeFirst(2)
            } else if first.hasPrefix("--db=") {
                moved.append(arguments.removeFirst())
            } else {
                break
            }
        }
        guard !moved.isEmpty else { return arguments }
        let end = arguments.firstIndex(of: "--") ?? arguments.endIndex
        arguments.insert(contentsOf: moved, at: end)
        return arguments
    }
}
