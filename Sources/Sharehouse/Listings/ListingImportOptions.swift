/// How to import a listing.
public struct ListingImportOptions: Sendable {
    /// The days the Hub's `downloads` field counts: the last 30.
    public static let hubWindowDays = 30
    /// The longest window taken: ten years.
    public static let maximumWindowDays = 3660

    /// The key of the source the listing is cited to; it must be in the catalogue.
    public var source: String
    /// When the listing was retrieved: the last day of its window.
    public var retrievedOn: CalendarDate
    /// The days up to ``retrievedOn`` the downloads are counted over. nil: 30 for the
    /// Hub's listings (what its `downloads` field counts); the study dataset's weekly rows
    /// say no window, so it must be given for them.
    public var windowDays: Int?
    /// The shape of the files; nil: from each file's name and its first record.
    public var shape: ListingShape?
    /// Check everything and say what would be stored, writing nothing.
    public var dryRun: Bool
    /// Called every few thousand rows.
    public var progress: (@Sendable (ImportProgress) -> Void)?

    /// Options for a listing import: its source, the day it was retrieved, the days its downloads cover and its shape.
    public init(
        source: String, retrievedOn: CalendarDate, windowDays: Int? = nil, shape: ListingShape? = nil,
        dryRun: Bool = false, progress: (@Sendable (ImportProgress) -> Void)? = nil
    ) {
        self.source = source
        self.retrievedOn = retrievedOn
        self.windowDays = windowDays
        self.shape = shape
        self.dryRun = dryRun
        self.progress = progress
    }
}
