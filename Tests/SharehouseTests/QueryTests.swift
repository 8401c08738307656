import Foundation
import Sharehouse
import SharehouseDB
import SharehouseTestSupport
import Testing

/// A warehouse with every bundled fixture imported.
struct FixtureWarehouse {
    let workspace: ImportWorkspace
    var warehouse: Warehouse { workspace.warehouse }

    init() throws {
        workspace = try ImportWorkspace()
        _ = try workspace.warehouse.importSnapshots(from: FixtureTests.fixtureFiles.map { .file($0) })
    }

    static let synthetic = QueryScope(measure: "synthetic_monthly_share")
}

@Suite("Queries on the synthetic monthly series (hand-computed)")
struct SyntheticQueryTests {
    let fixtures: FixtureWarehouse
    init() throws { fixtures = try FixtureWarehouse() }

    @Test func seriesInTimeOrderWithTheRevisionInForce() throws {
        let series = try fixtures.warehouse.series(entities: ["China", "الولايات المتحدة"], scope: FixtureWarehouse.synthetic)
        #expect(series.entities == ["CN", "US"])
        #expect(series.periodLength == .months(1))
        let periods = Array(Set(series.points.map(\.period))).sorted()
        #expect(periods.count == 25)
        #expect(periods.first?.description == "2024-01")
        #expect(periods.last?.description == "2026-01")
        func value(_ entity: String, _ period: String) -> String? {
            series.points.first { $0.entity == entity && $0.period.description == period }?.value.description
        }
        #expect(value("CN", "2024-01") == "8.0")
        #expect(value("US", "2025-10") == "14.3", "the revision of 2026-02-15 is in force")
        #expect(value("US", "2025-09") == "15.0")
        #expect(series.context.citations.map(\.publishedOn.description) == ["2026-01-15", "2026-02-15"])
        #expect(series.points.first { $0.period.description == "2025-10" }?.citation == 2)
    }

    @Test func asOfBeforeAndAfterTheRevision() throws {
        var scope = FixtureWarehouse.synthetic
        scope.asOf = CalendarDate("2026-02-14")
        let before = try fixtures.warehouse.series(entities: ["US"], from: Period("2025-10"), to: Period("2025-12"), scope: scope)
        #expect(before.points.map(\.value.description) == ["14.7", "14.3", "14.0"])
        #expect(before.context.asOf?.description == "2026-02-14")
        scope.asOf = CalendarDate("2026-02-15")
        let after = try fixtures.warehouse.series(entities: ["US"], from: Period("2025-10"), to: Period("2025-12"), scope: scope)
        #expect(after.points.map(\.value.description) == ["14.3", "13.9", "13.6"])
        scope.asOf = CalendarDate("2026-01-14")
        #expect(throws: QueryError.self) { try fixtures.warehouse.series(entities: ["US"], scope: scope) }
    }

    @Test func compareTwoMonths() throws {
        let result = try fixtures.warehouse.compare(from: Period("2024-01")!, to: Period("2025-12")!, scope: FixtureWarehouse.synthetic)
        #expect(result.overlap == nil)
        let rows = Dictionary(uniqueKeysWithValues: result.rows.map { ($0.entity, $0) })
        #expect(result.rows.map(\.entity) == ["CN", "INTL", "US", "GB", "FR", "DE"])
        #expect(rows["CN"]?.change == 12.6)
        #expect(rows["CN"]?.relativeChange == 157.5)
        #expect(rows["CN"]?.fromRank == 3)
        #expect(rows["CN"]?.toRank == 1)
        #expect(rows["CN"]?.rankChange == 2)
        #expect(rows["US"]?.change == -8.4)
        #expect(rows["US"]?.relativeChange == -38.18)
        #expect(rows["US"]?.rankChange == -2)
        #expect(rows["DE"]?.change == 0.2)
        #expect(rows["FR"]?.rankChange == 0)
        #expect(result.context.citations.count == 2)
    }

    @Test func leadersWithOtherAndNotReported() throws {
        let result = try fixtures.warehouse.leaders(period: Period("2025-12"), top: 3, scope: FixtureWarehouse.synthetic)
        #expect(result.rows.map { "\($0.rank) \($0.entity) \($0.value)" } == ["1 CN 20.6", "2 INTL 20.3", "3 US 13.6"])
        #expect(result.otherCount == 3)
        #expect(result.other?.description == "5.8")
        #expect(result.notReported?.description == "39.7")
        #expect(result.context.notes.contains { if case .topEntitiesOnly = $0 { true } else { false } })
    }

