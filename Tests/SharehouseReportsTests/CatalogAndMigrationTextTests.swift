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
}
