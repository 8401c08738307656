import SharehouseDB

/// The warehouses this process opened read-only, whose idle `-wal` and `-shm` files are
/// removed when the command ends (after its connections are closed).
enum ReadOnlyLeftovers {
    private static let paths = Locked<Set<String>>([])

    static func remember(_ path: String) {
        paths.withLock { _ = $0.insert(path) }
    }

    static func remove() {
        for path in paths.withLock({ $0 }) { Connection.removeIdleWriteAheadLog(atPath: path) }
    }
}
