import Foundation
import Sharehouse
import SharehouseTestSupport
import Testing

@testable import SharehouseReports

@Suite("Presentation: layout helpers, digits, charts")
struct PresentationTests {
    @Test func axisTicksAreRoundNumbersSpanningTheData() {
        #expect(AxisTicks.nice(minimum: 0, maximum: 17.1) == [0, 5, 10, 15, 20])
        #expect(AxisTicks.nice(minimum: 0, maximum: 41) == [0, 10, 20, 30, 40, 50])
        #expect(AxisTicks.nice(minimum: 0, maximum: 0.8) == [0, 0.2, 0.4, 0.6, 0.8])
        #expect(AxisTicks.nice(minimum: 0, maximum: 12) == [0, 2.5, 5, 7.5, 10, 12.5])
        #expect(AxisTicks.nice(minimum: 0, maximum: 100) == [0, 20, 40, 60, 80, 100])
        #expect(AxisTicks.nice(minimum: 0, maximum: 0) == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(AxisTicks.nice(minimum: 3, maximum: 7, count: 4) == [3, 4, 5, 6, 7])
        #expect(AxisTicks.decimalsOfStep(2.5) == 1)
        #expect(AxisTicks.decimalsOfStep(0.25) == 2)
        #expect(AxisTicks.decimalsOfStep(5) == 0)
    }

    @Test func labelsAreSpreadApartInTheirOrderWithinBounds() {
        #expect(LabelPlacement.spread([100, 102, 200], gap: 14, within: 0...300) == [100, 114, 200])
        // Order kept when given out of order; pushed back inside from the end.
        #expect(LabelPlacement.spread([295, 290, 10], gap: 14, within: 0...300) == [300, 286, 10])
        #expect(LabelPlacement.spread([50, 50, 50], gap: 10, within: 0...60) == [40, 50, 60])
        #expect(LabelPlacement.spread([], gap: 10, within: 0...1) == [])
        #expect(LabelPlacement.stride(labelWidth: 57, spacing: 22.25) == 3)
        #expect(LabelPlacement.stride(labelWidth: 40, spacing: 100) == 1)
    }

    @Test func numbersInWesternAndArabicIndicDigits() throws {
        #expect(DigitStyle.western.format(17.1, decimals: 1) == "17.1")
        #expect(DigitStyle.western.format(17.1, decimals: 2) == "17.10")
        #expect(DigitStyle.western.format(1.005, decimals: 2) == "1.01")
        #expect(DigitStyle.western.format(0.125, decimals: 2) == "0.13")
        #expect(DigitStyle.western.format(-2.5, decimals: 0) == "-3")
        #expect(DigitStyle.western.format(-0.004, decimals: 2) == "0.00")
        #expect(DigitStyle.western.percent(41, decimals: 0) == "41%")
        #expect(DigitStyle.arabicIndic.percent(17.1, decimals: 1) == "١٧٫١٪")
        #expect(DigitStyle.arabicIndic.format(1300, decimals: 0) == "١٣٠٠")
        // What Sharehouse writes in Arabic-Indic digits, it reads back.
        for value in [17.1, 15.8, 0.25, 41.0, 36.5] {
            let text = DigitStyle.arabicIndic.format(PublishedValue(value: value, decimals: 2))
            let parsed = try PublishedValue.parse(text).get()
            #expect(parsed.value == PublishedValue(value: value, decimals: 2), "\(text)")
        }
        #expect(SVGWriter.number(12.5) == "12.5")
        #expect(SVGWriter.number(12.0) == "12")
        #expect(SVGWriter.number(-0.001) == "0")
        #expect(SVGWriter.number(1.2345) == "1.23")
    }

    static func sampleChart(digits: DigitStyle = .western, language: ReportLanguage = .english) -> LineChart {
        LineChart(
            title: "Shares <over> time", summary: "China leads & the US follows",
            periods: ["2025-01", "2025-02", "2025-03"],
            lines: [
                .init(
                    name: "China",
                    points: [
                        .init(period: 0, value: PublishedValue(value: 15, decimals: 1)),
                        .init(period: 1, value: PublishedValue(value: 16.2, decimals: 1), isRevised: true),
                        .init(period: 2, value: PublishedValue(value: 17.1, decimals: 1)),
                    ]),
                .init(
                    name: "الولايات المتحدة",
                    points: [
                        .init(period: 0, value: PublishedValue(value: 16, decimals: 1)),
                        .init(period: 2, value: PublishedValue(value: 15.8, decimals: 1)),
                    ]),
            ],
            axisTitle: "Share (%)", revisedLabel: "revised later", footnotes: ["Sources: [1] Argaam, 2025-11-26"],
            style: ChartStyle(digits: digits, language: language))
    }

