import Sharehouse
import SharehouseReports

/// What the amend commands write: the changes on standard output (as text or JSON), and a
/// line on standard error saying what happened.
enum CatalogAmendOutput {
    static func write(_ amendment: CatalogAmendment, as format: OutputFormat) throws {
        let entry = "the \(amendment.kind.rawValue) \(amendment.key)"
        switch format {
        case .json:
            Terminal.output(try JSONOutput.render(amendment))
        case .table where !amendment.changedNothing:
            Terminal.output(CatalogHistoryText.describe(amendment))
        case .table:
            break
        }
        let count = amendment.changes.count
        Terminal.note(
            amendment.changedNothing
                ? "Nothing changed: \(entry) already has these values."
                : "Amended \(entry): \(count) field\(count == 1 ? "" : "s") changed, kept in its history.")
    }
}