    @Test func crossoversCurrentAndByVintage() throws {
        let current = try fixtures.warehouse.crossovers("CN", "US", scope: FixtureWarehouse.synthetic)
        #expect(current.crossings.count == 1)
        let crossing = try #require(current.crossings.first)
        #expect(crossing.period.description == "2025-05")
        #expect(crossing.previousPeriod.description == "2025-04")
        #expect(crossing.leader == "CN")
        #expect(crossing.overtaken == "US")
        #expect("\(crossing.leaderValue) vs \(crossing.overtakenValue)" == "16.8 vs 16.4")
        #expect(crossing.publishedOn.description == "2026-01-15")
        let byVintage = try fixtures.warehouse.crossovers("CN", "US", byVintage: true, scope: FixtureWarehouse.synthetic)
        #expect(byVintage.crossings.map { "\($0.period) per \($0.publishedOn)" } == ["2025-05 per 2026-01-15"])
        let none = try fixtures.warehouse.crossovers("INTL", "GB", scope: FixtureWarehouse.synthetic)
        #expect(none.crossings.isEmpty)
        #expect(none.context.notes.contains { if case .noCrossing = $0 { true } else { false } })
    }

    @Test func concentrationIsALowerBoundOnATopNList() throws {
        let result = try fixtures.warehouse.concentration(period: Period("2025-12"), scope: FixtureWarehouse.synthetic)
        let row = try #require(result.rows.first)
        #expect(row.hhi == 1036.55)
        #expect(row.cr1 == 20.6)
        #expect(row.cr3 == 54.5)
        #expect(row.cr5 == 59.5)
        #expect(row.leader == "CN")
        #expect(row.entities == 6)
        #expect(row.isLowerBound)
        let all = try fixtures.warehouse.concentration(scope: FixtureWarehouse.synthetic)
        #expect(all.rows.count == 25)
    }

    @Test func revisionsSayWhatChangedAndWhen() throws {
        let result = try fixtures.warehouse.revisions(entities: ["US"], period: Period("2025-10"), scope: FixtureWarehouse.synthetic)
        #expect(
            result.rows.map { "\($0.value) \($0.knownFrom)..\($0.knownTo?.description ?? "now") \($0.change.map { String($0) } ?? "-")" }
                == ["14.7 2026-01-15..2026-02-15 -", "14.3 2026-02-15..now -0.4"])
        var scope = FixtureWarehouse.synthetic
        scope.asOf = CalendarDate("2026-02-01")
        let earlier = try fixtures.warehouse.revisions(entities: ["US"], period: Period("2025-10"), scope: scope)
        #expect(earlier.rows.map(\.value.description) == ["14.7"])
        #expect(earlier.rows.first?.knownTo == nil)
    }
}

@Suite("Queries on the real fixtures")
struct FixtureQueryTests {
    let fixtures: FixtureWarehouse
    init() throws { fixtures = try FixtureWarehouse() }

    @Test func theSeedPeriodsConcentrationIs567Point81AndALowerBound() throws {
        let result = try fixtures.warehouse.concentration(
            period: Period("2024-09/2025-08"),
            scope: QueryScope(sources: .only("argaam-1862466")))
        let row = try #require(result.rows.first)
        #expect(row.hhi == 567.81)
        #expect(row.cr3 == 36.5)
        #expect(row.isLowerBound)
        #expect(result.context.measure.key == "eoi_download_share_12m")
        #expect(result.context.citations.first?.sources.map(\.key) == ["argaam-1862466", "ft-2025-11-26", "eoi-2025"])
    }

