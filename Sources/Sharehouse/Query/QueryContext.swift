/// What every query result says about itself: the measure it is about, the rule that
/// chose its sources, the as-of date, notes a reader must see, and its citations.
public struct QueryContext: Sendable, Encodable {
    public let measure: Measure
    public let sourcePolicy: SourcePolicy
    public let asOf: CalendarDate?
    /// Things the reader must know to read the figures right (a lower bound, overlapping
    /// windows, periods left out).
    public let notes: [ReportNote]
    /// The snapshots the figures come from; rows refer to them by number.
    public let citations: [Citation]

    init(measure: Measure, scope: QueryScope, notes: [ReportNote], citations: [Citation]) {
        self.measure = measure
        self.sourcePolicy = scope.sources
        self.asOf = scope.asOf
        self.notes = notes
        self.citations = citations
    }
}

/// The length of a period, for keeping a series to periods of one length.
public enum PeriodLength: Sendable, Hashable, Codable, CustomStringConvertible {
    case months(Int)
    case days(Int)

    public init(_ period: Period) {
        if let months = period.months { self = .months(months) } else { self = .days(period.days) }
    }

    public var description: String {
        switch self {
        case .months(let n): n == 1 ? "1 month" : "\(n) months"
        case .days(let n): n == 1 ? "1 day" : "\(n) days"
        }
    }
}

/// `value` rounded to `decimals` decimals: the difference or sum of figures published with
/// d decimals is exact at d decimals, and printing 0.06 beats 0.05999999999999872.
func rounded(_ value: Double, decimals: Int) -> Double {
    var scale = 1.0
    for _ in 0..<max(0, min(decimals, 12)) { scale *= 10 }
    return (value * scale).rounded() / scale
}
