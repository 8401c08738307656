import FuzzSupport
@testable import Sharehouse

// NameNormalizer on any text, and the entity resolver that looks its keys up. Invariants:
// - the scalar-by-scalar fast path, where it answers, gives what the full Unicode path gives;
// - a key has single spaces between words, none at the ends, and none of what the
//   normalizer folds away: ASCII capitals, apostrophes, '&', tashkeel, alef and hamza
//   variants, taa marbuta, alef maksura, the letters of a foreign "g" (ج ق گ ڨ),
//   Arabic-Indic digits;
// - spellings the documentation calls the same get the same key: ASCII letters in the
//   other case; أ إ آ ٱ for ا, ؤ for و, ئ and ى for ي, ة for ه, ج ق گ ڨ for غ;
//   Arabic-Indic digits for ASCII ones; tashkeel after Arabic letters;
// - resolving the name either finds an entity or throws SharehouseError (never traps).
//   Suggestions for an unknown name measure its distance to every key the resolver knows,
//   which costs as much as a thousand normalizations: one input in eight (by a hash of the
//   input, so that a failure replays) is resolved.
let resolver: EntityResolver = {
    do { return try Warehouse.inMemory().entityResolver() } catch { fatalError("no resolver: \(error)") }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let name = String(decoding: inputBytes(data, size), as: UTF8.self)
    let shown = show(Array(name.utf8))
    let key = NameNormalizer.normalize(name)
    if let quick = NameNormalizer.fastPath(name) {
        let full = NameNormalizer.fullPath(name)
        invariant(quick == full, "\(shown): the fast path gives \(show(Array(quick.utf8))), the full path \(show(Array(full.utf8)))")
    }
    checkShape(key, of: shown)
    for (what, variant) in variants(of: name) {
        let other = NameNormalizer.normalize(variant)
        invariant(other == key, "\(shown) normalizes to \(show(Array(key.utf8))), with \(what) to \(show(Array(other.utf8)))")
    }
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    guard hash % 8 == 0 else { return 0 }
    do {
        let match = try resolver.resolve(name)
        invariant(!match.entity.code.isEmpty, "\(shown) resolves to an entity without a code")
    } catch {
        // SharehouseError: unknown, ambiguous or an aggregate row (Total, World).
    }
    return 0
}

func checkShape(_ key: String, of shown: String) {
    let scalars = Array(key.unicodeScalars)
    invariant(scalars.first != " " && scalars.last != " " && !key.contains("  "), "\(shown): spaces in \(show(Array(key.utf8)))")
    for scalar in scalars {
        let folded: Bool = switch scalar.value {
        case 0x41...0x5A, 0x27, 0x60, 0x26: true  // capitals, apostrophes, &
        case 0x064B...0x065F, 0x0670: true  // tashkeel
        case 0x0622, 0x0623, 0x0625, 0x0671, 0x0624, 0x0626, 0x0629, 0x0649, 0x0640: true  // variants, tatweel
        case 0x062C, 0x0642, 0x06A8, 0x06AF: true  // the letters of a foreign "g"
        case 0x0660...0x0669, 0x06F0...0x06F9: true  // Arabic-Indic digits
        default: false
        }
        invariant(!folded, "\(shown): the key \(show(Array(key.utf8))) keeps U+\(String(scalar.value, radix: 16, uppercase: true))")
    }
}

/// Spellings of `name` that must get its key.
func variants(of name: String) -> [(String, String)] {
    func mapped(_ transform: (Unicode.Scalar) -> [Unicode.Scalar]) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in name.unicodeScalars { scalars.append(contentsOf: transform(scalar)) }
        return String(scalars)
    }
    return [
        ("ASCII letters in the other case", mapped { scalar in
            switch scalar.value {
            case 0x41...0x5A: [Unicode.Scalar(scalar.value + 0x20)!]
            case 0x61...0x7A: [Unicode.Scalar(scalar.value - 0x20)!]
            default: [scalar]
            }
        }),
        ("Arabic letter variants folded", mapped { scalar in
            switch scalar.value {
            case 0x0622, 0x0623, 0x0625, 0x0671: ["\u{0627}"]
            case 0x0624: ["\u{0648}"]
            case 0x0626, 0x0649: ["\u{064A}"]
            case 0x0629: ["\u{0647}"]
            case 0x062C, 0x0642, 0x06A8, 0x06AF: ["\u{063A}"]
            default: [scalar]
            }
        }),
        ("Arabic-Indic digits", mapped { scalar in
            (0x30...0x39).contains(scalar.value) ? [Unicode.Scalar(scalar.value - 0x30 + 0x0660)!] : [scalar]
        }),
        ("a fatha after every Arabic letter", mapped { scalar in
            (0x0621...0x064A).contains(scalar.value) && scalar.value != 0x0640 ? [scalar, "\u{064E}"] : [scalar]
        }),
    ]
}

@main
struct NameNormalizeFuzzer {
    static func main() { runFuzzer(fuzzOneInput) }
}
