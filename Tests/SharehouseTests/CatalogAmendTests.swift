import Foundation
import SharehouseDB
import SharehouseTestSupport
import Testing

@testable import Sharehouse

/// Amending sources and measures (migration 0009): each change is kept, the catalogue
/// reads as it was on any day, and reports as of a day cite their sources as they were.
@Suite("Catalogue amendments and their history")
struct CatalogAmendTests {
    let fixtures: FixtureWarehouse
    var warehouse: Warehouse { fixtures.warehouse }
    init() throws { fixtures = try FixtureWarehouse() }

    static let argaam = "argaam-1862466"
    static let oldURL = "https://www.argaam.com/ar/article/articledetail/id/1862466"
    static let newURL = "https://www.argaam.com/en/article/1862466"
    static let seedPeriod = Period("2024-09/2025-08")!

    /// The day before `date`: a day on which an amendment made on `date` was not yet known.
    static func dayBefore(_ date: CalendarDate) -> CalendarDate {
        date.day > 1
            ? CalendarDate(year: date.year, month: date.month, day: date.day - 1)!
            : date.firstOfMonth(adding: -1)!.endOfMonth
    }

    @discardableResult
    func amendURL() throws -> CatalogAmendment {
        try warehouse.amendSource(key: Self.argaam, changes: SourceChanges(url: .set(Self.newURL)), reason: "the article moved")
    }

    @Test func anAmendedURLShowsTheNewValueAndItsHistory() throws {
        let amendment = try amendURL()
        #expect(amendment.kind == .source && amendment.key == Self.argaam)
        let change = try #require(amendment.changes.first)
        #expect(amendment.changes.count == 1)
        #expect(change.field == "url" && change.oldValue == Self.oldURL && change.newValue == Self.newURL)
        #expect(change.reason == "the article moved")
        #expect(change.changedOn != nil, "dated like 2026-03-01T09:30:00Z: \(change.changedAt)")

        #expect(try warehouse.source(key: Self.argaam)?.url == Self.newURL)
        #expect(try warehouse.catalogHistory(of: .source, key: Self.argaam) == [change])
        let details = try warehouse.sourceDetails(key: Self.argaam)
        #expect(details.chain.first?.url == Self.newURL)
        #expect(details.history == [change] && details.laterChanges == 0)
        #expect(details.chain.map(\.key) == [Self.argaam, "ft-2025-11-26", "eoi-2025"])
    }

    @Test func asOfBeforeTheAmendmentReadsTheOldURL() throws {
        let change = try #require(try amendURL().changes.first)
        let day = try #require(change.changedOn)
        let before = Self.dayBefore(day)

        let then = try warehouse.sourceDetails(key: Self.argaam, asOf: before)
        #expect(then.chain.first?.url == Self.oldURL)
        #expect(then.history.isEmpty && then.laterChanges == 1)
        #expect(try warehouse.source(key: Self.argaam, asOf: before)?.url == Self.oldURL)
        #expect(try warehouse.sources(asOf: before).first { $0.key == Self.argaam }?.url == Self.oldURL)
        #expect(try warehouse.sourceChain(key: Self.argaam, asOf: before).first?.url == Self.oldURL)
        // The day of the change includes it, as the figures of a day include its publications.
        #expect(try warehouse.sourceDetails(key: Self.argaam, asOf: day).chain.first?.url == Self.newURL)
    }

    @Test func aReportAsOfBeforeTheAmendmentCitesTheOldURL() throws {
        let day = try #require(try amendURL().changes.first?.changedOn)
        let scope = QueryScope(sources: .only(Self.argaam), asOf: Self.dayBefore(day))
        let then = try warehouse.leaders(period: Self.seedPeriod, scope: scope)
        #expect(then.context.citations.first?.sources.first?.url == Self.oldURL)
        #expect(then.context.citations.first?.summary.contains(Self.oldURL) == true)
        let now = try warehouse.leaders(period: Self.seedPeriod, scope: QueryScope(sources: .only(Self.argaam)))
        #expect(now.context.citations.first?.sources.first?.url == Self.newURL)
        // A relayed source's amendment is read as of the day too.
        try warehouse.amendSource(key: "eoi-2025", changes: SourceChanges(title: .set("Economies of Open Intelligence")))
        let relayedThen = try warehouse.leaders(period: Self.seedPeriod, scope: scope)
        #expect(relayedThen.context.citations.first?.sources.last?.title.hasPrefix("Economies of Open Intelligence: Tracing") == true)
    }

