import Foundation

/// Turns a name as people write it into the key the resolver looks up.
///
/// Two spellings get one key when they differ only in: letter case; Unicode form
/// (compatibility forms such as Arabic presentation forms and full-width letters, NFKC);
/// Latin accents ("Côte" = "Cote"); Arabic diacritics (tashkeel: "الصّين" = "الصين");
/// alef and hamza variants (أ إ آ ٱ = ا, ؤ = و, ئ = ي); taa marbuta and haa (ة = ه);
/// alef maksura and yaa (ى = ي); Persian letter forms (ی ک); tatweel; Arabic-Indic digits;
/// apostrophes ("Cote d'Ivoire" = "Cote dIvoire"); other punctuation and runs of spaces
/// ("U.S." = "U S"); "&" and "and"; a leading English "the".
public enum NameNormalizer {
    public static func normalize(_ name: String) -> String {
        var scalars = String.UnicodeScalarView()
        // NFKC first folds compatibility forms; NFD then splits every accent and
        // hamza from its base letter so that dropping marks leaves the base.
        let decomposed = name.precomposedStringWithCompatibilityMapping.decomposedStringWithCanonicalMapping
        for scalar in decomposed.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format:
                continue  // accents, tashkeel, hamza marks, tatweel-like joiners, bidi marks
            default:
                break
            }
            if let folded = folding[scalar.value] {
                if let folded { scalars.append(folded) }
                continue
            }
            if apostrophes.contains(scalar.value) { continue }
            if scalar == "&" {
                scalars.append(contentsOf: " and ".unicodeScalars)
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal {
                scalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                scalars.append(" ")
            }
        }
        var words = String(scalars).split(separator: " ")
        if words.count > 1, words.first == "the" { words.removeFirst() }
        return words.joined(separator: " ")
    }

    /// Letters folded to one form; nil drops the scalar.
    private static let folding: [UInt32: Unicode.Scalar?] = {
        var table: [UInt32: Unicode.Scalar?] = [
            0x0649: "\u{064A}",  // ى alef maksura -> ي yaa
            0x0629: "\u{0647}",  // ة taa marbuta -> ه haa
            0x0671: "\u{0627}",  // ٱ alef wasla -> ا
            0x06CC: "\u{064A}",  // ی Persian yeh -> ي
            0x06A9: "\u{0643}",  // ک keheh -> ك
            0x06C1: "\u{0647}",  // ہ heh goal -> ه
            0x06BE: "\u{0647}",  // ھ heh doachashmee -> ه
            0x0640: nil,         // ـ tatweel
        ]
        for digit in 0..<10 {
            let ascii = Unicode.Scalar(UInt8(ascii: "0") + UInt8(digit))
            table[0x0660 + UInt32(digit)] = ascii  // Arabic-Indic
            table[0x06F0 + UInt32(digit)] = ascii  // Extended Arabic-Indic
        }
        return table
    }()

    private static let apostrophes: Set<UInt32> = [0x27, 0x2018, 0x2019, 0x2BC, 0x60, 0xB4]
}
