public import Sharehouse

/// A query result that reports can show: as ``ReportData`` for the data formats (CSV,
/// TSV, JSON, NDJSON) and as a ``ReportDocument`` for the human ones (table, Markdown, HTML).
public protocol Report: Sendable {
    func data(_ names: EntityNames, language: ReportLanguage) -> ReportData
    func document(_ style: ReportDocument.Style, names: [String: String]) -> ReportDocument
}

extension SeriesResult: Report {
    public func data(_ names: EntityNames, language: ReportLanguage) -> ReportData {
        .series(self, names: names, language: language)
    }

    public func document(_ style: ReportDocument.Style, names: [String: String]) -> ReportDocument {
        .series(self, style: style, names: names)
    }
}

extension ComparisonResult: Report {
    public func data(_ names: EntityNames, language: ReportLanguage) -> ReportData {
        .compare(self, names: names, language: language)
    }

    public func document(_ style: ReportDocument.Style, names: [String: String]) -> ReportDocument {
        .compare(self, style: style, names: names)
    }
}

extension LeadersResult: Report {
    public func data(_ names: EntityNames, language: ReportLanguage) -> ReportData {
        .leaders(self, names: names, language: language)
    }

    public func document(_ style: ReportDocument.Style, names: [String: String]) -> ReportDocument {
        .leaders(self, style: style, names: names)
    }
}

/// The headline: the latest period's leaders, titled as the headline.
public struct Headline: Report {
    public let leaders: LeadersResult

    public init(_ leaders: LeadersResult) { self.leaders = leaders }

    public func data(_ names: EntityNames, language: ReportLanguage) -> ReportData {
        var data = ReportData.leaders(leaders, names: names, language: language)
        data.report = "headline"
        return data
    }

    public func document(_ style: ReportDocument.Style, names: [String: String]) -> ReportDocument {
        .headline(leaders, style: style, names: names)
    }
}

extension CrossoverResult: Report {
    public func data(_ names: EntityNames, language: ReportLanguage) -> ReportData {
        .crossovers(self, names: names, language: language)
    }

    public func document(_ style: ReportDocument.Style, names: [String: String]) -> ReportDocument {
        .crossovers(self, style: style, names: names)
    }
}

extension ConcentrationResult: Report {
    public func data(_ names: EntityNames, language: ReportLanguage) -> ReportData {
        .concentration(self, names: names, language: language)
    }

    public func document(_ style: ReportDocument.Style, names: [String: String]) -> ReportDocument {
        .concentration(self, style: style, names: names)
    }
}

extension RevisionsResult: Report {
    public func data(_ names: EntityNames, language: ReportLanguage) -> ReportData {
        .revisions(self, names: names, language: language)
    }

    public func document(_ style: ReportDocument.Style, names: [String: String]) -> ReportDocument {
        .revisions(self, style: style, names: names)
    }
}

extension CrossSourceResult: Report {
    public func data(_ names: EntityNames, language: ReportLanguage) -> ReportData {
        .crossSource(self, names: names, language: language)
    }

    public func document(_ style: ReportDocument.Style, names: [String: String]) -> ReportDocument {
        .crossSource(self, style: style, names: names)
    }
}

extension GroupResult: Report {
    public func data(_ names: EntityNames, language: ReportLanguage) -> ReportData {
        .groups(self, names: names, language: language)
    }

    public func document(_ style: ReportDocument.Style, names: [String: String]) -> ReportDocument {
        .groups(self, style: style, names: names)
    }
}

extension ChangesResult: Report {
    public func data(_ names: EntityNames, language: ReportLanguage) -> ReportData {
        .changes(self, names: names, language: language)
    }

    public func document(_ style: ReportDocument.Style, names: [String: String]) -> ReportDocument {
        .changes(self, style: style, names: names)
    }
}

extension ContributorsResult: Report {
    public func data(_ names: EntityNames, language: ReportLanguage) -> ReportData {
        .contributors(self, names: names, language: language)
    }

    public func document(_ style: ReportDocument.Style, names: [String: String]) -> ReportDocument {
        .contributors(self, style: style, names: names)
    }
}
