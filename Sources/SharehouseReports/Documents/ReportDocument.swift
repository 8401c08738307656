public import Sharehouse

/// A report as people read it: a title, lines that say what it is about, a table whose
/// rows point to numbered citations, notes, and the citations, all in one language. The
/// human formats (table, Markdown, HTML) render from this; the data formats render
/// ``ReportData``.
///
/// Cells say what they hold, so each renderer writes figures in the chosen digits and
/// citations as it shows them (links in HTML), while periods, codes and words stay as
/// written: nothing is rewritten or scanned after it is built.
public struct ReportDocument: Sendable {
    /// A typed cell of the table.
    public enum Cell: Sendable, Equatable {
        /// Words, codes or periods, shown as they are.
        case text(String)
        /// A figure with its signs (`17.1%`, `+0.3 pp`), written in Western digits and
        /// shown in the document's digits.
        case figure(String)
        /// References to numbered citations: `[1][2]`.
        case citations([Int])
    }

    /// A note under the table, with the citation it refers to, if any.
    public struct Note: Sendable, Equatable {
        /// The note's words.
        public var text: String
        /// The citation it refers to, if any.
        public var citation: Int?

        /// A note of `text`, referring to `citation`.
        public init(_ text: String, citation: Int? = nil) {
            self.text = text
            self.citation = citation
        }
    }

    /// The title.
    public var title: String
    /// A sentence that says what the table shows (the headline's), under the title.
    public var lead: String?
    /// Lines under the title: the measure, the source, the as-of date.
    public var about: [String] = []
    /// The table's columns.
    public var columns: [TableRenderer.Column]
    /// The table's rows.
    public var rows: [[Cell]] = []
    /// For each row, the number of the citation it rests on.
    public var rowCitations: [Int?] = []
    /// Notes under the table.
    public var notes: [Note] = []
    /// The numbered citations the rows refer to.
    public var citations: [Citation] = []
    /// The language of the words the renderers add ("Sources:", "Note:").
    public var language: ReportLanguage = .english
    /// The digits figures and citation numbers are shown in.
    public var digits: DigitStyle = .western

    /// An empty document with its title, lines and columns, in `language` and `digits`.
    public init(
        title: String, about: [String] = [], columns: [TableRenderer.Column], language: ReportLanguage = .english,
        digits: DigitStyle = .western
    ) {
        self.title = title
        self.about = about
        self.columns = columns
        self.language = language
        self.digits = digits
    }

    /// Adds a row resting on `citation`.
    public mutating func append(_ row: [Cell], citation: Int?) {
        rows.append(row)
        rowCitations.append(citation)
    }

    /// A citation number as this document shows it: `[1]`, or `[١]`.
    public func reference(_ number: Int) -> String {
        "[\(digits.format(Double(number), decimals: 0))]"
    }

    /// A cell as plain text (tables and Markdown).
    public func text(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): text
        case .figure(let figure): digits.digits(in: figure)
        case .citations(let numbers): numbers.map(reference).joined()
        }
    }

    /// A note as plain text, its citation after it.
    public func text(_ note: Note) -> String {
        note.citation.map { note.text + " " + reference($0) } ?? note.text
    }
}
