/// The file format of a partitioned export (``Warehouse/exportFigures(to:options:)``,
/// ``Warehouse/exportListings(to:options:)``): one row a line, plain values another
/// program reads without cleaning.
public enum ExportFileFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// RFC 4180 CSV: a header line of column names, every line ending in CRLF (the last one
    /// too), a field quoted only when it holds a comma, a quote or a line end (a quote
    /// inside doubled); an absent value is an empty field.
    case csv
    /// Newline-delimited JSON: one object a line (ending in LF), its members in the
    /// columns' order, numbers as JSON numbers and an absent value as `null`.
    case ndjson

    /// The file name extension, without its dot: `csv` or `ndjson`.
    public var fileExtension: String { rawValue }
}
