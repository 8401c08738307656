import SharehouseDB

/// How to read a delimited file, as its sidecar says it: the same choices as the command
/// line's `--delimiter`, `--decimal-comma`, `--periods`, `--scale` and column names. Where
/// both give one, they must agree. And whether the file corrects a stored publication
/// (`--correction` for this file alone: in a folder run, the file says it, not the run).
public struct ReadingHints: Sendable, Hashable {
    /// The delimiter, when the file or sidecar says it.
    public var delimiter: Delimiter?
    /// Whether figures use decimal commas, when said.
    public var decimalComma: Bool?
    /// How to read bare dates, when said.
    public var bareDates: BareDates?
    /// Whether figures are percentages or fractions, when said.
    public var scale: ValueScale?
    /// The headers of the entity, period and value columns, when said.
    public var columns = ColumnNames()
    /// Whether the file corrects a stored publication, when said.
    public var correction: Bool?

    /// No hints: everything is read from the file.
    public init() {}
}

extension ImportOptions {
    /// These options with what `hints` (of the sidecar at `path`) add; a hint that
    /// contradicts an option is an error placed on `file`.
    func reading(_ hints: ReadingHints, from path: String, file: String) throws -> ImportOptions {
        var options = self
        func merge<T: Equatable>(_ given: T?, _ hint: T?, _ name: String) throws -> T? {
            guard let hint else { return given }
            if let given, given != hint {
                throw ImportError(
                    file: file, reason: "the sidecar \(path) says \(name) \(hint), the command line \(given)",
                    expected: "one \(name), in one place")
            }
            return hint
        }
        options.delimiter = try merge(delimiter, hints.delimiter, "delimiter")
        options.bareDates = try merge(bareDates, hints.bareDates, "periods")
        options.scale = try merge(scale, hints.scale, "scale")
        options.columns.entity = try merge(columns.entity, hints.columns.entity, "entity_column")
        options.columns.period = try merge(columns.period, hints.columns.period, "period_column")
        options.columns.value = try merge(columns.value, hints.columns.value, "value_column")
        if hints.decimalComma == true { options.decimalComma = true }
        if hints.correction == true { options.acceptsCorrection = true }
        return options
    }
}
