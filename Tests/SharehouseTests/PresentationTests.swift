import Foundation
import Testing
@testable import Sharehouse
import SharehouseTestSupport

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

    static func sampleChart(digits: DigitStyle = .western, rightToLeft: Bool = false) -> LineChart {
        LineChart(
            title: "Shares <over> time", summary: "China leads & the US follows",
            periods: ["2025-01", "2025-02", "2025-03"],
            lines: [
                .init(name: "China", points: [.init(period: 0, value: PublishedValue(value: 15, decimals: 1)),
                                              .init(period: 1, value: PublishedValue(value: 16.2, decimals: 1), isRevised: true),
                                              .init(period: 2, value: PublishedValue(value: 17.1, decimals: 1))]),
                .init(name: "الولايات المتحدة", points: [.init(period: 0, value: PublishedValue(value: 16, decimals: 1)),
                                                          .init(period: 2, value: PublishedValue(value: 15.8, decimals: 1))]),
            ],
            axisTitle: "Share (%)", revisedLabel: "revised later", footnotes: ["Sources: [1] Argaam, 2025-11-26"],
            style: ChartStyle(digits: digits, rightToLeft: rightToLeft))
    }

    @Test func aLineChartIsWellFormedComplete() throws {
        let svg = Self.sampleChart().svg()
        let xml = XMLCheck(svg)
        #expect(xml.error == nil, "\(xml.error ?? "")")
        #expect(xml.elements.first == "svg")
        #expect(xml.elements.prefix(3) == ["svg", "title", "desc"], "title and desc come first, for screen readers")
        #expect(xml.texts.contains("Shares <over> time"), "text is escaped, and parses back")
        #expect(xml.texts.contains("China 17.1%"))
        #expect(xml.texts.contains("الولايات المتحدة 15.8%"))
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
        let arabic = XMLCheck(Self.sampleChart(digits: .arabicIndic, rightToLeft: true).svg())
        #expect(arabic.error == nil)
        #expect(arabic.texts.contains("China ١٧٫١٪"))
        #expect(arabic.values(of: "direction", in: "text").contains("rtl"))
    }

    @Test func aBarChartShowsEveryBarAndTheOthers() {
        let chart = BarChart(title: "Leaders", summary: "China 17.1%", bars: [
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
