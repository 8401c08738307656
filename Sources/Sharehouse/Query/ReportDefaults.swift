/// What a report shows when its reader does not say: one place for every default, so
/// the CLI, the HTML page and an embedding program choose alike.
public enum ReportDefaults {
    /// The entities of a series or chart over time when none are given: the two the
    /// study behind the seed figures compares.
    public static let seriesEntities = ["CN", "US"]
    /// How many leaders a ranking lists before "other".
    public static let top = 10
    /// How many of the headline's leaders the overview draws over time.
    public static let overviewSeriesEntities = 4
}
