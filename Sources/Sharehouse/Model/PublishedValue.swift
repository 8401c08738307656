import Foundation

/// A figure with the precision it was published with: `17.10` is 17.1 with two decimals,
/// and prints back as `17.10`, never as `17.1` or `17.099999999999998`.
public struct PublishedValue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The figure as a number.
    public let value: Double
    /// Digits after the decimal separator, as published.
    public let decimals: Int

    /// The most decimals a value may have (the schema's limit).
    public static let maximumDecimals = 12
    /// Significant digits a Double holds exactly; more would not round-trip.
    public static let maximumSignificantDigits = 15

    /// A value with `decimals` decimals, kept within 0...``maximumDecimals``.
    public init(value: Double, decimals: Int) {
        self.value = value
        self.decimals = min(max(decimals, 0), Self.maximumDecimals)
    }

    /// The published digits as one integer (17.10 -> 1710), and whether that is exact
    /// (false beyond 2^53, where a Double no longer holds every integer).
    var scaledDigits: (Int64, Bool) {
        let scale = Self.powersOfTen[min(decimals, Self.powersOfTen.count - 1)]
        let scaled = (value * scale).rounded()
        guard abs(scaled) < 9_007_199_254_740_992 else { return (0, false) }
        return (Int64(scaled), true)
    }

    /// The value with exactly ``decimals`` decimals, as it was published.
    ///
    /// A value read from text with at most 15 significant digits is the double nearest
    /// to that text, so scaling it by 10^decimals and rounding gives back the published
    /// digits exactly; this avoids `printf` on the hot path of hashing a snapshot.
    public var description: String {
        let scale = Self.powersOfTen[min(decimals, Self.powersOfTen.count - 1)]
        let scaled = (abs(value) * scale).rounded()
        guard decimals < Self.powersOfTen.count, scaled < 9_007_199_254_740_992 else {
            return String(format: "%.*f", decimals, value)
        }
        var digits = String(UInt64(scaled))
        if decimals > 0 {
            if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        return value < 0 && scaled != 0 ? "-" + digits : digits
    }

    private static let powersOfTen: [Double] = (0...maximumDecimals).map { exponent in
        (0..<exponent).reduce(1.0) { product, _ in product * 10 }
    }

    /// Why a text is not a value.
    public enum ParseFailure: Error, Sendable, Hashable, CustomStringConvertible {
        /// No text.
        case empty
        /// Text that is not a number.
        case notANumber(String)
        /// A decimal comma where decimal commas were not asked for.
        case commaWithoutDecimalCommaOption(String)
        /// More digits than a double keeps exactly.
        case tooManyDigits(String)
        /// More than 12 digits after the decimal point.
        case tooManyDecimals(String)

        public var description: String {
            switch self {
            case .empty:
                return "the value is empty; expected a number such as 17.1"
            case .notANumber(let text):
                return "\"\(text)\" is not a number; expected digits with an optional decimal point and %, such as 17.1 or 17.1%"
            case .commaWithoutDecimalCommaOption(let text):
                return "\"\(text)\" has a comma; thousands separators are not read, and a decimal comma only with --decimal-comma"
            case .tooManyDigits(let text):
                return
                    "\"\(text)\" has more than \(PublishedValue.maximumSignificantDigits) significant digits, more than can be stored exactly"
            case .tooManyDecimals(let text):
                return "\"\(text)\" has more than \(PublishedValue.maximumDecimals) decimals"
            }
        }
    }

    /// The outcome of reading a value: the value and whether a percent sign followed it.
    public struct Parsed: Sendable, Hashable {
        /// The figure.
        public let value: PublishedValue
        /// True when the text had a percent sign.
        public let hasPercentSign: Bool
    }

    /// The plain decimal text of a JSON number written with an exponent (`1.5E2` ->
    /// `150`, `1e-05` -> `0.00001`), shifting the digits exactly; nil when there is none.
    public static func expandingExponent(_ text: String) -> String? {
        guard let marker = text.firstIndex(where: { $0 == "e" || $0 == "E" }),
            let exponent = Int(text[text.index(after: marker)...].replacingOccurrences(of: "+", with: "")),
            abs(exponent) <= 40
        else { return nil }
        var mantissa = String(text[..<marker])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        var digits = String(parts[0]) + (parts.count > 1 ? String(parts[1]) : "")
        var point = parts[0].count + exponent
        if point <= 0 {
            digits = String(repeating: "0", count: 1 - point) + digits
            point = 1
        } else if point > digits.count {
            digits += String(repeating: "0", count: point - digits.count)
        }
        var whole = String(digits.prefix(point))
        var fraction = String(digits.dropFirst(point))
        while whole.count > 1, whole.first == "0" { whole.removeFirst() }
        // Trailing zeros that only the shift made are not published digits.
        let publishedFraction = parts.count > 1 ? max(0, parts[1].count - exponent) : 0
        while fraction.count > publishedFraction, fraction.last == "0" { fraction.removeLast() }
        return (negative ? "-" : "") + whole + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// Reads a value as sources write them: `17.1`, `17.10`, ` 17.1 % `, `-3`, Arabic-Indic
    /// digits with the Arabic decimal separator (`١٧٫١`), and `17,1` when `decimalComma`
    /// is set (then `.` is refused, as it would be a thousands separator). Exponents,
    /// `NaN`, infinities and grouping separators are refused: a figure is written out.
    public static func parse(_ text: some StringProtocol, decimalComma: Bool = false) -> Result<Parsed, ParseFailure> {
        if let quick = parsePlainASCII(text.utf8, decimalComma: decimalComma) { return .success(quick) }
        return parseAnyText(text, decimalComma: decimalComma)
    }

    /// The common case in one pass over bytes: ASCII digits with at most one decimal
    /// point (no sign, spaces or percent sign); nil for anything else, which the full
    /// parser then reads (and explains, when it is not a number).
    static func parsePlainASCII(_ bytes: some Collection<UInt8>, decimalComma: Bool) -> Parsed? {
        let point = decimalComma ? UInt8(ascii: ",") : UInt8(ascii: ".")
        var integer: Int64 = 0
        var digits = 0
        var decimals = 0
        var seenPoint = false
        var significant = 0
        for byte in bytes {
            if byte >= 0x30, byte <= 0x39 {
                guard digits < 18 else { return nil }
                integer = integer * 10 + Int64(byte - 0x30)
                digits += 1
                if integer != 0 { significant += 1 }
                if seenPoint { decimals += 1 }
            } else if byte == point, !seenPoint, digits > 0 {
                seenPoint = true
            } else {
                return nil
            }
        }
        guard digits > 0, !(seenPoint && decimals == 0), decimals <= maximumDecimals,
            significant <= maximumSignificantDigits
        else { return nil }
        // integer / 10^decimals, correctly rounded: both are exact in a Double here.
        let value = Double(integer) / powersOfTen[decimals]
        return Parsed(value: PublishedValue(value: value, decimals: decimals), hasPercentSign: false)
    }

    static func parseAnyText(_ text: some StringProtocol, decimalComma: Bool) -> Result<Parsed, ParseFailure> {
        var ascii: [UInt8] = []
        ascii.reserveCapacity(text.utf8.count)
        var seenSeparator = false
        var seenDigit = false
        var percent = false
        var finished = false
        var decimals = 0
        var significant = 0
        var leadingZeros = true
        let original = String(text)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value >= 0x80, scalar.properties.generalCategory == .format { continue }  // LRM, RLM, ALM, BOM
            if value == 0x20 || value == 0x09 || (value >= 0x80 && scalar.properties.isWhitespace) {
                if seenDigit || seenSeparator || !ascii.isEmpty { finished = true }
                continue
            }
            if value == 0x25 || value == 0x066A {  // % or Arabic percent sign
                guard seenDigit, !percent else { return .failure(.notANumber(original)) }
                percent = true
                finished = true
                continue
            }
            guard !percent else { return .failure(.notANumber(original)) }
            guard !finished else { return .failure(.notANumber(original)) }
            var digit: UInt32?
            switch value {
            case 0x30...0x39: digit = value - 0x30
            case 0x0660...0x0669: digit = value - 0x0660
            case 0x06F0...0x06F9: digit = value - 0x06F0
            default: break
            }
            if let digit {
                seenDigit = true
                ascii.append(UInt8(0x30 + digit))
                if seenSeparator { decimals += 1 }
                if digit != 0 { leadingZeros = false }
                if !leadingZeros { significant += 1 }
                continue
            }
            let isDecimalPoint = value == 0x066B || (decimalComma ? value == 0x2C : value == 0x2E)
            if isDecimalPoint {
                guard !seenSeparator, seenDigit else { return .failure(.notANumber(original)) }
                seenSeparator = true
                ascii.append(UInt8(ascii: "."))
                continue
            }
            if value == 0x2C, !decimalComma { return .failure(.commaWithoutDecimalCommaOption(original)) }
            if value == 0x2D, ascii.isEmpty {  // a leading minus
                ascii.append(UInt8(ascii: "-"))
                continue
            }
            return .failure(.notANumber(original))
        }
        guard seenDigit else { return .failure(ascii.isEmpty && !percent ? .empty : .notANumber(original)) }
        if ascii.last == UInt8(ascii: ".") { return .failure(.notANumber(original)) }
        guard decimals <= maximumDecimals else { return .failure(.tooManyDecimals(original)) }
        guard significant <= maximumSignificantDigits else { return .failure(.tooManyDigits(original)) }
        guard let number = Double(String(decoding: ascii, as: UTF8.self)), number.isFinite else {
            return .failure(.notANumber(original))
        }
        return .success(
            Parsed(
                value: PublishedValue(value: number == 0 ? 0 : number, decimals: decimals),
                hasPercentSign: percent))
    }
}
