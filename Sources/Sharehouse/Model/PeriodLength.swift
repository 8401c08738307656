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
