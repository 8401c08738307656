/// The problems found in one file, kept in file order up to ``listedLimit`` and counted
/// beyond it, so that a user fixes a file in one pass instead of one error at a time.
struct ImportProblems {
    /// How many problems an error lists; the rest are counted ("and 12 more").
    static let listedLimit = 20

    private(set) var listed: [ImportError] = []
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// Adds a problem found after every problem added before it in the file. The same
    /// problem at the same place (a wide table's period header, met on every row) counts once.
    mutating func add(_ problem: ImportError) {
        if problem.line != nil, listed.contains(where: { $0.place == problem.place && $0.reason == problem.reason }) { return }
        count += 1
        if listed.count < Self.listedLimit { listed.append(problem) }
    }

    /// Counts `count` problems found but not kept (beyond those an error lists).
    mutating func addUnlisted(_ count: Int) {
        self.count += count
    }

    /// The problems of two streams read side by side (the rows checked, the duplicates the
    /// table's key found a batch later), merged in file order; for several files read as
    /// one (a listing's pages), in the order `fileOrder` gives them.
    func merged(with other: ImportProblems, fileOrder: [String: Int] = [:]) -> ImportProblems {
        var merged = ImportProblems()
        merged.listed = (listed + other.listed).sorted {
            (fileOrder[$0.file] ?? 0, $0.line ?? .max, $0.column ?? .max) < (fileOrder[$1.file] ?? 0, $1.line ?? .max, $1.column ?? .max)
        }
        merged.listed = Array(merged.listed.prefix(Self.listedLimit))
        merged.count = count + other.count
        return merged
    }

    /// The same problems, those listed put in the order of the files (`fileOrder`), then
    /// of their lines: problems found in another order (a listing's sorted rows) read as a
    /// file's do.
    func inFileOrder(_ fileOrder: [String: Int]) -> ImportProblems {
        merged(with: ImportProblems(), fileOrder: fileOrder)
    }

    /// One error for all of them: the first, carrying the others and the count left out.
    var error: ImportError? {
        guard var first = listed.first else { return nil }
        first.otherProblems = Array(listed.dropFirst())
        first.unlistedProblems = count - listed.count
        return first
    }
}
