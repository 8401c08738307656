import Foundation
public import Sharehouse

/// How numbers are written for people: Western digits (17.1%) or Arabic-Indic ones
/// (١٧٫١٪), with the Arabic decimal separator and percent sign.
public enum DigitStyle: String, Sendable, CaseIterable {
    /// 0-9, as ISO dates are typed.
    case western
    /// ٠-٩, with the Arabic decimal separator and percent sign.
    case arabicIndic = "arabic-indic"

    /// `value` with exactly `decimals` decimals, in these digits. Rounds half away from
    /// zero on the decimal text (no locale, no binary surprises: 0.125 at 2 is 0.13).
    public func format(_ value: Double, decimals: Int) -> String {
        let text = DecimalText.fixed(value, decimals: decimals)
        switch self {
        case .western: return text
        case .arabicIndic:
            return String(
                String.UnicodeScalarView(
                    text.unicodeScalars.map { scalar -> Unicode.Scalar in
                        switch scalar {
                        case "0"..."9": Unicode.Scalar(0x0660 + scalar.value - 0x30)!
                        case ".": "\u{066B}"  // Arabic decimal separator
                        case "-": "\u{2212}"  // minus sign
                        default: scalar
                        }
                    }))
        }
    }

    /// A published figure as published: 17.10 keeps its two decimals.
    public func format(_ value: PublishedValue) -> String { format(value.value, decimals: value.decimals) }

    /// A count with its thousands grouped: `1,150,000,000`, or `١٬١٥٠٬٠٠٠٬٠٠٠` (the
    /// Arabic thousands separator), so that nine zeros can be read at a glance.
    public func grouped(_ value: Double, decimals: Int) -> String {
        let text = DecimalText.fixed(value, decimals: decimals)
        let sign = text.hasPrefix("-") ? "-" : ""
        let unsigned = text.dropFirst(sign.count)
        let whole = unsigned.prefix { $0 != "." }
        let fraction = unsigned.dropFirst(whole.count)
        var groups: [Substring] = []
        var rest = Substring(whole)
        while rest.count > 3 {
            groups.insert(rest.suffix(3), at: 0)
            rest = rest.dropLast(3)
        }
        groups.insert(rest, at: 0)
        let western = sign + groups.joined(separator: ",") + fraction
        return self == .western ? western : digits(in: western)
    }

    /// `text` with its ASCII digits in this style: the decimal point between digits and
    /// the percent sign in Arabic too, a comma between digits as the Arabic thousands
    /// separator. Other characters stay. For notes the library writes in English figures.
    public func digits(in text: String) -> String {
        guard self == .arabicIndic else { return text }
        let scalars = Array(text.unicodeScalars)
        func isDigit(_ index: Int) -> Bool { scalars.indices.contains(index) && ("0"..."9").contains(scalars[index]) }
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "0"..."9": result.append(Unicode.Scalar(0x0660 + scalar.value - 0x30)!)
            case "." where isDigit(index - 1) && isDigit(index + 1): result.append("\u{066B}")
            case "," where isDigit(index - 1) && isDigit(index + 1): result.append("\u{066C}")
            case "%": result.append("\u{066A}")
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// A share: `17.1%`, or `١٧٫١٪`.
    public func percent(_ value: Double, decimals: Int) -> String {
        format(value, decimals: decimals) + (self == .western ? "%" : "\u{066A}")
    }
}
