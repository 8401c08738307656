public import Sharehouse

/// A self-contained HTML page: inline CSS, inline SVG, no scripts, nothing fetched. It is
/// also well-formed XML (every element closed, only XML's five entities), so tests parse
/// it, and it prints cleanly and reads at phone width.
public struct HTMLPage: Sendable {
    /// The page's title.
    public var title: String
    /// The page's language: `lang` and `dir` of the document.
    public var language: ReportLanguage
    /// The digits of figures; the numbered citations are numbered in them too.
    public var digits: DigitStyle
    private var body: [String] = []

    /// An empty page with its title, in `language` and `digits`.
    public init(title: String, language: ReportLanguage = .english, digits: DigitStyle = .western) {
        self.title = title
        self.language = language
        self.digits = digits
    }

    /// Escapes text for HTML and XML.
    public static func escape(_ text: String) -> String { SVGWriter.escape(text) }

    /// Adds markup to the body as it is.
    public mutating func append(_ markup: String) { body.append(markup) }

    /// A figure, period or date kept left to right (and on one line) inside a
    /// right-to-left paragraph: without it "2024-09/2025-08" after Arabic words shows
    /// as "08-09/2025-2024".
    public func number(_ text: String) -> String { Self.leftToRight(text) }

    /// `text` escaped in a left-to-right isolate that does not break across lines.
    public static func leftToRight(_ text: String) -> String {
        "<bdi dir=\"ltr\">\(escape(text))</bdi>"
    }

    /// Text that may be in another script than the page (a measure's English name, a
    /// source's title) escaped, and on an Arabic page isolated so that its direction is
    /// its own and its neighbours keep their order; it may wrap.
    public func phrase(_ text: String) -> String {
        language.isRightToLeft ? "<bdi>\(Self.escape(text))</bdi>" : Self.escape(text)
    }

    /// Text that may mix Arabic and English (a code and its Arabic name, a citation's
    /// English title between Arabic words, a period or a date), escaped; on a
    /// right-to-left page each left-to-right run is isolated, so that no sentence is
    /// reordered around it and `2024-09/2025-08` does not read backwards. A run starts at a
    /// Latin letter or a Western digit and reaches its last one before Arabic resumes, with
    /// the closing brackets of the brackets it opened; other spaces and punctuation around
    /// it stay in the Arabic text.
    public func mixed(_ text: String) -> String {
        guard language.isRightToLeft else { return Self.escape(text) }
        var result = ""
        var pending = ""  // neutral characters after the current run, not yet placed
        var run = ""
        var open = 0  // brackets the run opened and has not closed
        func startsRun(_ c: Character) -> Bool {
            c == "%" || c.unicodeScalars.contains { ($0.properties.isAlphabetic && $0.value < 0x0590) || ("0"..."9").contains($0) }
        }
        let signs: Set<Character> = ["+", "-", "−", "▲", "▼"]
        func closeRun() {
            if !run.isEmpty { result += "<bdi dir=\"ltr\">\(Self.escape(run))</bdi>" }
            result += Self.escape(pending)
            run = ""
            pending = ""
            open = 0
        }
        for character in text {
            if startsRun(character) {
                if run.isEmpty {
                    result += Self.escape(pending)
                    pending = ""
                    // A sign just before a figure stays with it: "+3.2", not "3.2+".
                    if let last = result.last, signs.contains(last) {
                        result.removeLast()
                        run.append(last)
                    }
                } else {
                    run += pending
                    pending = ""
                }
                run.append(character)
            } else if BidiText.hasRightToLeft(String(character)) {
                closeRun()
                result += Self.escape(String(character))
            } else if run.isEmpty {
                result += Self.escape(String(character))
            } else if character == ")" || character == "]", open > 0 {
                // Closes a bracket the run opened: it belongs to the run.
                run += pending + String(character)
                pending = ""
                open -= 1
            } else {
                pending.append(character)
                if character == "(" || character == "[" { open += 1 }
            }
        }
        closeRun()
        return result
    }

    /// A key or file name as code, kept left to right on an Arabic page.
    public static func code(_ text: String) -> String {
        "<code dir=\"ltr\">\(escape(text))</code>"
    }

    /// A table: a header row, then rows of cells already escaped or marked up; `numeric`
    /// columns align to the end and keep their digits left to right.
    public static func table(header: [String], rows: [[String]], numeric: Set<Int> = []) -> String {
        table(headerMarkup: header.map(escape), rows: rows, numeric: numeric)
    }

    /// A table whose header cells are markup already.
    public static func table(headerMarkup header: [String], rows: [[String]], numeric: Set<Int> = []) -> String {
        var lines = ["<div class=\"scroll\"><table>"]
        lines.append(
            "<thead><tr>"
                + header.enumerated().map { index, cell in
                    "<th scope=\"col\"\(numeric.contains(index) ? " class=\"num\"" : "")>\(cell)</th>"
                }.joined() + "</tr></thead>")
        lines.append("<tbody>")
        for row in rows {
            lines.append(
                "<tr>"
                    + row.enumerated().map { index, cell in
                        numeric.contains(index) ? "<td class=\"num\"><bdi dir=\"ltr\">\(cell)</bdi></td>" : "<td>\(cell)</td>"
                    }.joined() + "</tr>")
        }
        lines.append("</tbody></table></div>")
        return lines.joined(separator: "\n")
    }

    /// The page as one self-contained HTML document.
    public func render() -> String {
        let direction = language.isRightToLeft ? "rtl" : "ltr"
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)" dir="\(direction)">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>\(Self.escape(title))</title>
            <style>
            \(Self.css)\(digits == .arabicIndic ? "\nol.citations { list-style-type: arabic-indic; }" : "")
            </style>
            </head>
            <body>
            <main>
            \(body.joined(separator: "\n"))
            </main>
            </body>
            </html>

            """
    }

    static let css = """
        body { margin: 0; font: 16px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, "Noto Naskh Arabic", sans-serif; color: #1a1a1a; background: #ffffff; }
        main { max-width: 52rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.6rem; margin: 0.5rem 0; }
        h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid #cccccc; }
        p.lead { font-size: 1.15rem; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; margin: 0.5rem 0; }
        th, td { padding: 0.25rem 0.6rem; border-bottom: 1px solid #e0e0e0; text-align: start; vertical-align: top; }
        th { background: #f3f3f3; }
        td.num { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
        th.num { text-align: end; min-width: 6rem; }
        th .measure { display: block; font-weight: normal; }
        th small { display: block; font-weight: normal; color: #555555; overflow-wrap: anywhere; }
        bdi[dir="ltr"] { white-space: nowrap; }
        figure { margin: 1rem 0; overflow-x: auto; direction: ltr; }
        svg { direction: ltr; max-width: 100%; height: auto; }
        @media (max-width: 40rem) { figure svg { max-width: none; width: 40rem; } }
        .note { color: #444444; font-size: 0.9rem; }
        ol.citations li { margin-bottom: 0.5rem; }
        a { color: #0050a0; overflow-wrap: anywhere; }
        @media print { body { font-size: 11pt; } main { max-width: none; } h2 { break-after: avoid; } figure, table { break-inside: avoid; } a { color: #000000; }
          .scroll, figure { overflow: visible; } table { width: 100%; font-size: 8.5pt; } th, td { padding: 0.15rem 0.3rem; } th.num { min-width: 0; }
          figure svg { width: 100%; max-width: 100%; } }
        """
}
