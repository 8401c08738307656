import SharehouseDB

/// One figure as a reader found it, before it is resolved and checked: texts and the
/// places they came from, so that every error can say `file:line:column`.
struct RawObservation {
    var entity: String
    var entityLocation: SourceLocation?
    /// nil when the row gives no period (the snapshot's default applies).
    var period: String?
    var periodLocation: SourceLocation?
    var value: String
    var valueLocation: SourceLocation?
    /// True for a JSON number, whose text is already a plain number.
    var valueIsNumber = false
    /// The line of the row, for messages about the row as a whole.
    var line: Int?
}
