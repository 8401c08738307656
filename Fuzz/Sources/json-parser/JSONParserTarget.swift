import Foundation
import FuzzSupport
@testable import Sharehouse
import SharehouseDB

// The JSON parser (JSONParser) on any bytes. Invariants:
// - it either returns a value or throws an ImportError whose line and column lie inside
//   the text;
// - what it accepts is UTF-8, and JSON to Foundation's JSONSerialization too (which
//   accepts more: duplicate keys, deeper nesting; but refuses exponents beyond a Double's
//   range, which this parser keeps as text for the importer to refuse);
// - every value's and member name's line:column points at the byte that starts it;
// - the value written back as JSON, compact or indented, reads as the same value (number
//   texts, key order and all).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = inputBytes(data, size)
    let shape = TextShape(bytes)
    let node: JSONNode
    do {
        node = try JSONParser.parse(bytes, fileName: "fuzz.json")
    } catch let error as ImportError {
        if let line = error.line { invariant((1...shape.lines).contains(line), "line \(line) of \(shape.lines): \(error)") }
        if let column = error.column {
            invariant((1...shape.longestLine + 1).contains(column), "column \(column), the longest line \(shape.longestLine): \(error)")
        }
        return 0
    } catch {
        invariant(false, "the JSON parser threw \(type(of: error)): \(error)")
        return 0
    }
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    invariant(String(validating: body, as: UTF8.self) != nil, "\(show(bytes)) is accepted but is not UTF-8")
    if !hasExponent(node) {
        invariant((try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])) != nil,
                  "\(show(bytes)) is accepted, but Foundation refuses it")
    }
    checkLocations(node, in: body)
    for indent in [nil, "  "] {
        let written = Array(write(node, indent: indent, depth: 0).utf8)
        guard let again = try? JSONParser.parse(written, fileName: "again.json") else {
            invariant(false, "\(show(bytes)) written back as \(show(written)) does not parse")
            return 0
        }
        invariant(same(node, again), "\(show(bytes)) written back as \(show(written)) reads as another value")
        checkLocations(again, in: written)
    }
    return 0
}

/// Every node's location names the byte its value starts with, counted as the parser
/// documents: lines end at LF, CRLF or a lone CR, columns count characters (UTF-8 lead bytes).
func checkLocations(_ node: JSONNode, in bytes: [UInt8]) {
    var lineStarts = [0]
    // Line ends as every reader of the library counts them: LF, CRLF (one end) and a lone CR.
    for (index, byte) in bytes.enumerated() {
        if byte == 0x0A || (byte == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A)) {
            lineStarts.append(index + 1)
        }
    }
    func offset(_ location: SourceLocation) -> Int? {
        guard location.line >= 1, location.line <= lineStarts.count else { return nil }
        var index = lineStarts[location.line - 1], column = 1
        while index < bytes.count, column < location.column {
            index += 1
            while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
            column += 1
        }
        return index < bytes.count ? index : nil
    }
    func visit(_ node: JSONNode) {
        let first: Set<UInt8>
        switch node.value {
        case .object: first = [UInt8(ascii: "{")]
        case .array: first = [UInt8(ascii: "[")]
        case .string: first = [UInt8(ascii: "\"")]
        case .number(let text): first = [text.utf8.first!]
        case .bool(let value): first = [UInt8(ascii: value ? "t" : "f")]
        case .null: first = [UInt8(ascii: "n")]
        }
        let at = offset(node.location)
        invariant(at.map { first.contains(bytes[$0]) } ?? false,
                  "\(show(bytes)): \(node.kindName) at \(node.location.line):\(node.location.column) starts with \(at.map { show([bytes[$0]]) } ?? "nothing")")
        switch node.value {
        case .object(let members):
            for member in members {
                let keyAt = offset(member.keyLocation)
                invariant(keyAt.map { bytes[$0] == UInt8(ascii: "\"") } ?? false,
                          "\(show(bytes)): the member \(member.key) at \(member.keyLocation.line):\(member.keyLocation.column) is not there")
                visit(member.node)
            }
        case .array(let elements):
            elements.forEach(visit)
        default:
            break
        }
    }
    visit(node)
}

func write(_ node: JSONNode, indent: String?, depth: Int) -> String {
    let newline = indent.map { "\n" + String(repeating: $0, count: depth + 1) } ?? ""
    let close = indent.map { "\n" + String(repeating: $0, count: depth) } ?? ""
    switch node.value {
    case .object(let members):
        if members.isEmpty { return "{}" }
        return "{" + members.map { newline + quote($0.key) + ":" + write($0.node, indent: indent, depth: depth + 1) }
            .joined(separator: ",") + close + "}"
    case .array(let elements):
        if elements.isEmpty { return "[]" }
        return "[" + elements.map { newline + write($0, indent: indent, depth: depth + 1) }.joined(separator: ",") + close + "]"
    case .string(let text): return quote(text)
    case .number(let text): return text
    case .bool(let value): return value ? "true" : "false"
    case .null: return "null"
    }
}

func quote(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case _ where scalar.value < 0x20: result += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result + "\""
}

func hasExponent(_ node: JSONNode) -> Bool {
    switch node.value {
    case .object(let members): members.contains { hasExponent($0.node) }
    case .array(let elements): elements.contains(where: hasExponent)
    case .number(let text): text.contains("e") || text.contains("E")
    default: false
    }
}

func same(_ a: JSONNode, _ b: JSONNode) -> Bool {
    switch (a.value, b.value) {
    case (.object(let x), .object(let y)):
        return x.count == y.count && zip(x, y).allSatisfy { $0.key.unicodeScalars.elementsEqual($1.key.unicodeScalars) && same($0.node, $1.node) }
    case (.array(let x), .array(let y)):
        return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
    case (.string(let x), .string(let y)): return x.unicodeScalars.elementsEqual(y.unicodeScalars)
    case (.number(let x), .number(let y)): return x == y
    case (.bool(let x), .bool(let y)): return x == y
    case (.null, .null): return true
    default: return false
    }
}

@main
struct JSONParserFuzzer {
    static func main() { runFuzzer(fuzzOneInput) }
}
