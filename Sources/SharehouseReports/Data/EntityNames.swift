public import Sharehouse

/// Entity names by code for data formats: English always, Arabic when the report's
/// language is Arabic (an `entity_name_ar` column).
public struct EntityNames: Sendable {
    /// English names by code.
    public var english: [String: String]
    /// Arabic names by code, when the report is in Arabic.
    public var arabic: [String: String]?

    /// Names by code in English, and in Arabic when given.
    public init(english: [String: String], arabic: [String: String]? = nil) {
        self.english = english
        self.arabic = arabic
    }

    /// The names a report in `language` writes, read from `warehouse`.
    public init(_ warehouse: Warehouse, language: ReportLanguage) throws {
        self.init(
            english: try warehouse.entityNames(in: .english),
            arabic: language == .arabic ? try warehouse.entityNames(in: .arabic) : nil)
    }

    /// The names human formats show in `language`.
    public func inLanguage(_ language: ReportLanguage) -> [String: String] {
        language == .arabic ? (arabic ?? english) : english
    }

    /// The column names for an entity whose code column is `column`: `entity`,
    /// `entity_name` (and `entity_name_ar`).
    func columns(_ column: String) -> [String] {
        [column, column + "_name"] + (arabic == nil ? [] : [column + "_name_ar"])
    }

    /// The cells of `code` under ``columns(_:)``.
    func cells(_ code: String?) -> [ReportData.Cell] {
        guard let code, !code.isEmpty else { return Array(repeating: .empty, count: arabic == nil ? 2 : 3) }
        var cells: [ReportData.Cell] = [.text(code), .text(english[code] ?? code)]
        if let arabic { cells.append(.text(arabic[code] ?? english[code] ?? code)) }
        return cells
    }
}
