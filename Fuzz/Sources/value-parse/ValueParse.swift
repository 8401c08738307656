import FuzzSupport
@testable import Sharehouse

// PublishedValue.parse on any text, with and without --decimal-comma. Invariants:
// - it accepts exactly what an independent reading of the documented grammar accepts
//   (Reference below), and the value prints back as the published digits (the text
//   round-trips: 17.10 -> "17.10", ١٧٫١ -> "17.1", "-0" -> "0");
// - the printed value reads back as the same value; the one-pass ASCII parser and the
//   full parser agree; Arabic-Indic digits, the Arabic decimal separator and the Arabic
//   percent sign read as their ASCII counterparts;
// - expandingExponent never crashes, and for a JSON number gives a plain decimal with
//   the same value (the double of the text).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: inputBytes(data, size), as: UTF8.self)
    for decimalComma in [false, true] {
        check(text, decimalComma: decimalComma)
    }
    checkExponent(text)
    return 0
}

func check(_ text: String, decimalComma: Bool) {
    let shown = show(Array(text.utf8)) + (decimalComma ? " (decimal comma)" : "")
    let result = PublishedValue.parse(text, decimalComma: decimalComma)
    let reference = Reference(text, decimalComma: decimalComma)
    if let quick = PublishedValue.parsePlainASCII(text.utf8, decimalComma: decimalComma) {
        invariant(result == .success(quick) && PublishedValue.parseAnyText(text, decimalComma: decimalComma) == .success(quick),
                  "\(shown): the ASCII parser reads \(quick.value), the full one \(result)")
    }
    switch result {
    case .success(let parsed):
        let value = parsed.value
        guard let reference else {
            invariant(false, "\(shown) is read as \(value), but the grammar refuses it")
            return
        }
        invariant(value.value.isFinite && (0...PublishedValue.maximumDecimals).contains(value.decimals), "\(shown): \(value.value)")
        invariant(value.description == reference.text, "\(shown) prints as \(value), published as \(reference.text)")
        invariant(value.value == Double(reference.text), "\(shown): \(value.value) is not the double of \(reference.text)")
        invariant(parsed.hasPercentSign == reference.percent, "\(shown): percent sign \(parsed.hasPercentSign)")
        invariant(PublishedValue.parse(value.description) == .success(.init(value: value, hasPercentSign: false)),
                  "\(shown): the printed \(value) reads back as \(PublishedValue.parse(value.description))")
        let (scaled, exact) = value.scaledDigits
        if exact {
            let digits = String(decoding: Array(reference.text.utf8.filter { $0 != UInt8(ascii: ".") && $0 != UInt8(ascii: "-") }
                .drop { $0 == UInt8(ascii: "0") }), as: UTF8.self)
            invariant(String(scaled.magnitude) == (digits.isEmpty ? "0" : digits), "\(shown): scaled digits \(scaled) for \(reference.text)")
        }
    case .failure(let failure):
        invariant(reference == nil, "\(shown) is refused (\(failure)), but the grammar reads it as \(reference!.text)")
    }
    // Arabic digits, decimal separator and percent sign are read as the ASCII ones.
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        switch scalar.value {
        case 0x30...0x39: scalars.append(Unicode.Scalar(scalar.value - 0x30 + 0x0660)!)
        case 0x2E where !decimalComma, 0x2C where decimalComma: scalars.append("\u{066B}")
        case 0x25: scalars.append("\u{066A}")
        default: scalars.append(scalar)
        }
    }
    let arabic = PublishedValue.parse(String(scalars), decimalComma: decimalComma)
    switch (result, arabic) {
    case (.success(let ascii), .success(let other)):
        invariant(ascii == other, "\(shown) reads as \(ascii.value), in Arabic digits as \(other.value)")
    case (.failure, .failure):
        break
    default:
        invariant(false, "\(shown) reads as \(result), in Arabic digits as \(arabic)")
    }
}

