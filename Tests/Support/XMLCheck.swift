import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Parses `text` as XML: the first error, if any, with its line; and every element, its
/// attributes and text, so tests can look inside an SVG or HTML document.
public struct XMLCheck {
    public let elements: [String]
    public let attributes: [[String: String]]
    public let texts: [String]
    public let error: String?

    public init(_ text: String) {
        let collector = Collector()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = collector
        error =
            parser.parse()
            ? nil
            : "\(parser.parserError.map { "\($0)" } ?? "parse error") at line \(parser.lineNumber), column \(parser.columnNumber)"
        elements = collector.elements
        attributes = collector.attributes
        texts = collector.texts
    }

    /// The attribute `name` of every element named `element`.
    public func values(of name: String, in element: String) -> [String] {
        zip(elements, attributes).compactMap { $0.0 == element ? $0.1[name] : nil }
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [String] = []
        var attributes: [[String: String]] = []
        var texts: [String] = []
        /// The parser hands text over in pieces (at each entity, for one): joined here.
        private var text = ""

        private func flush() {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { texts.append(trimmed) }
            text = ""
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            flush()
            elements.append(elementName)
            attributes.append(attributeDict)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            flush()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
        }
    }
}
