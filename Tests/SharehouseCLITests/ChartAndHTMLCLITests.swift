import Foundation
import Sharehouse
import SharehouseReports
import SharehouseTestSupport
import Testing

/// Charts, the HTML report and Arabic output, through the real binary on the bundled
/// fixtures.
@Suite("sharehouse chart, report --format html, --lang ar")
struct ChartAndHTMLCLITests {
    let directory: TemporaryDirectory
    var database: String { directory.file("w.sqlite") }

    init() throws {
        directory = try TemporaryDirectory("cli-charts")
        let imported = try SharehouseBinary.run(["import"] + Repository.fixtureFiles + ["--db", database], in: directory.path)
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
        #expect(
            headline.contains(
                /China leads with [0-9.]+% in [0-9\/-]+, [0-9.]+ points ahead of [A-Za-z ]+ \([0-9.]+%\), by the measure “.+”, says Argaam \(أرقام\), relaying Financial Times and .+\. \[1\]/
            ),
            "\(headline)")
        #expect(html.contains("<strong>China</strong> leads with"))
        #expect(html.contains("by the measure"))
        #expect(xml.values(of: "href", in: "a").contains("#cite-1"))
        // The leaders' chart inline (no real measure has a series of these entities; the
        // synthetic one is left out), and the citations with their links.
        #expect(xml.elements.filter { $0 == "svg" }.count == 1)
        #expect(!html.contains("Synthetic") && !html.contains("synthetic"), "no synthetic measure on the real page")
        // Asked for by key, the synthetic measure has its page, and its series over time.
        let synthetic = XMLCheck(try run("report", "--all", "--format", "html", "--measure", "synthetic_monthly_share").stdout)
        #expect(synthetic.elements.filter { $0 == "svg" }.count == 2)
        #expect(synthetic.texts.contains { $0.hasPrefix("Shares over time") })
        #expect(xml.values(of: "id", in: "li").contains("cite-1"))
        #expect(xml.values(of: "href", in: "a").contains { $0.hasPrefix("https://") })
        // Self-contained: no scripts, nothing fetched.
        #expect(!xml.elements.contains("script") && !xml.elements.contains("link") && !xml.elements.contains("img"))
        #expect(!html.contains("src=\"http"))
        // The same data, the same bytes.
        #expect(try run("report", "--all", "--format", "html").stdout == html)
    }

    @Test func theReportInArabicReadsRightToLeftWithArabicNamesAndDigits() throws {
        let result = try run("report", "--all", "--format", "html", "--lang", "ar", "--digits", "arabic-indic")
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
        for arguments in [
            ["report", "leaders"], ["report", "series", "--entity", "CN", "--entity", "US", "--measure", "synthetic_monthly_share"],
            ["report", "concentration", "--period", "2024-09/2025-08", "--source", "argaam-1862466"],
            ["report", "sources", "--period", "2024-09/2025-08"],
        ] {
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
        let result = try run(
            "chart", "series", "--entity", "CN", "--entity", "United States", "--measure", "synthetic_monthly_share",
            "--out", out)
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOfFile: out, encoding: .utf8)
        let xml = XMLCheck(svg)
        #expect(xml.error == nil)
        #expect(xml.values(of: "data-entity", in: "g") == ["China", "United States"])
        #expect(xml.texts.contains { $0.hasPrefix("China ") && $0.hasSuffix("%") })
        #expect(xml.texts.contains("revised in a later publication"), "the synthetic series was revised")
        #expect(xml.texts.contains { $0.hasPrefix("Sources: [1]") })
        #expect(
            try run("chart", "series", "--entity", "CN", "--entity", "United States", "--measure", "synthetic_monthly_share").stdout
                == svg, "standard output gives the same bytes, to the last newline")

        let leaders = try run(
            "chart", "leaders", "--period", "2024-09/2025-08", "--source", "argaam-1862466", "--lang", "ar",
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
        // One scale for every row: France, between 1.5 and 1.6, stays at the bottom next to
        // China's climb from 8 to 21 (drawn on its own scale it went to full height).
        let both = try runProcess(
            "/usr/bin/script",
            [
                "-qec", command.replacingOccurrences(of: "--entity CN", with: "--entity CN --entity FR"),
                "/dev/null",
            ], environment: ["NO_COLOR": ""])
        let trend = try #require(both.stdout.split(whereSeparator: \.isNewline).first { $0.hasPrefix("TREND") })
        let lines = trend.split(separator: " ", omittingEmptySubsequences: true)
        #expect(lines.count == 3 && lines[2].allSatisfy { $0 == "▁" }, "\(trend)")
        #expect(lines.count == 3 && lines[1].last == "█")
        let noColor = try runProcess("/usr/bin/script", ["-qec", command, "/dev/null"], environment: ["NO_COLOR": "1"])
        #expect(!noColor.stdout.contains("TREND"))
    }

    /// The Arabic page: charts laid out left to right inside it, periods and dates kept
    /// in order after Arabic words, English fields isolated, the notes in Arabic, and one
    /// id per element.
    @Test func theArabicPageKeepsChartsAndPeriodsInOrder() throws {
        let result = try run("report", "--all", "--format", "html", "--lang", "ar", "--digits", "arabic-indic")
        #expect(result.status == 0, "\(result.stderr)")
        let html = result.stdout
        let xml = XMLCheck(html)
        #expect(xml.error == nil, "\(xml.error ?? "")")
        #expect(!html.contains("direction=\"rtl\""))
        #expect(xml.values(of: "direction", in: "svg") == ["ltr"])
        #expect(html.contains("svg { direction: ltr;"), "the page's CSS too")
        // With a series too (the synthetic measure, asked for): two charts, each laid out
        // left to right, with ids of their own.
        let both = XMLCheck(
            try run("report", "--all", "--format", "html", "--lang", "ar", "--measure", "synthetic_monthly_share").stdout)
        #expect(both.values(of: "direction", in: "svg") == ["ltr", "ltr"])
        let ids = both.attributes.compactMap { $0["id"] }
        #expect(Set(ids).count == ids.count, "\(ids)")
        #expect(ids.contains("leaders-chart-title") && ids.contains("series-chart-title"))
        #expect(html.contains("<h2>المتصدرون · <bdi dir=\"ltr\">2024-09/2025-08</bdi></h2>"))
        #expect(html.contains("<h2>الفترة نفسها في كل المصادر · <bdi dir=\"ltr\">2024-09/2025-08</bdi></h2>"))
        #expect(html.contains("bdi[dir=\"ltr\"] { white-space: nowrap; }"), "a period does not break at its hyphen")
        #expect(html.contains("«<bdi>Share of Hugging Face model downloads by developer country, trailing 12 months</bdi>»"))
        // The notes in Arabic, figures in the chosen digits; nothing left in English.
        #expect(html.contains("<p class=\"note\">لا يذكر المصدر إلا أبرز الجهات: ٥٨٫٣٪ منها غير مفصّلة</p>"))
        #expect(html.contains("<p class=\"note\">٤ مقاييس: كل عمود يعدّ ما يعدّه مقياسه؛ لا تقرأ عبر المقاييس كأنها سلسلة واحدة</p>"))
        for english in [
            "the source lists only", "measures: a column counts", "columns marked with", "التحقق: secondary", "التحقق: primary",
        ] {
            #expect(!html.contains(english), "\(english)")
        }
        #expect(html.contains("التحقق: منقول عن مصدر ثانوي"))
        // The standalone chart: Arabic sentences read right to left, their periods and
        // dates left to right.
        let chart = try run("chart", "leaders", "--period", "2024-09/2025-08", "--source", "argaam-1862466", "--lang", "ar")
        let bars = XMLCheck(chart.stdout)
        #expect(bars.texts.contains("\u{2067}المتصدرون · \u{2066}2024-09/2025-08\u{2069}\u{2069}"))
        #expect(bars.texts.contains("\u{2067}المصادر: [1] Argaam (أرقام)، \u{2066}2025-11-26\u{2069}\u{2069}"), "the Arabic comma")
        #expect(bars.values(of: "direction", in: "text").isEmpty)
        let english = XMLCheck(try run("chart", "leaders", "--period", "2024-09/2025-08", "--source", "argaam-1862466").stdout)
        #expect(english.texts.contains("Sources: [1] Argaam (أرقام), \u{2066}2025-11-26\u{2069}"), "a date after an Arabic name")
        #expect(english.texts.contains("Leaders · 2024-09/2025-08"))
        #expect(
            english.texts.contains("Share of Hugging Face model downloads by developer country, trailing 12 months"),
            "the measure as subtitle")
    }

    /// The English page: the leaders from the source that breaks the period down most, the
    /// measure over time named, the sources table headed by names, and a layout for
    /// phones and print.
    @Test func theWholePageNamesItsSourcesAndMeasures() throws {
        let html = try run("report", "--all", "--format", "html").stdout
        let xml = XMLCheck(html)
        #expect(xml.error == nil, "\(xml.error ?? "")")
        // The headline and the leaders come from one source: Argaam lists eight entities,
        // the relays two; the page says which and why.
        #expect(
            html.contains(
                "<p class=\"note\">from Argaam (أرقام) (argaam-1862466): 8 entities, the fullest of 4 sources for this period</p>"))
        #expect(html.components(separatedBy: "is not broken down").count - 1 == 1, "one 'not broken down' share on the page")
        #expect(xml.values(of: "data-value", in: "rect") == ["17.1", "15.8", "3.6", "3.4", "1.0", "0.4", "0.2", "0.2", "58.3"])
        #expect(!html.contains("<h2>Over time"), "no real measure has a series yet")
        // Column headers: the source's and the measure's names, the keys small.
        #expect(
            html.contains(
                "<th scope=\"col\" class=\"num\">Argaam (أرقام)<span class=\"measure\">Share of Hugging Face model downloads by developer country, trailing 12 months</span><small><code dir=\"ltr\">eoi_download_share_12m</code> <code dir=\"ltr\">argaam-1862466</code></small></th>"
            ))
        #expect(!html.contains("eoi_download_share_12m · "))
        #expect(html.contains("<td class=\"num\"><bdi dir=\"ltr\">1,150,000,000</bdi></td>"), "counts grouped")
        // Phones scroll a chart of readable size; print lets tables wrap.
        #expect(html.contains("@media (max-width: 40rem) { figure svg { max-width: none; width: 40rem; } }"))
        #expect(html.contains(".scroll, figure { overflow: visible; } table { width: 100%; font-size: 8.5pt; }"))
        // Argaam's two measures are two snapshots of one article: written out once.
        let items = xml.values(of: "id", in: "li")
        #expect(items.count == 7)
        #expect(html.components(separatedBy: "How did China outperform the United States").count - 1 == 1, "the Argaam title once")
        #expect(
            html.contains(
                "\">The same publication as <a href=\"#cite-1\">[1]</a><br/><span class=\"note\">Measure <code dir=\"ltr\">eoi_download_share_cumulative</code>"
            ))
    }

    /// On an Arabic page every English or Latin run (measure definitions, titles, keys,
    /// URLs) is isolated, so no sentence is scrambled: the whole picture and every report.
    @Test func arabicPagesIsolateEveryLatinRun() throws {
        for arguments in [
            ["report", "--all", "--format", "html"], ["report", "--all", "--format", "html", "--digits", "arabic-indic"],
            ["report", "leaders", "--period", "2024-09/2025-08", "--format", "html"],
            ["report", "series", "--entity", "CN", "--measure", "synthetic_monthly_share", "--format", "html"],
            ["report", "sources", "--period", "2024-09/2025-08", "--format", "html"],
            ["report", "revisions", "--entity", "US", "--measure", "synthetic_monthly_share", "--format", "html"],
            ["report", "concentration", "--period", "2024-09/2025-08", "--format", "html"],
        ] {
            let page = try SharehouseBinary.run(arguments + ["--lang", "ar", "--db", database], in: directory.path)
            #expect(page.status == 0, "\(page.stderr)")
            #expect(XMLCheck(page.stdout).error == nil)
            let runs = BidiIsolationCheck.unisolatedLatinRuns(in: page.stdout)
            #expect(runs.isEmpty, "\(arguments): \(runs.prefix(5))")
        }
        // The check finds what it looks for: the same page without its <bdi> isolates.
        let arabic = try run("report", "--all", "--format", "html", "--lang", "ar").stdout
        let bare = arabic.replacingOccurrences(of: "<bdi dir=\"ltr\">", with: "<span>").replacingOccurrences(of: "<bdi>", with: "<span>")
            .replacingOccurrences(of: "</bdi>", with: "</span>")
        #expect(BidiIsolationCheck.unisolatedLatinRuns(in: bare).count > 10)
    }

    /// The page fits a 1000-px window: the wide same-period table scrolls inside its own
    /// box. Measured in a real browser when one is installed.
    @Test func theWholePageFitsAThousandPixelWindow() throws {
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: FileManager.default.isExecutableFile)
        else {
            print("skipped: no Chromium installed (apt-get install chromium) to measure the page's width")
            return
        }
        for language in ["en", "ar"] {
            let page = try run("report", "--all", "--format", "html", "--lang", language).stdout
            // A copy of the page that writes its widths into the DOM Chromium prints.
            let probe = page.replacingOccurrences(
                of: "</body>",
                with: "<script>document.body.setAttribute('data-width', document.documentElement.scrollWidth + '/' + "
                    + "document.documentElement.clientWidth)</script></body>")
            let file = try directory.write("probe-\(language).html", probe)
            let result = try runProcess(
                chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1000,800", "--dump-dom", "file://" + file])
            let widths = try #require(result.stdout.firstMatch(of: /data-width="(\d+)\/(\d+)"/), "\(result.stderr.prefix(300))")
            #expect(Int(widths.1)! <= Int(widths.2)!, "\(language): scrollWidth \(widths.1) within clientWidth \(widths.2)")
            #expect(Int(widths.2)! >= 900)
        }
    }

    /// In Arabic-Indic digits, figures and citation numbers change; periods, headers such
    /// as CR1 and the links to citations stay (they were once rewritten after the fact).
    @Test func arabicIndicDigitsKeepPeriodsAndLinks() throws {
        let revisions = try run(
            "report", "revisions", "--measure", "synthetic_monthly_share", "--format", "html", "--lang", "ar", "--digits",
            "arabic-indic")
        #expect(revisions.status == 0, "\(revisions.stderr)")
        let xml = XMLCheck(revisions.stdout)
        #expect(xml.error == nil)
        let rows = revisions.stdout.components(separatedBy: "<tr>").count - 2
        let links = revisions.stdout.components(separatedBy: "<a href=\"#cite-").count - 1
        #expect(rows > 0 && links == rows, "one link per row: \(links) for \(rows) rows")
        #expect(revisions.stdout.contains(">[١]</a>") && !revisions.stdout.contains(">[1]</a>"))
        #expect(revisions.stdout.contains("<td><bdi dir=\"ltr\">2025-"), "periods stay in Western digits, isolated")
        #expect(revisions.stdout.contains("list-style-type: arabic-indic"), "the citations list numbered in the same digits")
        let concentration = try run(
            "report", "concentration", "--period", "2024-09/2025-08", "--lang", "ar", "--digits", "arabic-indic")
        #expect(concentration.stdout.contains("CR1") && concentration.stdout.contains("2024-09/2025-08"))
        #expect(concentration.stdout.contains("[١] Argaam"), "the sources under the table in the table's digits")
        let compare = try run(
            "report", "compare", "--from", "2025-01", "--to", "2025-06", "--measure", "synthetic_monthly_share", "--lang", "ar")
        #expect(compare.stdout.contains(" نقطة") && !compare.stdout.contains(" pp"))
    }

    @Test func countChartsHaveNoPercentSigns() throws {
        let result = try run("chart", "leaders", "--measure", "atom_cumulative_downloads")
        #expect(result.status == 0, "\(result.stderr)")
        let xml = XMLCheck(result.stdout)
        #expect(!xml.texts.contains { $0.contains("%") }, "\(xml.texts)")
        #expect(xml.texts.contains("China 1,150,000,000, United States 723,000,000"), "the description")
        #expect(xml.texts.contains("1,150,000,000") && xml.texts.contains("1.25 B") && xml.texts.contains("Downloads"))
    }

    @Test func sixLinesWrapTheLegendAndSayWhoHasNoFigures() throws {
        let result = try run(
            "chart", "series", "--measure", "synthetic_monthly_share", "--entity", "CN", "--entity", "US", "--entity", "GB",
            "--entity", "FR", "--entity", "IN", "--entity", "DE")
        let xml = XMLCheck(result.stdout)
        #expect(xml.texts.contains("India (no figures)"))
        #expect(xml.values(of: "data-entity", in: "g") == ["China", "United States", "United Kingdom", "France", "Germany"])
        let legend = try #require(result.stdout.firstMatch(of: /<g class="legend">(?s)(.*?)<\/g>/)).1
        let entries = legend.matches(of: /<text x="([0-9.]+)" y="([0-9.]+)"[^>]*>([^<]+)<\/text>/)
        #expect(entries.map { String($0.3) }.last == "revised in a later publication")
        for entry in entries {
            #expect(Double(entry.1)! + TextMetrics.width(String(entry.3), fontSize: 12) <= 760 - 16, "\(entry.3)")
        }
    }

    @Test func textReportsInArabic() throws {
        let result = try run(
            "report", "leaders", "--period", "2024-09/2025-08", "--source", "argaam-1862466", "--lang", "ar",
            "--digits", "arabic-indic")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("الترتيب"), "Arabic headers")
        #expect(result.stdout.contains("الصين"))
        #expect(result.stdout.contains("١٧٫١٪"))
        #expect(result.stdout.contains("المصادر:"))
        #expect(result.stdout.contains("المقياس: eoi_download_share_12m"))
        #expect(!result.stdout.contains("measure:"))
        // The citation's own words stay as published; the words around them are Arabic.
        #expect(result.stdout.contains("Argaam (أرقام)، «How did China outperform"), "\(result.stdout)")
        #expect(result.stdout.contains("نُشر 2025-11-26،"), "\(result.stdout)")
        #expect(result.stdout.contains("(غير مؤكد)؛ نقلًا عن Financial"), "\(result.stdout)")
        #expect(!result.stdout.contains("published") && !result.stdout.contains("relays"), "\(result.stdout)")
        let series = try run("report", "series", "--entity", "CN", "--measure", "synthetic_monthly_share", "--lang", "ar")
        #expect(series.stdout.hasPrefix("السلسلة: الصين (فترات من شهر واحد)\n"))
    }
}

/// The blocks of the CLI's sparklines (the test target cannot see the CLI's types).
enum Sparkline {
    static let blocks: Set<Character> = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
}
