import Foundation

/// The benchmark workload: 249 countries x N monthly periods x 4 sources x 3 vintages, in
/// 12 long CSV files (one per source and vintage) with their sidecars. Deterministic and
/// synthetic: the measure and sources say so. Shares follow a long tail (the k-th
/// country's weight is 1/k^1.1) and sum to 55 per period; CN rises past US; vintages 2
/// and 3 of a source restate its last 12 months and repeat the rest.
struct Workload {
    enum Size: String, CaseIterable {
        case small, medium, large
        /// Monthly periods: large is 336 (28 years), about 1.0 million observations.
        var months: Int {
            switch self {
            case .small: 24
            case .medium: 120
            case .large: 336
            }
        }
    }

    static let sources = 4
    static let vintages = 3

    let size: Size
    let directory: String
    let countries: [String]

    var files: [String] {
        (1...Self.sources).flatMap { source in (1...Self.vintages).map { "\(directory)/s\(source)-v\($0).csv" } }
    }

    var rows: Int { countries.count * size.months * Self.sources * Self.vintages }

    /// The months, from 1998-01 on.
    var months: [(year: Int, month: Int)] {
        (0..<size.months).map { (1998 + $0 / 12, $0 % 12 + 1) }
    }

    func write() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var generator = SplitMix(seed: 20251126)
        // A long tail: the k-th largest country has a weight of 1/k^1.1.
        let order = countries.filter { $0 != "CN" && $0 != "US" }.shuffled(using: &generator)
        let tail = order.enumerated().map { 1 / pow(Double($0.offset + 3), 1.1) }
        let tailTotal = tail.reduce(0, +)
        for source in 1...Self.sources {
            for vintage in 1...Self.vintages {
                var text = "entity,period,value\n"
                text.reserveCapacity(rows / 12 * 24)
                for (index, (year, month)) in months.enumerated() {
                    let progress = Double(index) / Double(max(1, size.months - 1))
                    // CN rises and US falls: they cross a little after the middle.
                    let revision = vintage > 1 && index >= size.months - 12 ? Double(vintage - 1) * 0.05 : 0
                    let cn = 6 + 14 * progress + 0.3 * sin(Double(index) / 3) + 0.01 * Double(source) + revision
                    let us = 19 - 7 * progress + 0.2 * cos(Double(index) / 4) - 0.01 * Double(source)
                    let period = String(format: "%04d-%02d", year, month)
                    text += "CN,\(period),\(String(format: "%.2f", cn))\nUS,\(period),\(String(format: "%.2f", us))\n"
                    let rest = 55 - cn - us
                    for (k, code) in order.enumerated() {
                        // The same jitter in every vintage of a source: a revision restates
                        // only the months it revises, as real revisions do.
                        var cell = SplitMix(seed: UInt64(source) << 40 ^ UInt64(index) << 20 ^ UInt64(k))
                        let jitter = 1 + 0.05 * Double(cell.next() % 100) / 100
                        text += "\(code),\(period),\(String(format: "%.2f", rest * tail[k] / tailTotal * jitter))\n"
                    }
                }
                let file = "\(directory)/s\(source)-v\(vintage).csv"
                try text.write(toFile: file, atomically: false, encoding: .utf8)
                let sidecar = """
                    {"measure": {"key": "bench_share", "name": "Benchmark share (synthetic)", "unit": "percent",
                                 "universe": "synthetic", "attribution": "synthetic"},
                     "source": {"key": "bench-s\(source)", "title": "Benchmark source (synthetic)",
                                "url": "https://example.invalid/bench", "kind": "dataset"},
                     "published_on": "2026-\(String(format: "%02d", vintage))-01", "verification": "primary", "coverage": "complete"}
                    """
                try sidecar.write(toFile: file + ".json", atomically: false, encoding: .utf8)
            }
        }
    }
}

/// A small, fast, deterministic random number generator (SplitMix64), so every run
/// writes the same files.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
