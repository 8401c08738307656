/// The language of a report's words and of entity names: English (the default) or
/// Arabic. The warehouse holds entity names in both; figures, codes and citations' own
/// titles stay as published. The words themselves live in SharehouseReports.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case english = "en"
    case arabic = "ar"

    public var isRightToLeft: Bool { self == .arabic }
}