    @Test func aLineChartIsWellFormedComplete() throws {
        let svg = Self.sampleChart().svg()
        let xml = XMLCheck(svg)
        #expect(xml.error == nil, "\(xml.error ?? "")")
        #expect(xml.elements.first == "svg")
        #expect(xml.elements.prefix(3) == ["svg", "title", "desc"], "title and desc come first, for screen readers")
        #expect(xml.texts.contains("Shares <over> time"), "text is escaped, and parses back")
        #expect(xml.texts.contains("China 17.1%"))
        #expect(xml.texts.contains("الولايات المتحدة \u{2066}15.8%\u{2069}"), "a figure after an Arabic name stays left to right")
        #expect(xml.texts.contains("revised later"))
        #expect(xml.texts.contains("Sources: [1] Argaam, 2025-11-26"))
        #expect(xml.texts.contains("20%") && xml.texts.contains("0%"))
        #expect(xml.values(of: "data-entity", in: "g") == ["China", "الولايات المتحدة"])
        // The revised point has its ring: one in the legend, one on the line.
        #expect(xml.values(of: "r", in: "circle").filter { $0 == "6" }.count == 2)
        // Two lines differ by more than colour.
        let dashes = xml.values(of: "stroke-dasharray", in: "polyline")
        #expect(dashes.count == 2 && Set(dashes).count == 2)
        #expect(svg == Self.sampleChart().svg(), "the same data gives the same bytes")
        let arabic = XMLCheck(Self.sampleChart(digits: .arabicIndic, language: .arabic).svg())
        #expect(arabic.error == nil)
        #expect(arabic.texts.contains("China ١٧٫١٪"))
        // The figure after an Arabic name is isolated, so it is not read as Arabic.
        #expect(arabic.texts.contains("الولايات المتحدة \u{2066}١٥٫٨٪\u{2069}"))
    }

    /// Right-to-left text anchored at its end ran off the chart in Chrome: charts are laid
    /// out left to right in every language, and say so on the root, which a right-to-left
    /// page would otherwise hand down.
    @Test func chartsAreLaidOutLeftToRightInArabicToo() {
        let line = XMLCheck(Self.sampleChart(digits: .arabicIndic, language: .arabic).svg())
        let bars = XMLCheck(
            BarChart(
                title: "المتصدرون · \(BidiText.leftToRight("2024-09/2025-08"))", summary: "",
                bars: [.init(label: "الصين", value: PublishedValue(value: 17.1, decimals: 1))], axisTitle: "حصة التنزيلات (٪)",
                footnotes: ["المصادر: [١] Argaam (أرقام), \(BidiText.leftToRight("2025-11-26"))"],
                style: ChartStyle(digits: .arabicIndic, language: .arabic)
            ).svg())
        for xml in [line, bars] {
            #expect(xml.error == nil)
            #expect(xml.values(of: "direction", in: "svg") == ["ltr"])
            #expect(xml.values(of: "direction", in: "text").isEmpty)
            #expect(xml.values(of: "unicode-bidi", in: "text").isEmpty)
        }
        // Arabic sentences read right to left within themselves (U+2067 ... U+2069), the
        // period inside left to right (U+2066 ... U+2069), both placed from the left.
        #expect(bars.texts.contains("\u{2067}المتصدرون · \u{2066}2024-09/2025-08\u{2069}\u{2069}"))
        #expect(bars.texts.contains("\u{2067}المصادر: [١] Argaam (أرقام), \u{2066}2025-11-26\u{2069}\u{2069}"))
        #expect(bars.values(of: "x", in: "text").first == "16")
        // The bar's name ends left of the bar, its value after it.
        #expect(bars.values(of: "text-anchor", in: "text").filter { $0 == "end" }.count == 1)
    }

