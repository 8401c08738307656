import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The runs of Latin letters in an XHTML page that sit outside any isolate: not inside a
/// `<bdi>` or an element with `dir="ltr"`, nor between Unicode isolate marks (U+2066 to
/// U+2069, as SVG text uses). On a right-to-left page such a run reorders the Arabic
/// sentence around it.
public enum BidiIsolationCheck {
    public static func unisolatedLatinRuns(in page: String) -> [String] {
        let collector = Collector()
        let parser = XMLParser(data: Data(page.utf8))
        parser.delegate = collector
        _ = parser.parse()
        collector.flush()
        return collector.runs
    }

    /// `text` without what lies between isolate marks.
    static func outsideIsolates(_ text: String) -> String {
        var depth = 0
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x2066, 0x2067, 0x2068: depth += 1
            case 0x2069: depth = max(0, depth - 1)
            default: if depth == 0 { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var runs: [String] = []
        /// For each open element: whether it isolates, or is not shown (head, style).
        private var stack: [Bool] = []
        private var text = ""

        func flush() {
            defer { text = "" }
            guard !stack.contains(true) else { return }
            let outside = BidiIsolationCheck.outsideIsolates(text)
            if outside.unicodeScalars.contains(where: { ("A"..."Z").contains($0) || ("a"..."z").contains($0) }) {
                runs.append(outside.trimmingCharacters(in: .whitespacesAndNewlines))
            }
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            flush()
            stack.append(["bdi", "head", "style", "script"].contains(elementName) || attributes["dir"] == "ltr")
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            flush()
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
        }
    }
}
