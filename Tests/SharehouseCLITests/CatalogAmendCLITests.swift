import Foundation
import SharehouseDB
import SharehouseTestSupport
import Testing

/// `sources amend`, `measures amend` and the catalogue's history, run through the real
/// binary on a real warehouse file.
@Suite("sharehouse sources amend, measures amend, --as-of")
struct CatalogAmendCLITests {
    let directory: TemporaryDirectory
    var database: String { directory.file("w.sqlite") }

    static let argaam = "argaam-1862466"
    static let oldURL = "https://www.argaam.com/ar/article/articledetail/id/1862466"
    static let newURL = "https://www.argaam.com/en/article/1862466"

    init() throws {
        directory = try TemporaryDirectory("cli-amend")
        let imported = try SharehouseBinary.run(
            ["import", Repository.path("Fixtures/eoi-12m-argaam-2025-11.json"), "--db", directory.file("w.sqlite")])
        #expect(imported.status == 0, "\(imported.stderr)")
    }

    func run(_ arguments: [String]) throws -> ProcessResult {
        try SharehouseBinary.run(arguments + ["--db", database], in: directory.path)
    }

    /// The day before the one in `timestamp` (`2026-03-01T09:30:00Z`): a day on which a
    /// change made then was not yet known.
    static func dayBefore(_ timestamp: String) throws -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let formatter = ISO8601DateFormatter()
        let date = try #require(formatter.date(from: timestamp))
        let before = try #require(calendar.date(byAdding: .day, value: -1, to: date))
        return String(formatter.string(from: before).prefix(10))
    }

    /// Amends the article's URL; returns the time the change was recorded.
    func amendURL() throws -> String {
        let amend = try run(["sources", "amend", Self.argaam, "--url", Self.newURL, "--reason", "the article moved", "--format", "json"])
        #expect(amend.status == 0, "\(amend.stderr)")
        #expect(amend.stderr.contains("Amended the source \(Self.argaam): 1 field changed"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(amend.stdout.utf8)) as? [String: Any])
        let change = try #require((json["changes"] as? [[String: Any]])?.first)
        #expect(change["field"] as? String == "url")
        #expect(change["old_value"] as? String == Self.oldURL && change["new_value"] as? String == Self.newURL)
        return try #require(change["changed_at"] as? String)
    }

    @Test func anAmendedURLShowsTheNewValueAndTheHistory() throws {
        let changedAt = try amendURL()
        let show = try run(["sources", "show", Self.argaam])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("  url: \(Self.newURL)\n"))
        #expect(show.stdout.contains("history:\n  \(changedAt)  \(Self.argaam)  url (the article moved)\n"))
        #expect(show.stdout.contains("    from: \(Self.oldURL)\n    to:   \(Self.newURL)"))
        #expect(try run(["sources", "list", "--format", "json"]).stdout.contains(Self.newURL))
    }

    @Test func asOfBeforeTheAmendmentShowsTheOldURL() throws {
        let before = try Self.dayBefore(try amendURL())
        let show = try run(["sources", "show", Self.argaam, "--as-of", before])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.hasPrefix("as of \(before):\n"))
        #expect(show.stdout.contains("  url: \(Self.oldURL)\n"))
        #expect(!show.stdout.contains(Self.newURL))
        #expect(show.stdout.contains("1 later change (after \(before)) not applied"))
        let list = try run(["sources", "list", "--as-of", before, "--format", "json"])
        #expect(list.stdout.contains(Self.oldURL) && !list.stdout.contains(Self.newURL))
    }

    @Test func aReportAsOfBeforeTheAmendmentCitesTheOldURL() throws {
        let before = try Self.dayBefore(try amendURL())
        let leaders = ["report", "leaders", "--period", "2024-09/2025-08", "--source", Self.argaam, "--top", "3"]
        let then = try run(leaders + ["--as-of", before, "--format", "json"])
        #expect(then.status == 0, "\(then.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(then.stdout.utf8)) as? [String: Any])
        let cited = try #require((json["citations"] as? [[String: Any]])?.first?["sources"] as? [[String: Any]])
        #expect(cited.first?["url"] as? String == Self.oldURL)
        let text = try run(leaders + ["--as-of", before])
        #expect(text.stdout.contains("articledetail/id/1862466"), "\(text.stdout)")
        let now = try run(leaders + ["--format", "json"])
        #expect(now.stdout.contains(Self.newURL) && !now.stdout.contains(Self.oldURL))
    }

    @Test func unknownKeysSuggestTheCloseOnes() throws {
        let source = try run(["sources", "show", "argaam"])
        #expect(source.status == 65)
        #expect(source.stderr.contains("no source argaam in the warehouse; did you mean \(Self.argaam)?"))
        let measure = try run(["measures", "show", "eoi"])
        #expect(measure.status == 65)
        #expect(measure.stderr.contains("did you mean eoi_download_share_12m?"))
        let amend = try run(["sources", "amend", "argaam", "--title", "x"])
        #expect(amend.status == 65 && amend.stderr.contains("did you mean \(Self.argaam)?"))
    }

    @Test func theKeyAndTheUnitNeverChangeAndBadValuesChangeNothing() throws {
        let before = try databaseFingerprint(database)
        let key = try run(["sources", "amend", Self.argaam, "--key", "argaam"])
        #expect(key.status == 64)
        #expect(key.stderr.contains("a source's key never changes"))
        let unit = try run(["measures", "amend", "eoi_download_share_12m", "--unit", "count", "--name", "x"])
        #expect(unit.status == 77)
        #expect(unit.stderr.contains("the unit of the measure eoi_download_share_12m is percent and never changes"))
        for (arguments, status, message) in [
            (["--clear", "title"], Int32(65), "must have a title"),
            (["--url", "ftp://example.invalid"], 65, "an http:// or https:// address"),
            (["--derived-from", Self.argaam], 65, "it would relay itself"),
            (["--url", Self.newURL, "--clear", "url"], 64, "--clear url and a value for it"),
            ([], 64, "give a field to change"),
        ] {
            let result = try run(["sources", "amend", Self.argaam] + arguments)
            #expect(result.status == status, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        #expect(try databaseFingerprint(database) == before)
    }

    @Test func aMeasureAmendedAndShownWithItsHistory() throws {
        let amend = try run([
            "measures", "amend", "eoi_download_share_12m", "--name", "EOI share, 12 months", "--clear", "description",
            "--reason", "shorter",
        ])
        #expect(amend.status == 0, "\(amend.stderr)")
        #expect(amend.stdout.contains("eoi_download_share_12m  name (shorter)"))
        let show = try run(["measures", "show", "eoi_download_share_12m"])
        #expect(show.stdout.hasPrefix("eoi_download_share_12m: EOI share, 12 months\n"))
        #expect(show.stdout.contains("eoi_download_share_12m  description (shorter)\n    from: Code EOI-1Y"))
        #expect(show.stdout.contains("    to:   (none)"))
        let same = try run(["measures", "amend", "eoi_download_share_12m", "--name", "EOI share, 12 months"])
        #expect(same.status == 0 && same.stdout.isEmpty)
        #expect(same.stderr.contains("Nothing changed"))
    }

    @Test func aSnapshotDatedBeforeItsSourceGetsAWarningInTheReceipt() throws {
        try directory.write("early.csv", "entity,period,value\nCN,2024-09/2025-08,17.1\n")
        let options = ["--measure", "eoi_download_share_12m", "--source", "ft-2025-11-26"]
        let early = try run(["import", directory.file("early.csv"), "--published", "2025-11-01"] + options)
        #expect(early.status == 0, "\(early.stderr)")
        #expect(
            early.stdout.contains(
                "  warning: dated before its source ft-2025-11-26 was published (2025-11-26): is one of the two dates wrong?"))
        let onTime = try run(["import", directory.file("early.csv"), "--published", "2025-12-01"] + options)
        #expect(!onTime.stdout.contains("warning"))
        // Long after: the source said to be published earlier (no import may be dated in the future).
        #expect(try run(["sources", "amend", "ft-2025-11-26", "--published-on", "2024-06-01"]).status == 0)
        let late = try run(["import", directory.file("early.csv"), "--published", "2025-11-30", "--format", "json"] + options)
        #expect(late.stdout.contains("\"kind\" : \"published_long_after_source\""))
    }
}
