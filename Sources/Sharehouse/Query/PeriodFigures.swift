/// The figures in force for one period: from one snapshot, chosen by the vintage rule and
/// the source policy.
struct PeriodFigures: Sendable {
    let period: Period
    let periodID: Int64
    let vintage: Vintage
    /// Why this source, under the default policy (nil when the scope names the source).
    let choice: SourceChoice?
    /// Entity code -> figure.
    let figures: FigureTable
}
