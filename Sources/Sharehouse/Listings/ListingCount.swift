/// A count as a listing writes it: a whole number, 0 or more, in digits.
enum ListingCount {
    /// What a count's text holds.
    enum Reading: Equatable {
        case count(Int64)
        case negative
        /// A number with a fraction (`12.5`), or in exponent form (`1e3`).
        case fraction
        case notANumber
        case tooLarge
    }

    /// Reads `text` as a count. With `allowingPointZero`, `1234.0` is 1234: pandas writes
    /// every number of a float column so, and the study dataset's counts may be one.
    static func read(_ text: Substring, allowingPointZero: Bool = false) -> Reading {
        var body = text.utf8[...]
        let negative = body.first == UInt8(ascii: "-")
        if negative { body = body.dropFirst() }
        let integerEnd = body.firstIndex { !isDigit($0) } ?? body.endIndex
        let integer = body[..<integerEnd]
        let tail = body[integerEnd...]
        guard !integer.isEmpty else { return .notANumber }
        if !tail.isEmpty {
            guard isNumberTail(tail) else { return .notANumber }
            let pointZero = tail.first == UInt8(ascii: ".") && tail.count > 1 && tail.dropFirst().allSatisfy { $0 == UInt8(ascii: "0") }
            guard allowingPointZero, pointZero else { return negative ? .negative : .fraction }
        }
        var value: Int64 = 0
        for byte in integer {
            let (times, overflowed) = value.multipliedReportingOverflow(by: 10)
            let (sum, added) = times.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
            guard !overflowed, !added else { return negative ? .negative : .tooLarge }
            value = sum
        }
        return negative && value != 0 ? .negative : .count(value)
    }

    /// Why `text`, the value of `field`, is not a count, as an error's reason.
    static func problem(_ reading: Reading, field: String, text: some StringProtocol) -> String {
        let shown = text.count > 40 ? text.prefix(40) + "…" : String(text)
        switch reading {
        case .negative: return "\"\(field)\" is \(shown), a negative count"
        case .fraction: return "\"\(field)\" is \(shown), not a whole number"
        case .tooLarge: return "\"\(field)\" is \(shown), too large for a count"
        case .notANumber, .count: return "\"\(field)\" is \"\(shown)\", not a number"
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// A fraction and an exponent as JSON writes them: `.5`, `e3`, `.25E-2`.
    private static func isNumberTail(_ tail: Substring.UTF8View.SubSequence) -> Bool {
        var rest = tail
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            let digits = rest.prefix(while: isDigit)
            guard !digits.isEmpty else { return false }
            rest = rest.dropFirst(digits.count)
        }
        if rest.first == UInt8(ascii: "e") || rest.first == UInt8(ascii: "E") {
            rest = rest.dropFirst()
            if rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
            let digits = rest.prefix(while: isDigit)
            guard !digits.isEmpty else { return false }
            rest = rest.dropFirst(digits.count)
        }
        return rest.isEmpty && tail.count > 0
    }
}
