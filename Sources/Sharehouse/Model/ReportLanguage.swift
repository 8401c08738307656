/// The language of a report's words and of entity names: English (the default) or
/// Arabic. The warehouse holds entity names in both; figures, codes and citations' own
/// titles stay as published. The words themselves live in SharehouseReports.
public enum ReportLanguage: String, Sendable, CaseIterable {
    /// English, written left to right.
    case english = "en"
    /// Arabic, written right to left.
    case arabic = "ar"

    /// True for a language written right to left.
    public var isRightToLeft: Bool { self == .arabic }
}
