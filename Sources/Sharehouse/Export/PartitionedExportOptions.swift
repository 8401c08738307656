/// What ``Warehouse/exportFigures(to:options:)`` writes.
public struct FigureExportOptions: Sendable, Hashable {
    /// Which figures: those in force, or every vintage.
    public enum Vintages: String, Sendable, Hashable, CaseIterable {
        /// The figures in force (the view `current_figures`), in the table `figures`.
        case current
        /// Every vintage of every figure (the view `figure_history`), with the day each
        /// stopped being in force (`known_to`), in the table `figure_history`.
        case all
    }

    /// CSV or NDJSON.
    public var format: ExportFileFormat
    /// Only this measure's figures (nil: every measure).
    public var measure: String?
    /// Only this source's figures (nil: every source).
    public var source: String?
    /// The figures in force, or every vintage.
    public var vintages: Vintages
    /// Replace files whose content differs, instead of refusing to write anything.
    public var replace: Bool

    /// Options for an export of the figures; by default every figure in force, as CSV,
    /// refusing to replace a file of other content.
    public init(
        format: ExportFileFormat = .csv, measure: String? = nil, source: String? = nil, vintages: Vintages = .current,
        replace: Bool = false
    ) {
        self.format = format
        self.measure = measure
        self.source = source
        self.vintages = vintages
        self.replace = replace
    }
}

/// What ``Warehouse/exportListings(to:options:)`` writes.
public struct ListingExportOptions: Sendable, Hashable {
    /// CSV or NDJSON.
    public var format: ExportFileFormat
    /// Only these listings, by id (empty: every listing).
    public var listings: [Int64]
    /// Replace files whose content differs, instead of refusing to write anything.
    public var replace: Bool

    /// Options for an export of the listings; by default every listing, as CSV, refusing to
    /// replace a file of other content.
    public init(format: ExportFileFormat = .csv, listings: [Int64] = [], replace: Bool = false) {
        self.format = format
        self.listings = listings
        self.replace = replace
    }
}
