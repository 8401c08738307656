/// A string as JSON text, for the JSON Sharehouse writes by hand (exported snapshots,
/// report rows, ad-hoc SQL rows), where numbers must keep their published digits: quotes,
/// backslashes and control characters escaped; slashes and non-ASCII text as they are,
/// as the Encodable writer (JSONOutput, `.withoutEscapingSlashes`) leaves them too.
public enum JSONText {
    /// `text` as a JSON string literal, quotes and escapes included.
    public static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

}
