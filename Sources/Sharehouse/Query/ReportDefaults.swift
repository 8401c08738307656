/// What a report shows when its reader does not say: one place for every default, so
/// the CLI, the HTML page and an embedding program choose alike.
public enum ReportDefaults {
    /// How many of the latest period's leaders a series or chart over time follows when
    /// no entities are given.
    public static let seriesTop = 5
    /// How many leaders a ranking lists before "other".
    public static let top = 10
    /// How many of the headline's leaders the overview draws over time.
    public static let overviewSeriesEntities = 4
}
