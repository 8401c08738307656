public import Sharehouse

/// A query result that reports can show: as ``ReportData`` for the data formats (CSV,
/// TSV, JSON, NDJSON) and as a ``ReportDocument`` for the human ones (table, Markdown, HTML).
public protocol Report: Sendable {
    /// The report as data, with entity names from `names`.
    func data(_ names: EntityNames, language: ReportLanguage) -> ReportData
    /// The report as people read it, in `style`, with entity names from `names`.
    func document(_ style: ReportDocument.Style, names: [String: String]) -> ReportDocument
}

extension SeriesResult: Report {
    /// The series as data.
    public func data(_ names: EntityNames, language: ReportLanguage) -> ReportData {
        .series(self, names: names, language: language)
    }

    /// The series as people read it.
    public func document(_ style: ReportDocument.Style, names: [String: String]) -> ReportDocument {
        .series(self, style: style, names: names)
    }
}

extension ComparisonResult: Report {
    /// The comparison as data.
    public func data(_ names: EntityNames, language: ReportLanguage) -> ReportData {
        .compare(self, names: names, language: language)
    }

    /// The comparison as people read it.
    public func document(_ style: ReportDocument.Style, names: [String: String]) -> ReportDocument {
        .compare(self, style: style, names: names)
    }
}

extension LeadersResult: Report {
    /// The leaders as data.
    public func data(_ names: EntityNames, language: ReportLanguage) -> ReportData {
        .leaders(self, names: names, language: language)
    }

    /// The leaders as people read them.
    public func document(_ style: ReportDocument.Style, names: [String: String]) -> ReportDocument {
        .leaders(self, style: style, names: names)
    }
}

/// The headline: the latest period's leaders, titled as the headline.
public struct Headline: Report {
    /// The leaders the headline is about.
    public let leaders: LeadersResult

    /// The headline of `leaders`.
    public init(_ leaders: LeadersResult) { self.leaders = leaders }

    /// The headline as data.
    public func data(_ names: EntityNames, language: ReportLanguage) -> ReportData {
        var data = ReportData.leaders(leaders, names: names, language: language)
        data.report = "headline"
        return data
    }

    /// The headline as people read it: one sentence, then the leaders.
    public func document(_ style: ReportDocument.Style, names: [String: String]) -> ReportDocument {
        .headline(leaders, style: style, names: names)
    }
}

extension CrossoverResult: Report {
    /// The crossovers as data.
    public func data(_ names: EntityNames, language: ReportLanguage) -> ReportData {
        .crossovers(self, names: names, language: language)
    }

    /// The crossovers as people read them.
    public func document(_ style: ReportDocument.Style, names: [String: String]) -> ReportDocument {
        .crossovers(self, style: style, names: names)
    }
}

extension ConcentrationResult: Report {
    /// The concentration as data.
    public func data(_ names: EntityNames, language: ReportLanguage) -> ReportData {
        .concentration(self, names: names, language: language)
    }

    /// The concentration as people read it.
    public func document(_ style: ReportDocument.Style, names: [String: String]) -> ReportDocument {
        .concentration(self, style: style, names: names)
    }
}

extension RevisionsResult: Report {
    /// The revisions as data.
    public func data(_ names: EntityNames, language: ReportLanguage) -> ReportData {
        .revisions(self, names: names, language: language)
    }

    /// The revisions as people read them.
    public func document(_ style: ReportDocument.Style, names: [String: String]) -> ReportDocument {
        .revisions(self, style: style, names: names)
    }
}

extension CrossSourceResult: Report {
    /// The sources side by side as data.
    public func data(_ names: EntityNames, language: ReportLanguage) -> ReportData {
        .crossSource(self, names: names, language: language)
    }

    /// The sources side by side as people read them.
    public func document(_ style: ReportDocument.Style, names: [String: String]) -> ReportDocument {
        .crossSource(self, style: style, names: names)
    }
}

extension GroupResult: Report {
    /// The group's shares as data.
    public func data(_ names: EntityNames, language: ReportLanguage) -> ReportData {
        .groups(self, names: names, language: language)
    }

    /// The group's shares as people read them.
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