    @Test func periodsInDifferentMeasuresAreNotCompared() throws {
        let error = try #require(throws: QueryError.self) {
            try fixtures.warehouse.compare(from: Period("2024-09/2025-08")!, to: Period("2025-02/2026-02")!, entities: ["CN", "US"])
        }
        guard case .differentMeasures(let details) = error else {
            Issue.record("expected differentMeasures, got \(error)")
            return
        }
        #expect(details.contains("2024-09/2025-08 is only in eoi_download_share_12m"))
        #expect(details.contains("2025-02/2026-02 is only in hf_download_share_by_origin"))
        #expect(error.description.contains("would mislead"))
    }

    /// "What changed this month?": the latest period against the one before it, of one
    /// length; a series without entities follows the latest period's top five.
    @Test func theLatestTwoPeriodsAndTheTopFiveByDefault() throws {
        let scope = QueryScope(measure: "synthetic_monthly_share")
        let latest = try fixtures.warehouse.compareLatest(scope: scope)
        let periods = try fixtures.warehouse.series(entities: ["CN"], scope: scope).points.map(\.period)
        #expect(latest.to == periods.last && latest.from == periods.dropLast().last)
        #expect(!latest.rows.isEmpty)
        let series = try fixtures.warehouse.series(scope: scope)
        let top = try fixtures.warehouse.leaders(top: 5, scope: scope).rows.prefix(5).map(\.entity)
        #expect(series.entities == Array(top) && series.entities.count == 5)
        #expect(series.entities.contains("INTL"), "buckets count as entities")
        #expect(try fixtures.warehouse.series(top: 2, scope: scope).entities == Array(top.prefix(2)))
    }

    @Test func theSourcePolicyIsStatedAndDeterministic() throws {
        let preferred = try fixtures.warehouse.leaders(period: Period("2024-09/2025-08"))
        // The source that lists the most entities for the period: Argaam's table of eight,
        // not the two-country relays (better verified, later, but less complete).
        #expect(preferred.context.citations.first?.sources.first?.key == "argaam-1862466")
        #expect(preferred.rows.map { "\($0.entity) \($0.value)" }.prefix(2) == ["CN 17.1", "US 15.8"])
        #expect(preferred.rows.count == 8)
        #expect(preferred.context.sourcePolicy == .preferred)
        let choice = try #require(
            preferred.context.notes.compactMap { note -> SourceChoice? in
                if case .sourceChosen(let choice, _) = note { choice } else { nil }
            }.first)
        #expect(choice == SourceChoice(source: "argaam-1862466", entities: 8, sources: 4, reason: .mostEntities))
        var scope = QueryScope()
        scope.asOf = CalendarDate("2025-11-30")
        let early = try fixtures.warehouse.leaders(period: Period("2024-09/2025-08"), scope: scope)
        #expect(early.context.citations.first?.sources.first?.key == "argaam-1862466")
        #expect(early.context.notes.contains { if case .sourceChosen(let choice, _) = $0 { choice.sources == 2 } else { false } })
        let argaam = try fixtures.warehouse.leaders(
            period: Period("2024-09/2025-08"), top: 3,
            scope: QueryScope(sources: .only("argaam-1862466")))
        #expect(argaam.rows.map(\.entity) == ["CN", "US", "GB"])
        #expect(argaam.otherCount == 5)
        #expect(argaam.other?.description == "5.2")
    }

    @Test func sourcesSideBySideLabelEachMeasure() throws {
        let result = try fixtures.warehouse.crossSource(period: Period("2024-09/2025-08"), entities: ["CN", "US"])
        let exact = result.columns.filter(\.isExactPeriod)
        #expect(
            Set(exact.map(\.source)) == [
                "argaam-1862466", "ft-2025-11-26", "stanford-hai-digichina-2025-12", "mit-technology-review-2026-04",
            ])
        #expect(Set(exact.map(\.measure.key)) == ["eoi_download_share_12m"])
        let overlapping = result.columns.filter { !$0.isExactPeriod }.map(\.measure.key)
        #expect(Set(overlapping) == ["eoi_download_share_cumulative", "hf_download_share_by_origin", "atom_cumulative_downloads"])
        let china = try #require(result.rows.first { $0.entity == "CN" })
        let chinaFigures = china.values.compactMap { $0 }.map(\.description)
        #expect(chinaFigures.contains("41"))
        #expect(result.notes.contains { if case .measuresSideBySide = $0 { true } else { false } })
    }

    @Test func groupSharesAreDerivedFromDatedMembership() throws {
        let result = try fixtures.warehouse.groupShares("European Union", scope: QueryScope(sources: .only("argaam-1862466")))
        let row = try #require(result.rows.first)
        #expect(row.value.description == "1.4", "France 1.0 + Germany 0.4; the UK left in 2020")
        #expect(row.membersWithFigures == ["DE", "FR"])
        #expect(!row.membersWithout.contains("GB"))
        #expect(result.context.notes.first == .derivedFromMembers(group: "EU"))
        #expect(throws: QueryError.noMembers(group: "EUROPE")) { try fixtures.warehouse.groupShares("Europe") }
    }

    @Test func countsHaveNoConcentration() throws {
        #expect(throws: QueryError.notAShare(measure: "atom_cumulative_downloads", query: "concentration")) {
            try fixtures.warehouse.concentration(scope: QueryScope(measure: "atom_cumulative_downloads"))
        }
    }
}