    @Test func periodsAndDatesAreIsolatedOnlyAfterRightToLeftText() {
        #expect(BidiText.leftToRight("2025-11-26", after: "Argaam (أرقام), ") == "\u{2066}2025-11-26\u{2069}")
        #expect(BidiText.leftToRight("2025-11-26", after: "Argaam, ") == "2025-11-26")
        #expect(BidiText.leftToRight("2024-09/2025-08", after: "Leaders", language: .arabic) == "\u{2066}2024-09/2025-08\u{2069}")
        #expect(BidiText.sentence("المتصدرون", language: .arabic) == "\u{2067}المتصدرون\u{2069}")
        #expect(BidiText.sentence("Leaders", language: .english) == "Leaders")
    }

    /// A long measure in the title was cut at 760 pixels: it is a subtitle now, and both
    /// lines are shortened with "…" to the estimated width; `<title>` keeps all of it.
    @Test func titlesAndSubtitlesFitTheWidth() throws {
        let measure =
            "Share of Hugging Face model downloads by developer country, trailing 12 months, as annotated by the "
            + "Economies of Open Intelligence study of 851,000 models"
        let chart = BarChart(
            title: "Leaders · 2024-09/2025-08", subtitle: measure, summary: "China 17.1%",
            bars: [.init(label: "China", value: PublishedValue(value: 17.1, decimals: 1))], axisTitle: "Share (%)",
            footnotes: [])
        let xml = XMLCheck(chart.svg())
        #expect(xml.texts.contains("Leaders · 2024-09/2025-08"))
        #expect(xml.texts.contains("Leaders · 2024-09/2025-08 · " + measure), "the full title for screen readers")
        let subtitle = try #require(xml.texts.first { $0.hasSuffix("…") })
        #expect(
            subtitle
                == "Share of Hugging Face model downloads by developer country, trailing 12 months, as annotated by the Economies of Open…")
        #expect(TextMetrics.width(subtitle, fontSize: 12) <= 760 - 32)
        #expect(TextMetrics.truncate("short", toWidth: 100, fontSize: 12) == "short")
        #expect(
            TextMetrics.wrap("aaaa bbbb cccc", toWidth: TextMetrics.width("aaaa bbbb", fontSize: 11), fontSize: 11) == [
                "aaaa bbbb", "cccc",
            ])
    }

    /// Counts are not shares: no percent sign, thousands grouped, the axis in millions or
    /// billions, and a left margin as wide as its longest tick label.
    @Test func countsAreWrittenAsCountsNotPercentages() throws {
        #expect(DigitStyle.western.grouped(1_150_000_000, decimals: 0) == "1,150,000,000")
        #expect(DigitStyle.western.grouped(-1234.5, decimals: 1) == "-1,234.5")
        #expect(DigitStyle.western.grouped(999, decimals: 0) == "999")
        #expect(DigitStyle.arabicIndic.grouped(723_000_000, decimals: 0) == "٧٢٣٬٠٠٠٬٠٠٠")
        let style = ChartStyle(isPercent: false)
        #expect(
            style.tickLabels([0, 250_000_000, 500_000_000, 750_000_000, 1_000_000_000, 1_250_000_000])
                == ["0", "0.25 B", "0.50 B", "0.75 B", "1.00 B", "1.25 B"])
        #expect(style.tickLabels([0, 20_000, 40_000]) == ["0", "20,000", "40,000"])
        #expect(ChartStyle(language: .arabic, isPercent: false).tickLabels([0, 5_000_000]) == ["0", "5 مليون"])
        let chart = LineChart(
            title: "Downloads over time", summary: "", periods: ["2025", "2026"],
            lines: [
                .init(
                    name: "China",
                    points: [
                        .init(period: 0, value: PublishedValue(value: 12_345_678, decimals: 0)),
                        .init(period: 1, value: PublishedValue(value: 23_456_789, decimals: 0)),
                    ])
            ],
            axisTitle: "Downloads", revisedLabel: "revised", footnotes: [], style: style)
        let svg = chart.svg()
        let xml = XMLCheck(svg)
        #expect(!xml.texts.contains { $0.contains("%") })
        #expect(xml.texts.contains("China 23,456,789"))
        #expect(xml.texts.contains("25 M"))
        // Every tick label starts inside the chart: right-aligned at x, its width to the left.
        for match in svg.matches(of: /<text x="([0-9.]+)" y="[0-9.]+" text-anchor="end" fill="#444444">([^<]+)<\/text>/) {
            #expect(Double(match.1)! - TextMetrics.width(String(match.2), fontSize: 12) >= 16, "\(match.2)")
        }
    }

    @Test func twoChartsOnAPageHaveTheirOwnIds() {
        var chart = Self.sampleChart()
        chart.idPrefix = "series-chart"
        let xml = XMLCheck(chart.svg())
        #expect(xml.values(of: "id", in: "title") == ["series-chart-title"])
        #expect(xml.values(of: "id", in: "desc") == ["series-chart-desc"])
        #expect(xml.values(of: "aria-labelledby", in: "svg") == ["series-chart-title series-chart-desc"])
    }

    /// Six entities overflowed the legend's one row; a line without figures had an entry
    /// with nothing drawn and nothing said; four marker shapes left six lines alike in grey.
    @Test func theLegendWrapsSaysWhatHasNoFiguresAndEveryLineHasItsMarker() {
        #expect(
            LegendLayout.rows([100, 100, 100], left: 16, right: 250, gap: 14)
                == [.init(x: 16, row: 0), .init(x: 130, row: 0), .init(x: 16, row: 1)])
        #expect(LegendLayout.rows([400], left: 16, right: 250, gap: 14) == [.init(x: 16, row: 0)])
        #expect(ChartStyle.Marker.allCases.count == ChartStyle.colors.count)
        let names = ["China", "United States", "United Kingdom", "France", "India", "Germany", "Switzerland", "Singapore"]
        let chart = LineChart(
            title: "Shares over time", summary: "", periods: ["2025-01", "2025-02"],
            lines: names.map { name in
                .init(
                    name: name,
                    points: name == "India"
                        ? []
                        : [
                            .init(period: 0, value: PublishedValue(value: 3, decimals: 1)),
                            .init(period: 1, value: PublishedValue(value: 4, decimals: 1), isRevised: true),
                        ])
            },
            axisTitle: "Share (%)", revisedLabel: "revised in a later publication", footnotes: [])
        let svg = chart.svg()
        let xml = XMLCheck(svg)
        #expect(xml.texts.contains("India (no figures)"))
        #expect(!xml.values(of: "data-entity", in: "g").contains("India"), "nothing drawn for India")
        let legend = try! #require(svg.firstMatch(of: /<g class="legend">(?s)(.*?)<\/g>/)).1
        let entries = legend.matches(of: /<text x="([0-9.]+)" y="([0-9.]+)"[^>]*>([^<]+)<\/text>/)
        #expect(entries.count == 9)
        #expect(Set(entries.map { $0.2 }).count == 2, "two rows")
        for entry in entries {
            #expect(Double(entry.1)! + TextMetrics.width(String(entry.3), fontSize: 12) <= 760 - 16, "\(entry.3)")
        }
    }

    /// One of each note. The switch in `isListed` fails to compile when a case is added
    /// and not listed here, so every note is rendered by the test below.
    static let everyNote: [ReportNote] = [
        .topEntitiesOnly(rest: PublishedValue(value: 67.04, decimals: 2)), .topEntitiesOnly(rest: nil), .tieAtCut(rank: 3),
        .topNListsIncluded, .periodsOverlap(shared: Period("2024-10/2025-08")!),
        .periodLengthsDiffer(.months(1), .months(12)), .sourcesDiffer("argaam-1862466", "ft-2025"), .concentrationLowerBound,
        .measuresSideBySide(count: 4), .columnsOnlyOverlap(Period("2024-09/2025-08")!), .noCrossing("CN", "US"),
        .derivedFromMembers(group: "EU"), .otherLengthsLeftOut(count: 1, lengths: [.months(12)]), .overlappingWindows(months: 12),
        .sourceChosen(SourceChoice(source: "argaam-1862466", entities: 8, sources: 4, reason: .mostEntities), publisher: "Argaam"),
    ]

    static func isListed(_ note: ReportNote) -> Bool {
        switch note {
        case .topEntitiesOnly, .tieAtCut, .topNListsIncluded, .periodsOverlap, .periodLengthsDiffer, .sourcesDiffer,
            .concentrationLowerBound, .measuresSideBySide, .columnsOnlyOverlap, .noCrossing, .derivedFromMembers,
            .otherLengthsLeftOut, .overlappingWindows, .sourceChosen:
            true
        }
    }

    @Test func everyNoteReadsInEnglishAndArabic() throws {
        let names = ["CN": "الصين", "US": "الولايات المتحدة", "EU": "الاتحاد الأوروبي"]
        #expect(Set(Self.everyNote.map(\.kind)).count == 14, "one of each case (isListed does not compile without them all)")
        for note in Self.everyNote {
            let english = ReportLanguage.english.text(note)
            let arabic = ReportLanguage.arabic.text(note, digits: .arabicIndic, names: names)
            #expect(!english.isEmpty && english.unicodeScalars.allSatisfy { $0.isASCII || $0 == "≥" }, "\(english)")
            #expect(arabic.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }, "\(arabic)")
            // Figures in Arabic-Indic digits; Western digits only inside an isolated period or a key.
            let outsideIsolates = arabic.split(separator: "\u{2066}").map { $0.split(separator: "\u{2069}").last ?? "" }
            #expect(
                !outsideIsolates.contains { part in part.contains { $0.isASCII && $0.isNumber } }
                    || note == .sourcesDiffer("argaam-1862466", "ft-2025"), "\(arabic)")
        }
        #expect(
            ReportLanguage.arabic.text(.topEntitiesOnly(rest: PublishedValue(value: 67.04, decimals: 2)), digits: .arabicIndic)
                == "لا يذكر المصدر إلا أبرز الجهات: ٦٧٫٠٤٪ منها غير مفصّلة")
        #expect(
            ReportLanguage.english.text(.topEntitiesOnly(rest: PublishedValue(value: 67.04, decimals: 2)))
                == "the source lists only its top entities: 67.04% is not broken down")
        #expect(
            ReportLanguage.arabic.text(.measuresSideBySide(count: 4))
                == "4 مقاييس: كل عمود يعدّ ما يعدّه مقياسه؛ لا تقرأ عبر المقاييس كأنها سلسلة واحدة")
        #expect(
            ReportLanguage.arabic.text(.columnsOnlyOverlap(Period("2024-09/2025-08")!), digits: .arabicIndic)
                == "الأعمدة المعلَّمة بفترتها الخاصة لا تطابق \u{2066}2024-09/2025-08\u{2069} بل تتداخل معها فقط",
            "periods keep Western digits")
        #expect(
            ReportLanguage.arabic.text(.noCrossing("CN", "US"), names: names) == "لا تتبادل الصين والولايات المتحدة المراكز في هذه الفترات")
        #expect(
            ReportLanguage.english.text(.derivedFromMembers(group: "EU"), names: ["EU": "European Union"])
                .hasPrefix("derived: European Union is the sum of its members' figures"))
    }

    @Test func verificationAndPeriodLengthsInArabic() {
        #expect(ReportLanguage.arabic.verification(.secondary) == "منقول عن مصدر ثانوي")
        #expect(ReportLanguage.english.verification(.secondary) == "secondary")
        #expect(ReportLanguage.arabic.periodLength(.months(1)) == "شهر واحد")
        #expect(ReportLanguage.arabic.periodLength(.months(12)) == "12 شهراً")
    }

    @Test func aBarChartShowsEveryBarAndTheOthers() {
        let chart = BarChart(
            title: "Leaders", summary: "China 17.1%",
            bars: [
                .init(label: "China", value: PublishedValue(value: 17.1, decimals: 1)),
                .init(label: "United States", value: PublishedValue(value: 15.8, decimals: 1)),
                .init(label: "Others", value: PublishedValue(value: 67.1, decimals: 1), isAggregate: true),
            ], axisTitle: "Share (%)", footnotes: ["Sources: [1] Argaam"])
        let xml = XMLCheck(chart.svg())
        #expect(xml.error == nil)
        #expect(xml.values(of: "data-value", in: "rect") == ["17.1", "15.8", "67.1"])
        #expect(xml.values(of: "fill", in: "rect").contains("#bbbbbb"), "the others' bar is grey")
        #expect(xml.texts.contains("17.1%") && xml.texts.contains("Others"))
        #expect(chart.svg() == chart.svg())
    }
}
