/// The length of a period, for keeping a series to periods of one length.
public enum PeriodLength: Sendable, Hashable, Encodable, CustomStringConvertible {
    /// A number of whole months (a month, a quarter, a year, twelve months).
    case months(Int)
    /// A number of days, for a period that is not whole months.
    case days(Int)

    /// The length of `period`.
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

extension PeriodLength {
    private enum Key: String, CodingKey { case months, days }

    /// `{"months": 12}` or `{"days": 7}`: a number a program reads, not words.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .months(let n): try container.encode(n, forKey: .months)
        case .days(let n): try container.encode(n, forKey: .days)
        }
    }
}