@Suite("Queries on hand-made data")
struct HandMadeQueryTests {
    /// A group's share keeps the report's source when it lists some members; when that
    /// source lists none, the one that does is taken, and the note says why.
    @Test func aGroupTakesASourceThatListsItsMembers() throws {
        let workspace = try ImportWorkspace()
        var fuller = Self.description(period: "2025-08")
        fuller.source = .definition(
            Source(key: "fuller", title: "Synthetic, more entities", url: "https://example.invalid/f", kind: .dataset))
        try workspace.warehouse.importSnapshot(
            [
                ObservationInput(entity: "CN", value: "20"), ObservationInput(entity: "US", value: "18"),
                ObservationInput(entity: "IN", value: "3"),
            ],
            description: fuller)
        try workspace.warehouse.importSnapshot(
            [ObservationInput(entity: "FR", value: "1.5")], description: Self.description(period: "2025-08"))
        let scope = QueryScope(measure: "hand_share")
        #expect(try workspace.warehouse.leaders(scope: scope).context.citations.first?.sources.first?.key == "fuller")
        let group = try workspace.warehouse.groupShares("EU", scope: scope)
        #expect(group.rows.map(\.value.description) == ["1.5"])
        let choice = group.context.notes.compactMap { note -> SourceChoice? in
            if case .sourceChosen(let choice, _) = note { choice } else { nil }
        }.first
        #expect(choice == SourceChoice(source: "hand", entities: 1, sources: 2, reason: .listsMembers))
    }

    static func description(period: String? = nil, published: String = "2026-01-01") -> SnapshotDescription {
        SnapshotDescription(
            measure: .definition(
                Measure(
                    key: "hand_share", name: "Hand share", unit: .percent, universe: "synthetic test data",
                    attribution: "synthetic")),
            source: .definition(
                Source(key: "hand", title: "Synthetic (not real data)", url: "https://example.invalid/hand", kind: .dataset)),
            publishedOn: CalendarDate(published), coverage: .complete, period: period.flatMap { Period($0) })
    }

    @Test func tiesShareARankAndTheCutKeepsThemAll() throws {
        let workspace = try ImportWorkspace()
        try workspace.warehouse.importSnapshot(
            [
                ObservationInput(entity: "CN", value: "29.0"), ObservationInput(entity: "US", value: "29.0"),
                ObservationInput(entity: "GB", value: "20.0"), ObservationInput(entity: "FR", value: "20.0"),
                ObservationInput(entity: "DE", value: "0.5"),
            ], description: Self.description(period: "2025-08"))
        let result = try workspace.warehouse.leaders(top: 3, scope: QueryScope(measure: "hand_share"))
        #expect(result.rows.map { "\($0.rank) \($0.entity)" } == ["1 CN", "1 US", "3 FR", "3 GB"])
        #expect(result.otherCount == 1)
        #expect(result.notReported?.description == "1.5")
        #expect(result.context.notes.contains(.tieAtCut(rank: 3)))
    }

    @Test func overlappingTrailingWindowsAreWarned() throws {
        let workspace = try ImportWorkspace()
        try workspace.warehouse.importSnapshot(
            [
                ObservationInput(entity: "CN", period: "2024-09/2025-08", value: "17.1"),
                ObservationInput(entity: "CN", period: "2024-10/2025-09", value: "18.0"),
            ], description: Self.description())
        let result = try workspace.warehouse.compare(
            from: Period("2024-09/2025-08")!, to: Period("2024-10/2025-09")!,
            scope: QueryScope(measure: "hand_share"))
        #expect(result.overlap == Period("2024-10/2025-08"))
        #expect(result.context.notes.contains(.periodsOverlap(shared: Period("2024-10/2025-08")!)))
        #expect(result.rows.first?.change == 0.9)
    }

    @Test func aSeriesKeepsToOnePeriodLength() throws {
        let workspace = try ImportWorkspace()
        try workspace.warehouse.importSnapshot(
            [
                ObservationInput(entity: "CN", period: "2025-07", value: "10"),
                ObservationInput(entity: "CN", period: "2025-08", value: "11"),
                ObservationInput(entity: "CN", period: "2025-09", value: "12"),
                ObservationInput(entity: "CN", period: "2024-09/2025-08", value: "17.1"),
            ], description: Self.description())
        let monthly = try workspace.warehouse.series(entities: ["CN"], scope: QueryScope(measure: "hand_share"))
        #expect(monthly.points.map(\.value.description) == ["10", "11", "12"])
        #expect(monthly.context.notes.first == .otherLengthsLeftOut(count: 1, lengths: [.months(12)]))
        let yearly = try workspace.warehouse.series(entities: ["CN"], length: .months(12), scope: QueryScope(measure: "hand_share"))
        #expect(yearly.points.map(\.value.description) == ["17.1"])
        #expect(!yearly.context.notes.contains(.overlappingWindows(months: 12)), "a single window overlaps no other")
    }
}
