import Foundation
import Testing
import Sharehouse
import SharehouseTestSupport

/// Charts, the HTML report and Arabic output, through the real binary on the bundled
/// fixtures.
@Suite("sharehouse chart, report --format html, --lang ar")
struct ChartAndHTMLCLITests {
    let directory: TemporaryDirectory
    var database: String { directory.file("w.sqlite") }

    init() throws {
        directory = try TemporaryDirectory("cli-charts")
        let folder = Repository.path("Fixtures")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.sorted()
            .map { folder + "/" + $0 } + ["monthly-shares-2026-01.csv", "monthly-shares-2026-02.csv"].map { folder + "/synthetic/" + $0 }
        let imported = try SharehouseBinary.run(["import"] + files + ["--db", database], in: directory.path)
        #expect(imported.status == 0, "\(imported.stderr)")
    }

    func run(_ arguments: String..., environment: [String: String] = [:]) throws -> ProcessResult {
        try SharehouseBinary.run(arguments + ["--db", database], in: directory.path, environment: environment)
    }

    @Test func theWholeReportSaysWhoLeadsByHowMuchAndWhoSaysSo() throws {
        let result = try run("report", "--all", "--format", "html")
        #expect(result.status == 0, "\(result.stderr)")
        let html = result.stdout
        let xml = XMLCheck(html)
        #expect(xml.error == nil, "\(xml.error ?? "")")
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(xml.values(of: "lang", in: "html") == ["en"])
        // Who leads, by how much, in which period, by which measure, who says so.
        let lead = try #require(html.firstMatch(of: /<p class="lead">(.*)<\/p>/)).1
        let headline = String(lead).replacing(/<[^>]+>/, with: "")
        #expect(headline.contains(/China leads with [0-9.]+% in [0-9\/-]+, [0-9.]+ points ahead of [A-Za-z ]+ \([0-9.]+%\), by the measure “.+”\. \[1\]/),
                "\(headline)")
        #expect(html.contains("<strong>China</strong> leads with"))
        #expect(html.contains("by the measure"))
        #expect(xml.values(of: "href", in: "a").contains("#cite-1"))
        // Both charts, inline, and the citations with their links.
        #expect(xml.elements.filter { $0 == "svg" }.count == 2)
        #expect(xml.texts.contains { $0.hasPrefix("Shares over time") })
        #expect(xml.values(of: "id", in: "li").contains("cite-1"))
        #expect(xml.values(of: "href", in: "a").contains { $0.hasPrefix("https://") })
        // Self-contained: no scripts, nothing fetched.
        #expect(!xml.elements.contains("script") && !xml.elements.contains("link") && !xml.elements.contains("img"))
        #expect(!html.contains("src=\"http"))
        // The same data, the same bytes.
        #expect(try run("report", "--all", "--format", "html").stdout == html)
    }

    @Test func theReportInArabicReadsRightToLeftWithArabicNamesAndDigits() throws {
        let result = try run("report", "--all", "--lang", "ar", "--digits", "arabic-indic")
        #expect(result.status == 0, "\(result.stderr)")
        let xml = XMLCheck(result.stdout)
        #expect(xml.error == nil, "\(xml.error ?? "")")
        #expect(xml.values(of: "lang", in: "html") == ["ar"])
        #expect(xml.values(of: "dir", in: "html") == ["rtl"])
        #expect(result.stdout.contains("<strong>الصين</strong>"), "Arabic entity names")
        #expect(result.stdout.contains("الولايات المتحدة"))
        #expect(result.stdout.contains("المراجع"), "Arabic headings")
        // Figures in Arabic-Indic digits that read back as the same numbers; kept left to
        // right inside the right-to-left page.
        let figure = try #require(result.stdout.firstMatch(of: /<bdi dir="ltr">([٠-٩]+٫[٠-٩]+)٪<\/bdi>/)).1
        let value = try PublishedValue.parse(String(figure)).get().value
        #expect(value.value > 0 && value.value <= 100)
        // A name typed in Arabic finds the entity the report names.
        let resolved = try SharehouseBinary.run(["entities", "resolve", "الصين", "--db", database], in: directory.path)
        #expect(resolved.stdout.contains("CN"))
    }

    @Test func eachReportAsAnHTMLPage() throws {
        for arguments in [["report", "leaders"], ["report", "series", "--entity", "CN", "--entity", "US", "--measure", "synthetic_monthly_share"],
                          ["report", "concentration", "--period", "2024-09/2025-08", "--source", "argaam-1862466"],
                          ["report", "sources", "--period", "2024-09/2025-08"]] {
            let result = try SharehouseBinary.run(arguments + ["--format", "html", "--db", database], in: directory.path)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            let xml = XMLCheck(result.stdout)
            #expect(xml.error == nil, "\(arguments): \(xml.error ?? "")")
            #expect(xml.elements.contains("table"), "\(arguments)")
            #expect(xml.elements.contains("ol"), "\(arguments): the citations")
        }
        let series = try run("report", "series", "--entity", "CN", "--measure", "synthetic_monthly_share", "--format", "html")
        #expect(XMLCheck(series.stdout).elements.contains("svg"), "a series page carries its chart")
    }

    @Test func chartsAreWrittenToAFileTheSameEachTime() throws {
        let out = directory.file("series.svg")
        let result = try run("chart", "series", "--entity", "CN", "--entity", "United States", "--measure", "synthetic_monthly_share",
                             "--out", out)
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOfFile: out, encoding: .utf8)
        let xml = XMLCheck(svg)
        #expect(xml.error == nil)
        #expect(xml.values(of: "data-entity", in: "g") == ["China", "United States"])
        #expect(xml.texts.contains { $0.hasPrefix("China ") && $0.hasSuffix("%") })
        #expect(xml.texts.contains("revised in a later publication"), "the synthetic series was revised")
        #expect(xml.texts.contains { $0.hasPrefix("Sources: [1]") })
        #expect(try run("chart", "series", "--entity", "CN", "--entity", "United States", "--measure", "synthetic_monthly_share").stdout
            == svg + "\n", "standard output gives the same bytes")

        let leaders = try run("chart", "leaders", "--period", "2024-09/2025-08", "--source", "argaam-1862466", "--lang", "ar",
                              "--digits", "arabic-indic")
        #expect(leaders.status == 0, "\(leaders.stderr)")
        let bars = XMLCheck(leaders.stdout)
        #expect(bars.error == nil)
        #expect(bars.texts.contains("الصين"))
        #expect(bars.texts.contains("١٧٫١٪"))
        #expect(bars.texts.contains("آخرون") || bars.texts.contains("غير مفصّل"), "the rest has a bar")
    }

    @Test func sparklinesOnlyAtATerminal() throws {
        // Piped (as here) there is no sparkline row; `script` gives the binary a terminal.
        let piped = try run("report", "series", "--entity", "CN", "--measure", "synthetic_monthly_share")
        #expect(!piped.stdout.contains("TREND"))
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let command = "\(SharehouseBinary.path) report series --entity CN --measure synthetic_monthly_share --db \(database)"
        // NO_COLOR emptied: the test runner may set it.
        let terminal = try runProcess("/usr/bin/script", ["-qec", command, "/dev/null"], environment: ["NO_COLOR": ""])
        #expect(terminal.stdout.contains("TREND"), "\(terminal.stdout)")
        #expect(terminal.stdout.contains { Sparkline.blocks.contains($0) })
        let noColor = try runProcess("/usr/bin/script", ["-qec", command, "/dev/null"], environment: ["NO_COLOR": "1"])
        #expect(!noColor.stdout.contains("TREND"))
    }

    @Test func textReportsInArabic() throws {
        let result = try run("report", "leaders", "--period", "2024-09/2025-08", "--source", "argaam-1862466", "--lang", "ar",
                             "--digits", "arabic-indic")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("الترتيب"), "Arabic headers")
        #expect(result.stdout.contains("الصين"))
        #expect(result.stdout.contains("١٧٫١٪"))
        #expect(result.stdout.contains("المصادر:"))
    }
}

/// The blocks of the CLI's sparklines (the test target cannot see the CLI's types).
enum Sparkline {
    static let blocks: Set<Character> = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
}
