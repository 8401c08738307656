public import Foundation

/// The `rel="next"` target of an HTTP `Link` header (RFC 8288), which is how `/api/models`
/// hands out its cursor: `Link: <https://huggingface.co/api/models?...&cursor=...>; rel="next"`.
public enum LinkHeader {
    /// The next page's URL, resolved against `base` when it is relative, or nil.
    public static func next(_ header: String?, relativeTo base: URL) -> URL? {
        guard let header else { return nil }
        // Links are separated by commas outside <...>; a URL may hold commas itself.
        var links: [Substring] = []
        var start = header.startIndex
        var inside = false
        for index in header.indices {
            switch header[index] {
            case "<": inside = true
            case ">": inside = false
            case "," where !inside:
                links.append(header[start..<index])
                start = header.index(after: index)
            default: break
            }
        }
        links.append(header[start...])
        for link in links {
            guard let open = link.firstIndex(of: "<"), let close = link[open...].firstIndex(of: ">") else { continue }
            let parameters = link[link.index(after: close)...].split(separator: ";").map {
                $0.trimmingCharacters(in: .whitespaces).lowercased()
            }
            let isNext = parameters.contains { parameter in
                guard parameter.hasPrefix("rel=") else { return false }
                let value = parameter.dropFirst(4).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return value.split(separator: " ").contains("next")
            }
            if isNext { return URL(string: String(link[link.index(after: open)..<close]), relativeTo: base)?.absoluteURL }
        }
        return nil
    }
}
