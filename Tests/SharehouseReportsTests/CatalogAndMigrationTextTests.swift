import Sharehouse
import SharehouseReports
import Testing

@Suite("Catalog and migration text: what list, show and migrate print")
struct CatalogAndMigrationTextTests {
    static let measure = Measure(
        key: "share_12m", name: "Share, 12 months", unit: .percent, universe: "open models", attribution: "developer country")

    @Test func versionsHaveFourDigitsAtLeast() {
        #expect(MigrationText.version(3) == "0003")
        #expect(MigrationText.version(42) == "0042")
        #expect(MigrationText.version(1234) == "1234")
        #expect(MigrationText.version(20_260_101_120_000) == "20260101120000")
    }

    @Test func aMeasureIsItsKeyAndNameThenItsFieldsAligned() {
        #expect(
            CatalogText.describe(Self.measure)
                == "share_12m: Share, 12 months\n  unit:        percent\n  universe:    open models\n  attribution: developer country")
        let described = Measure(
            key: "m", name: "M", unit: .count, universe: "u", attribution: "a", description: "More about it.")
        #expect(CatalogText.describe(described).hasSuffix("  attribution: a\n  More about it."))
    }

    @Test func aMeasuresTableHasAHeaderAndALinePerMeasure() {
        let table = CatalogText.measuresTable([Self.measure])
        #expect(table == "KEY        UNIT     NAME\nshare_12m  percent  Share, 12 months")
    }

    @Test func aSourceChainIsABlockPerSourceWithABlankLineBetween() {
        let relayed = Source(key: "study", title: "The study", url: "https://example.invalid/s", kind: .study)
        let news = Source(
            key: "news", title: "The news", url: "https://example.invalid/n", kind: .news, derivedFrom: "study")
        let text = SourceText.describe(chain: [news, relayed])
        #expect(text.hasPrefix("news: The news\n  kind: news\n"))
        #expect(text.contains("  derived from: study\n\nrelays: study: The study\n  kind: study\n"))
    }

    static let change = CatalogChange(
        id: 1, kind: .source, key: "news", field: "url", oldValue: "https://example.invalid/old",
        newValue: "https://example.invalid/new", changedAt: "2026-03-01T09:30:00Z", reason: "the article moved")

    @Test func aChangeIsItsDateKeyFieldAndReasonThenItsValuesOnLinesOfTheirOwn() {
        #expect(
            CatalogHistoryText.lines([Self.change])
                == [
                    "  2026-03-01T09:30:00Z  news  url (the article moved)", "    from: https://example.invalid/old",
                    "    to:   https://example.invalid/new",
                ])
        let cleared = CatalogChange(
            id: 2, kind: .measure, key: "m", field: "description", oldValue: "More.", newValue: nil,
            changedAt: "2026-03-02T10:00:00Z", reason: nil)
        #expect(CatalogHistoryText.lines([cleared], indent: "").last == "  to:   (none)")
        #expect(
            CatalogHistoryText.describe(CatalogAmendment(kind: .source, key: "news", changes: []))
                == "nothing changed: the source news already has these values")
    }

    @Test func aSourceShownAsOfADayListsItsHistoryAndTheChangesAfter() {
        let news = Source(key: "news", title: "The news", url: "https://example.invalid/old", kind: .news)
        let now = SourceText.describe(SourceDetails(asOf: nil, chain: [news], history: [Self.change], laterChanges: 0))
        #expect(now.hasPrefix("news: The news\n"))
        #expect(now.contains("\n\nhistory:\n  2026-03-01T09:30:00Z  news  url (the article moved)\n"))
        let then = SourceText.describe(
            SourceDetails(asOf: CalendarDate("2026-02-01"), chain: [news], history: [], laterChanges: 1))
        #expect(then.hasPrefix("as of 2026-02-01:\n\nnews: The news\n"))
        #expect(then.hasSuffix("\n\n1 later change (after 2026-02-01) not applied"))
        #expect(!then.contains("history:"))
        let unchanged = SourceText.describe(SourceDetails(asOf: nil, chain: [news], history: [], laterChanges: 0))
        #expect(unchanged == SourceText.describe(chain: [news]), "a source never amended shows as before")
        let measure = CatalogText.describe(MeasureDetails(asOf: nil, measure: Self.measure, history: [], laterChanges: 0))
        #expect(measure == CatalogText.describe(Self.measure))
    }

    @Test func publicationDateWarningsInEnglishAndArabic() {
        let before = ImportWarning.publishedBeforeSource(source: "ft-2025-11-26", sourcePublishedOn: CalendarDate("2025-11-26")!)
        let after = ImportWarning.publishedLongAfterSource(
            source: "ft-2025-11-26", sourcePublishedOn: CalendarDate("2025-11-26")!, days: 415)
        #expect(
            ReportLanguage.english.text(before)
                == "dated before its source ft-2025-11-26 was published (2025-11-26): is one of the two dates wrong?")
        #expect(ReportLanguage.english.text(after).hasPrefix("dated 415 days after its source ft-2025-11-26 was published"))
        for warning in [before, after] {
            let arabic = ReportLanguage.arabic.text(warning, digits: .arabicIndic)
            #expect(BidiText.hasRightToLeft(arabic))
            #expect(arabic.contains("\u{2066}ft-2025-11-26\u{2069}"), "keys stay left to right: \(arabic)")
        }
        #expect(ReportLanguage.arabic.text(after, digits: .arabicIndic).contains("٤١٥"))
    }
}
