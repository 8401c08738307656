public import Sharehouse

/// A query result that reports can show: as JSON (the result itself), as NDJSON (a line
/// per row with its citation in full), and as a ``ReportDocument`` for the text formats.
public protocol Report: Encodable, Sendable {
    /// The rows of NDJSON, each with the number of the citation it rests on.
    var lines: [(row: any Encodable & Sendable, citation: Int?)] { get }
    /// Every citation the result refers to by number.
    var reportCitations: [Citation] { get }
    func document(_ style: ReportDocument.Style, names: [String: String]) -> ReportDocument
}

extension SeriesResult: Report {
    public var lines: [(row: any Encodable & Sendable, citation: Int?)] { points.map { ($0, $0.citation) } }
    public var reportCitations: [Citation] { context.citations }
    public func document(_ style: ReportDocument.Style, names: [String: String]) -> ReportDocument {
        .series(self, style: style, names: names)
    }
}

extension ComparisonResult: Report {
    public var lines: [(row: any Encodable & Sendable, citation: Int?)] { rows.map { ($0, toCitation) } }
    public var reportCitations: [Citation] { context.citations }
    public func document(_ style: ReportDocument.Style, names: [String: String]) -> ReportDocument {
        .compare(self, style: style, names: names)
    }
}

extension LeadersResult: Report {
    public var lines: [(row: any Encodable & Sendable, citation: Int?)] { rows.map { ($0, citation) } }
    public var reportCitations: [Citation] { context.citations }
    public func document(_ style: ReportDocument.Style, names: [String: String]) -> ReportDocument {
        .leaders(self, style: style, names: names)
    }
}

/// The headline: the latest period's leaders, titled as the headline; its JSON is the
/// leaders' result.
public struct Headline: Report {
    public let leaders: LeadersResult

    public init(_ leaders: LeadersResult) { self.leaders = leaders }

    public var lines: [(row: any Encodable & Sendable, citation: Int?)] { leaders.lines }
    public var reportCitations: [Citation] { leaders.reportCitations }
    public func document(_ style: ReportDocument.Style, names: [String: String]) -> ReportDocument {
        .headline(leaders, style: style, names: names)
    }
    public func encode(to encoder: any Encoder) throws { try leaders.encode(to: encoder) }
}

extension CrossoverResult: Report {
    public var lines: [(row: any Encodable & Sendable, citation: Int?)] { crossings.map { ($0, $0.citation) } }
    public var reportCitations: [Citation] { context.citations }
    public func document(_ style: ReportDocument.Style, names: [String: String]) -> ReportDocument {
        .crossovers(self, style: style, names: names)
    }
}

extension ConcentrationResult: Report {
    public var lines: [(row: any Encodable & Sendable, citation: Int?)] { rows.map { ($0, $0.citation) } }
    public var reportCitations: [Citation] { context.citations }
    public func document(_ style: ReportDocument.Style, names: [String: String]) -> ReportDocument {
        .concentration(self, style: style, names: names)
    }
}

extension RevisionsResult: Report {
    public var lines: [(row: any Encodable & Sendable, citation: Int?)] { rows.map { ($0, $0.citation) } }
    public var reportCitations: [Citation] { context.citations }
    public func document(_ style: ReportDocument.Style, names: [String: String]) -> ReportDocument {
        .revisions(self, style: style, names: names)
    }
}

extension CrossSourceResult: Report {
    public var lines: [(row: any Encodable & Sendable, citation: Int?)] { rows.map { ($0, nil) } }
    public var reportCitations: [Citation] { citations }
    public func document(_ style: ReportDocument.Style, names: [String: String]) -> ReportDocument {
        .crossSource(self, style: style, names: names)
    }
}

extension GroupResult: Report {
    public var lines: [(row: any Encodable & Sendable, citation: Int?)] { rows.map { ($0, $0.citation) } }
    public var reportCitations: [Citation] { context.citations }
    public func document(_ style: ReportDocument.Style, names: [String: String]) -> ReportDocument {
        .groups(self, style: style, names: names)
    }
}
