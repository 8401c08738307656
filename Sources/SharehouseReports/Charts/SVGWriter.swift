import Sharehouse

/// Writes SVG text: elements with their attributes in the order given, text escaped,
/// coordinates with at most two decimals. The same calls give the same bytes.
struct SVGWriter {
    private(set) var text = ""
    private var depth = 0

    /// A coordinate or length: `12`, `12.5`, `12.25`.
    static func number(_ value: Double) -> String {
        let fixed = DecimalText.fixed(value, decimals: 2)
        guard fixed.contains(".") else { return fixed }
        var trimmed = Substring(fixed)
        while trimmed.hasSuffix("0") { trimmed = trimmed.dropLast() }
        if trimmed.hasSuffix(".") { trimmed = trimmed.dropLast() }
        return trimmed == "-0" ? "0" : String(trimmed)
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Attributes in the order they are written.
    typealias Attributes = [(String, String)]

    private static func attributes(_ attributes: Attributes) -> String {
        attributes.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    static func list(_ pairs: KeyValuePairs<String, String>) -> Attributes { pairs.map { ($0.key, $0.value) } }

    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        open(name, Self.list(attributes))
    }

    mutating func open(_ name: String, _ attributes: Attributes) {
        line("<\(name)\(Self.attributes(attributes))>")
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        line("</\(name)>")
    }

    /// An element without content, or with `content` as its text.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], content: String? = nil) {
        element(name, Self.list(attributes), content: content)
    }

    mutating func element(_ name: String, _ attributes: Attributes, content: String? = nil) {
        if let content {
            line("<\(name)\(Self.attributes(attributes))>\(Self.escape(content))</\(name)>")
        } else {
            line("<\(name)\(Self.attributes(attributes))/>")
        }
    }

    mutating func raw(_ markup: String) { line(markup) }

    private mutating func line(_ markup: String) {
        text += String(repeating: "  ", count: depth) + markup + "\n"
    }
}
