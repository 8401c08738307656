public import Sharehouse

/// A report as people read it: a title, lines that say what it is about, a table whose
/// rows point to numbered citations, notes, and the citations, all in one language. Every
/// text format (table, Markdown, CSV, TSV, a plain HTML page) renders from this; JSON
/// renders the library's result.
public struct ReportDocument: Sendable {
    public var title: String
    public var about: [String] = []
    public var columns: [TableRenderer.Column]
    public var rows: [[String]] = []
    /// For each row, the number of the citation it rests on (CSV and TSV print it whole).
    public var rowCitations: [Int?] = []
    public var notes: [String] = []
    public var citations: [Citation] = []
    /// The language of the words the renderers add ("Sources:", "Note:").
    public var language: ReportLanguage = .english

    public init(title: String, about: [String] = [], columns: [TableRenderer.Column], language: ReportLanguage = .english) {
        self.title = title
        self.about = about
        self.columns = columns
        self.language = language
    }

    public mutating func append(_ row: [String], citation: Int?) {
        rows.append(row)
        rowCitations.append(citation)
    }
}