    @Test func theSameValuesChangeNothingAndAreNoError() throws {
        let before = try fixtures.workspace.fingerprint()
        let amendment = try warehouse.amendSource(
            key: Self.argaam, changes: SourceChanges(url: .set(Self.oldURL), kind: .set(.news)), reason: "checked")
        #expect(amendment.changedNothing)
        #expect(try warehouse.catalogHistory(of: .source, key: Self.argaam).isEmpty)
        #expect(try fixtures.workspace.fingerprint() == before)
    }

    @Test func severalFieldsAtOnceAndAClearedOne() throws {
        let original = try #require(try warehouse.source(key: Self.argaam))
        var changes = SourceChanges(publishedOn: .set(CalendarDate("2025-11-26")!), language: .set("ar"))
        changes.clear(.accessNote)
        let amendment = try warehouse.amendSource(key: Self.argaam, changes: changes)
        #expect(amendment.changes.map(\.field) == ["published_on", "access_note"], "language was already ar")
        #expect(amendment.changes.last?.newValue == nil)
        let source = try #require(try warehouse.source(key: Self.argaam))
        #expect(source.publishedOn?.description == "2025-11-26" && source.accessNote == nil)
        // The source as it was before matches it; half of the amendment undone never was.
        #expect(try warehouse.addSource(original) == false)
        let half = Source(
            key: original.key, title: original.title, publisher: original.publisher, authors: original.authors,
            url: original.url, publishedOn: source.publishedOn, language: original.language, kind: original.kind,
            accessNote: original.accessNote, derivedFrom: original.derivedFrom)
        #expect(throws: CatalogError.self) { try warehouse.addSource(half) }
    }

