/// The figures of one period, by entity code: two parallel arrays sorted by code.
///
/// A dictionary was the first version; hashing 249 codes per period and sorting its keys
/// again for every ranking was over half of a concentration query's instructions
/// (callgrind, BENCHMARKS.md). Rows arrive from the primary key already in code order, so
/// building this is an append, a lookup is a binary search, and the ranking is computed
/// once.
struct FigureTable: Sendable {
    private(set) var codes: [String] = []
    private(set) var values: [PublishedValue] = []
    private var isSorted = true

    init() {}

    init(_ figures: [(code: String, value: PublishedValue)]) {
        for figure in figures { append(figure.code, figure.value) }
        finish()
    }

    var count: Int { codes.count }
    var isEmpty: Bool { codes.isEmpty }

    /// Adds a figure; codes are expected in ascending order (the primary key's), and any
    /// other order is sorted by `finish()`.
    mutating func append(_ code: String, _ value: PublishedValue) {
        if isSorted, let last = codes.last, !(last < code) { isSorted = false }
        codes.append(code)
        values.append(value)
    }

    /// Sorts by code when the figures did not arrive in order (codes compare by Swift's
    /// string order, which can differ from SQLite's byte order outside ASCII).
    mutating func finish() {
        guard !isSorted else { return }
        let order = codes.indices.sorted { codes[$0] < codes[$1] }
        codes = order.map { codes[$0] }
        values = order.map { values[$0] }
        isSorted = true
    }

    func index(of code: String) -> Int? {
        var low = 0
        var high = codes.count
        while low < high {
            let middle = (low + high) / 2
            if codes[middle] < code { low = middle + 1 } else { high = middle }
        }
        return low < codes.count && codes[low] == code ? low : nil
    }

    subscript(code: String) -> PublishedValue? {
        index(of: code).map { values[$0] }
    }

    /// The most decimals any figure was published with.
    var decimals: Int { values.lazy.map(\.decimals).max() ?? 0 }

    /// The sum of the figures.
    var total: Double { values.reduce(0) { $0 + $1.value } }

    /// Only the figures of `wanted` codes.
    func filter(_ wanted: Set<String>) -> FigureTable {
        var table = FigureTable()
        for index in codes.indices where wanted.contains(codes[index]) { table.append(codes[index], values[index]) }
        return table
    }

    /// Indices from the largest figure down (ties by code), each with its competition rank
    /// (1, 2, 2, 4: tied figures share a rank and the next rank skips).
    func ranking() -> [(index: Int, rank: Int)] {
        let order = codes.indices.sorted { a, b in
            values[a].value != values[b].value ? values[a].value > values[b].value : codes[a] < codes[b]
        }
        var ranked: [(index: Int, rank: Int)] = []
        ranked.reserveCapacity(order.count)
        for (position, index) in order.enumerated() {
            let tied = position > 0 && values[order[position - 1]].value == values[index].value
            ranked.append((index, tied ? ranked[position - 1].rank : position + 1))
        }
        return ranked
    }

    /// The indices of the `n` largest figures, largest first (ties by code): what
    /// ``ranking()`` starts with, in one pass instead of a sort of every figure (a
    /// concentration query needs five of 249).
    func top(_ n: Int) -> [Int] {
        guard n > 0 else { return [] }
        var best: [Int] = []
        best.reserveCapacity(n + 1)
        func before(_ a: Int, _ b: Int) -> Bool {
            values[a].value != values[b].value ? values[a].value > values[b].value : codes[a] < codes[b]
        }
        for index in codes.indices {
            guard best.count < n || before(index, best[best.count - 1]) else { continue }
            var position = best.count
            while position > 0 && before(index, best[position - 1]) { position -= 1 }
            best.insert(index, at: position)
            if best.count > n { best.removeLast() }
        }
        return best
    }

    /// Each figure's competition rank, aligned with `codes`.
    func ranks() -> [Int] {
        var ranks = [Int](repeating: 0, count: count)
        for entry in ranking() { ranks[entry.index] = entry.rank }
        return ranks
    }
}
