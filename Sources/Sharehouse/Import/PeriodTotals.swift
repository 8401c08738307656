/// What the figures of one period add up to, as the validator reads them: the sum and
/// rounding allowance for the shares check, the count, the lines they came from, and
/// their order-free digest for the snapshot's content hash.
struct PeriodTotals {
    let period: Period
    var sum = 0.0
    /// The most the published rounding can account for: half a unit of the last
    /// published digit, for every figure.
    var roundingAllowance = 0.0
    var count = 0
    var maximumDecimals = 0
    var firstLine: Int?
    var lastLine: Int?
    /// The period's figures as an order-free digest, for the snapshot's content hash.
    var digest = FigureDigest()

    init(period: Period) {
        self.period = period
    }

    mutating func add(_ value: PublishedValue, entity: String, line: Int?) {
        sum += value.value
        roundingAllowance += 0.5 * Self.unitOfLastDigit(value.decimals)
        count += 1
        maximumDecimals = max(maximumDecimals, value.decimals)
        if firstLine == nil { firstLine = line }
        lastLine = line
        digest.add(entity: entity, value: value)
    }

    static func unitOfLastDigit(_ decimals: Int) -> Double {
        var unit = 1.0
        for _ in 0..<decimals { unit /= 10 }
        return unit
    }
}