    @Test func anUnknownKeySuggestsTheCloseOnes() throws {
        #expect(throws: CatalogError.unknown(kind: "source", key: "argaam", suggestions: [Self.argaam])) {
            try warehouse.sourceDetails(key: "argaam")
        }
        #expect(throws: CatalogError.unknown(kind: "source", key: "argaam", suggestions: [Self.argaam])) {
            try warehouse.amendSource(key: "argaam", changes: SourceChanges(title: .set("x")))
        }
        let measure = #expect(throws: CatalogError.self) { try warehouse.measureDetails(key: "eoi") }
        guard case .unknown(_, _, let suggestions) = measure else {
            Issue.record("\(String(describing: measure))")
            return
        }
        #expect(suggestions == ["eoi_download_share_12m", "eoi_download_share_cumulative"])
        #expect(throws: CatalogError.self) { try warehouse.catalogHistory(of: .measure, key: "nope") }
        // A typo within a few edits, too.
        let typo = #expect(throws: CatalogError.self) { try warehouse.sourceDetails(key: "ft-2025-11-62") }
        #expect(typo?.description.contains("did you mean ft-2025-11-26?") == true)
    }

    @Test func aMeasuresUnitAndKeyNeverChange() throws {
        let before = try fixtures.workspace.fingerprint()
        #expect(throws: CatalogError.unitNeverChanges(key: "eoi_download_share_12m", unit: "percent")) {
            try warehouse.amendMeasure(key: "eoi_download_share_12m", changes: MeasureChanges(name: .set("x"), unit: .count))
        }
        #expect(try fixtures.workspace.fingerprint() == before)
        let same = try warehouse.amendMeasure(key: "eoi_download_share_12m", changes: MeasureChanges(unit: .percent))
        #expect(same.changedNothing)
        for statement in [
            "UPDATE measures SET unit = 'count' WHERE key = 'eoi_download_share_12m'",
            "UPDATE measures SET key = 'eoi' WHERE key = 'eoi_download_share_12m'",
            "UPDATE sources SET key = 'argaam' WHERE key = 'argaam-1862466'",
        ] {
            #expect(throws: SQLiteError.self, "\(statement)") { try warehouse.database.write { try $0.execute(statement) } }
        }
        #expect(try fixtures.workspace.fingerprint() == before)
    }

    @Test func anAmendedMeasureReadsAsItWasInReportsAsOfBefore() throws {
        let amendment = try warehouse.amendMeasure(
            key: "eoi_download_share_12m", changes: MeasureChanges(name: .set("EOI share, 12 months"), description: .clear))
        #expect(amendment.changes.map(\.field) == ["name", "description"])
        let before = Self.dayBefore(try #require(amendment.changes.first?.changedOn))
        #expect(try warehouse.measure(key: "eoi_download_share_12m")?.name == "EOI share, 12 months")
        let old = try #require(try warehouse.measure(key: "eoi_download_share_12m", asOf: before))
        #expect(old.name.hasPrefix("Share of Hugging Face model downloads") && old.description != nil)
        #expect(try warehouse.measures(asOf: before).first { $0.key == old.key } == old)
        let details = try warehouse.measureDetails(key: old.key, asOf: before)
        #expect(details.measure == old && details.laterChanges == 2)
        let report = try warehouse.leaders(
            period: Self.seedPeriod, scope: QueryScope(measure: old.key, sources: .only(Self.argaam), asOf: before))
        #expect(report.context.measure == old)
    }

    @Test func anUpdateWithoutItsHistoryIsRefused() throws {
        let before = try fixtures.workspace.fingerprint()
        let refused = [
            "UPDATE sources SET url = 'https://example.invalid/x' WHERE key = 'argaam-1862466'",
            "UPDATE measures SET name = 'x' WHERE key = 'eoi_download_share_12m'",
            "DELETE FROM sources WHERE key = 'eoi-2025'",
            "DELETE FROM measures WHERE key = 'eoi_download_share_12m'",
            "INSERT OR REPLACE INTO sources (key, title, url, kind) VALUES ('eoi-2025', 'x', 'https://example.invalid', 'study')",
            // A change must start from the stored value, and be dated now.
            """
            INSERT INTO catalog_changes (kind, key, field, old_value, new_value)
            VALUES ('source', 'argaam-1862466', 'url', 'https://example.invalid/other', 'https://example.invalid/x')
            """,
            """
            INSERT INTO catalog_changes (kind, key, field, old_value, new_value, changed_at)
            VALUES ('source', 'argaam-1862466', 'url', '\(Self.oldURL)', 'https://example.invalid/x', '2025-01-01T00:00:00Z')
            """,
            """
            INSERT INTO catalog_changes (kind, key, field, old_value, new_value)
            VALUES ('source', 'nope', 'url', NULL, 'https://example.invalid/x')
            """,
        ]
        for statement in refused {
            #expect(throws: SQLiteError.self, "\(statement)") { try warehouse.database.write { try $0.execute(statement) } }
        }
        #expect(try fixtures.workspace.fingerprint() == before)

        // With its history written first, in the same transaction, SQL may amend too.
        try warehouse.database.write { connection in
            try connection.execute(
                "INSERT INTO catalog_changes (kind, key, field, old_value, new_value) VALUES ('source', ?, 'url', ?, ?)",
                Self.argaam, Self.oldURL, Self.newURL)
            try connection.execute("UPDATE sources SET url = ? WHERE key = ?", Self.newURL, Self.argaam)
        }
        #expect(try warehouse.catalogHistory(of: .source, key: Self.argaam).map(\.newValue) == [Self.newURL])
        // That change, replayed, is not a history for going back.
        #expect(throws: SQLiteError.self) {
            try warehouse.database.write { try $0.execute("UPDATE sources SET url = ? WHERE key = ?", Self.oldURL, Self.argaam) }
        }
        for statement in ["UPDATE catalog_changes SET reason = 'x'", "DELETE FROM catalog_changes"] {
            #expect(throws: SQLiteError.self, "\(statement)") { try warehouse.database.write { try $0.execute(statement) } }
        }
    }

    @Test func aBadValueChangesNothing() throws {
        let before = try fixtures.workspace.fingerprint()
        var clearTitle = SourceChanges(url: .set(Self.newURL))
        clearTitle.clear(.title)
        let cases: [(SourceChanges, String)] = [
            (clearTitle, "must have a title"),
            (SourceChanges(url: .set("ftp://example.invalid")), "an http:// or https:// address"),
            (SourceChanges(publisher: .set("  ")), "clear the field"),
            (SourceChanges(derivedFrom: .set(Self.argaam)), "it would relay itself"),
            (SourceChanges(derivedFrom: .set("nowhere")), "derived from nowhere, which is not in the warehouse"),
            (SourceChanges(derivedFrom: .set("Not A Key")), "lower-case letters"),
        ]
        for (changes, message) in cases {
            let error = #expect(throws: CatalogError.self) { try warehouse.amendSource(key: Self.argaam, changes: changes) }
            #expect(error?.description.contains(message) == true, "\(String(describing: error))")
        }
        // The study relays nothing; relaying the article that relays it would be a loop.
        let loop = #expect(throws: CatalogError.self) {
            try warehouse.amendSource(key: "eoi-2025", changes: SourceChanges(derivedFrom: .set(Self.argaam)))
        }
        #expect(loop == .relayLoop(key: "eoi-2025", chain: [Self.argaam, "ft-2025-11-26", "eoi-2025"]))
        var clearName = MeasureChanges()
        clearName.clear(.name)
        #expect(throws: CatalogError.cannotClear(kind: "measure", key: "eoi_download_share_12m", field: "name")) {
            try warehouse.amendMeasure(key: "eoi_download_share_12m", changes: clearName)
        }
        #expect(try fixtures.workspace.fingerprint() == before)
    }

    @Test func aFileNamingTheSourceAsItWasStillImports() throws {
        try amendURL()
        let again = try warehouse.importSnapshot(from: .file(Repository.path("Fixtures/eoi-12m-argaam-2025-11.json")))
        #expect(again.outcome == .unchanged)
        #expect(try warehouse.source(key: Self.argaam)?.url == Self.newURL, "the amendment stands")
        // A definition the source never had is still a conflict.
        let other = Source(key: Self.argaam, title: "Another title", url: Self.newURL, kind: .news)
        #expect(throws: CatalogError.self) { try warehouse.addSource(other) }
    }

    @Test func closeKeysArePrefixesContainingsAndTypos() {
        let keys = ["argaam-1862466", "eoi-2025", "ft-2025-11-26", "ft-2025-12-01", "mit-technology-review-2026-04"]
        #expect(Catalog.closeKeys(to: "argaam", among: keys) == ["argaam-1862466"])
        #expect(Catalog.closeKeys(to: "ft-2025-11-62", among: keys).first == "ft-2025-11-26")
        #expect(Catalog.closeKeys(to: "technology", among: keys) == ["mit-technology-review-2026-04"])
        #expect(Catalog.closeKeys(to: "ARGAAM", among: keys) == ["argaam-1862466"])
        #expect(Catalog.closeKeys(to: "zzz", among: keys).isEmpty)
    }
}