/// The grammar the parser documents, read another way: format characters (bidi marks)
/// are ignored; spaces may surround the number; a percent sign (% or ٪) may follow it;
/// the number is an optional `-`, digits (ASCII, Arabic-Indic or extended Arabic-Indic)
/// and optionally a separator (`.`, or `,` with a decimal comma, or the Arabic `٫`) and
/// more digits; at most 12 decimals and 15 significant digits. `text` is what it
/// publishes: ASCII digits, no leading zeros, no sign on zero.
struct Reference {
    let text: String
    let percent: Bool

    init?(_ input: String, decimalComma: Bool) {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value == 0x20 || scalar.value == 0x09 || (scalar.value >= 0x80 && scalar.properties.isWhitespace)
        }
        var scalars = Array(input.unicodeScalars.filter { $0.value < 0x80 || $0.properties.generalCategory != .format })
        func trim() {
            while let first = scalars.first, isSpace(first) { scalars.removeFirst() }
            while let last = scalars.last, isSpace(last) { scalars.removeLast() }
        }
        trim()
        percent = scalars.last == "%" || scalars.last == "\u{066A}"
        if percent {
            scalars.removeLast()
            trim()
        }
        var negative = false
        if scalars.first == "-" {
            negative = true
            scalars.removeFirst()
        }
        func digit(_ scalar: Unicode.Scalar) -> UInt8? {
            switch scalar.value {
            case 0x30...0x39: UInt8(scalar.value - 0x30)
            case 0x0660...0x0669: UInt8(scalar.value - 0x0660)
            case 0x06F0...0x06F9: UInt8(scalar.value - 0x06F0)
            default: nil
            }
        }
        let separator: Unicode.Scalar = decimalComma ? "," : "."
        let parts = scalars.split(omittingEmptySubsequences: false) { $0 == separator || $0 == "\u{066B}" }
        guard parts.count <= 2, !parts[0].isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { digit($0) != nil } }) else {
            return nil
        }
        let whole = parts[0].map { digit($0)! }, fraction = parts.count == 2 ? parts[1].map { digit($0)! } : []
        let significant = (whole + fraction).drop { $0 == 0 }.count
        guard fraction.count <= PublishedValue.maximumDecimals, significant <= PublishedValue.maximumSignificantDigits else {
            return nil
        }
        var wholeText = String(whole.drop { $0 == 0 }.map { Character(String($0)) })
        if wholeText.isEmpty { wholeText = "0" }
        let fractionText = String(fraction.map { Character(String($0)) })
        let isZero = (whole + fraction).allSatisfy { $0 == 0 }
        text = (negative && !isZero ? "-" : "") + wholeText + (fraction.isEmpty ? "" : "." + fractionText)
    }
}

/// expandingExponent on any text (it must not crash), and on JSON numbers: a plain decimal
/// of the same value.
func checkExponent(_ text: String) {
    let expanded = PublishedValue.expandingExponent(text)
    guard isJSONNumber(text), let expanded else { return }
    invariant(!expanded.contains("e") && !expanded.contains("E") && isJSONNumber(expanded),
              "\(text) expands to \(expanded), not a plain number")
    guard case .success(let parsed) = PublishedValue.parse(expanded) else { return }  // too many digits to keep exactly
    invariant(parsed.value.value == Double(text) || (parsed.value.value == 0 && Double(text) == 0),
              "\(text) expands to \(expanded), read as \(parsed.value.value), but is \(String(describing: Double(text)))")
}

/// RFC 8259's number grammar.
func isJSONNumber(_ text: String) -> Bool {
    var bytes = Array(text.utf8)[...]
    func digits() -> Int {
        let count = bytes.prefix { (0x30...0x39).contains($0) }.count
        bytes = bytes.dropFirst(count)
        return count
    }
    if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
    if bytes.first == UInt8(ascii: "0") {
        bytes = bytes.dropFirst()
    } else if digits() == 0 {
        return false
    }
    if bytes.first == UInt8(ascii: ".") {
        bytes = bytes.dropFirst()
        guard digits() > 0 else { return false }
    }
    if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
        bytes = bytes.dropFirst()
        if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        guard digits() > 0 else { return false }
    }
    return bytes.isEmpty
}

@main
struct ValueParseFuzzer {
    static func main() { runFuzzer(fuzzOneInput) }
}
