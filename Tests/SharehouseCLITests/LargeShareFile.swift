import Foundation
import SharehouseDB
import SharehouseTestSupport

/// A synthetic share file of every country over `months` months, with its sidecar (the
/// measure `crash_share` of the source `crash-source`), for tests that need an import
/// long enough to interrupt or to overlap.
enum LargeShareFile {
    /// Writes `name` and `name.json` in `directory`; the countries come from the
    /// warehouse at `warehouse`. Deterministic for a seed.
    @discardableResult
    static func write(
        _ name: String, in directory: TemporaryDirectory, warehouse: String, months: Int = 240,
        published: String, seed: UInt64
    ) throws -> String {
        let countries = try Connection(path: warehouse, options: .readOnly)
            .fetchAll("SELECT code FROM entities WHERE kind = 'country' ORDER BY code") { try $0.get(0) as String }
        var generator = seed
        var text = "entity,period,value\n"
        text.reserveCapacity(months * countries.count * 20)
        for month in 0..<months {
            let period = String(format: "%04d-%02d", 2000 + month / 12, month % 12 + 1)
            for code in countries {
                generator = generator &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                // Up to 0.6 each: about 75 per period, under 100.
                text += "\(code),\(period),\(String(format: "%.3f", Double(generator >> 44) / Double(1 << 20) * 0.6))\n"
            }
        }
        try directory.write(
            name + ".json",
            """
            {"measure": {"key": "crash_share", "name": "Synthetic test share", "unit": "percent",
                         "universe": "synthetic", "attribution": "synthetic"},
             "source": {"key": "crash-source", "title": "Synthetic test data (not real)",
                        "url": "https://example.invalid/crash", "kind": "dataset"},
             "published_on": "\(published)", "coverage": "complete"}
            """)
        return try directory.write(name, text)
    }
}