@Suite("Import receipts warn about publication dates")
struct PublicationDateWarningTests {
    let workspace: ImportWorkspace
    init() throws {
        workspace = try ImportWorkspace()
        try workspace.warehouse.addSource(
            Source(
                key: "dated-source", title: "A dated source", url: "https://example.invalid/dated",
                publishedOn: CalendarDate("2024-11-26"), kind: .report))
        try workspace.warehouse.addMeasure(
            Measure(key: "test_share", name: "Test share", unit: .percent, universe: "synthetic test data", attribution: "synthetic"))
    }

    func importDated(_ date: String, value: String = "17.1") throws -> ImportReceipt {
        try workspace.warehouse.importSnapshot(
            [ObservationInput(entity: "CN", value: value)],
            description: SnapshotDescription(
                measure: .key("test_share"), source: .key("dated-source"), publishedOn: CalendarDate(date),
                period: Period("2024-08")))
    }

    @Test func aSnapshotDatedBeforeItsSourceIsWarnedAbout() throws {
        let receipt = try importDated("2024-11-01")
        #expect(receipt.outcome == .imported, "a warning, not a refusal")
        #expect(receipt.warnings == [.publishedBeforeSource(source: "dated-source", sourcePublishedOn: CalendarDate("2024-11-26")!)])
    }

    @Test func aSnapshotDatedLongAfterItsSourceIsWarnedAbout() throws {
        let receipt = try importDated("2026-01-15")
        #expect(
            receipt.warnings == [
                .publishedLongAfterSource(source: "dated-source", sourcePublishedOn: CalendarDate("2024-11-26")!, days: 415)
            ])
        let json = String(decoding: try JSONEncoder().encode(receipt.warnings), as: UTF8.self)
        #expect(json.contains("\"kind\":\"published_long_after_source\"") && json.contains("\"days\":415"))
    }

    @Test func aSnapshotWithinItsSourcesYearIsNot() throws {
        #expect(try importDated("2024-11-26").warnings.isEmpty)
        #expect(try importDated("2025-12-31", value: "17.2").warnings.isEmpty, "400 days after: the last day without one")
        let source = Source(key: "s", title: "t", url: "https://example.invalid", publishedOn: CalendarDate("2025-01-01"), kind: .news)
        #expect(ImportWarning.publicationDates(of: CalendarDate("2026-02-05")!, source: source) == nil)
        #expect(ImportWarning.publicationDates(of: CalendarDate("2026-02-06")!, source: source) != nil)
        let undated = Source(key: "u", title: "t", url: "https://example.invalid", kind: .news)
        #expect(ImportWarning.publicationDates(of: CalendarDate("2000-01-01")!, source: undated) == nil)
    }
}
