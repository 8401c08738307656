public import Sharehouse

/// The catalogue's history as text, for `sources show`, `measures show` and the amend
/// commands: a change per entry, its date, the entry and field, the values before and
/// after on lines of their own (an access note may be a paragraph), and why.
public enum CatalogHistoryText {
    /// The changes as lines: "2026-03-01T09:30:00Z  argaam-1862466  url (the article moved)",
    /// then "  from: ..." and "  to:   ...", each indented by `indent`.
    public static func lines(_ changes: [CatalogChange], indent: String = "  ") -> [String] {
        var lines: [String] = []
        for change in changes {
            let why = change.reason.map { " (\($0))" } ?? ""
            lines.append(indent + change.changedAt + "  " + change.key + "  " + change.field + why)
            lines.append(indent + "  from: " + (change.oldValue ?? "(none)"))
            lines.append(indent + "  to:   " + (change.newValue ?? "(none)"))
        }
        return lines
    }

    /// A history section: "history:" and its changes, and how many came after the as-of
    /// day; nothing when there is neither.
    public static func section(_ changes: [CatalogChange], laterChanges: Int, asOf: CalendarDate?) -> [String] {
        var lines: [String] = []
        if !changes.isEmpty { lines += ["history:"] + self.lines(changes) }
        if laterChanges > 0, let asOf {
            lines.append("\(laterChanges) later change\(laterChanges == 1 ? "" : "s") (after \(asOf)) not applied")
        }
        return lines
    }

    /// What an amendment did: its changes, or that nothing changed.
    public static func describe(_ amendment: CatalogAmendment) -> String {
        guard !amendment.changedNothing else {
            return "nothing changed: the \(amendment.kind.rawValue) \(amendment.key) already has these values"
        }
        return lines(amendment.changes, indent: "").joined(separator: "\n")
    }
}
