import Foundation

/// Turns a name as people write it into the key the resolver looks up.
///
/// Two spellings get one key when they differ only in: letter case; Unicode form
/// (compatibility forms such as Arabic presentation forms and full-width letters, NFKC);
/// Latin accents ("Côte" = "Cote"); Arabic diacritics (tashkeel: "الصّين" = "الصين");
/// alef and hamza variants (أ إ آ ٱ = ا, ؤ = و, ئ = ي); taa marbuta and haa (ة = ه);
/// alef maksura and yaa (ى = ي); Persian letter forms (ی ک); tatweel; Arabic-Indic digits;
/// the letters Arabic writes a foreign "g" with (غ ج ق گ ڨ: "هونغ كونغ" = "هونج كونج");
/// apostrophes ("Cote d'Ivoire" = "Cote dIvoire"); other punctuation and runs of spaces
/// ("U.S." = "U S"); "&" and "and"; a leading English "the".
///
/// The "g" letters are folded everywhere, not only in foreign names: no two names the
/// warehouse ships differ only in them (a test checks every name, alias and CLDR name), so
/// the coarser key costs nothing and spares an alias row per spelling and mix of spellings.
public enum NameNormalizer {
    /// `name` as the resolver compares it: case, accents, Arabic diacritics and letter variants, tatweel and punctuation folded away.
    public static func normalize(_ name: String) -> String {
        // Most names are ASCII or plain Arabic: fold them directly. Anything else (accents,
        // presentation forms, full-width letters) goes through Unicode normalization.
        fastPath(name) ?? fullPath(name)
    }

    /// The folding done scalar by scalar, for names made only of ASCII and the Arabic
    /// block; nil for anything that needs Unicode normalization. It gives exactly what
    /// ``fullPath(_:)`` gives (a test compares the two on every shipped name): NFD would
    /// split a hamza or madda from its letter and the mark would be dropped, so the
    /// letter is mapped to its base here at once. Building the resolver at every start
    /// of the CLI is what this saves.
    static func fastPath(_ name: String) -> String? {
        var scalars = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x41...0x5A: scalars.append(Unicode.Scalar(value + 0x20)!)
            case 0x61...0x7A, 0x30...0x39: scalars.append(scalar)
            case 0x27, 0x60: continue  // apostrophes
            case 0x26: scalars.append(contentsOf: " and ".unicodeScalars)
            case 0x00...0x7F: scalars.append(" ")
            case 0x0622, 0x0623, 0x0625, 0x0671: scalars.append("\u{0627}")  // alef with madda/hamza, wasla
            case 0x0624: scalars.append("\u{0648}")  // waw with hamza
            case 0x0626, 0x0649, 0x06CC: scalars.append("\u{064A}")  // yeh with hamza, alef maksura, Persian yeh
            case 0x0629, 0x06C1, 0x06BE: scalars.append("\u{0647}")  // taa marbuta, heh forms
            case 0x06A9: scalars.append("\u{0643}")  // keheh
            case 0x062C, 0x0642, 0x06A8, 0x06AF: scalars.append("\u{063A}")  // jeem, qaf, qaf with three dots, gaf: ghain
            // Tatweel, the nonspacing marks (not U+06E5/06E6, small waw and yeh, which are
            // letters, nor the signs U+06DE/06E9), format characters.
            case 0x0640, 0x064B...0x065F, 0x0670, 0x06D6...0x06DD, 0x06DF...0x06E4, 0x06E7, 0x06E8, 0x06EA...0x06ED,
                0x200B...0x200F, 0x061C, 0xFEFF:
                continue
            case 0x0660...0x0669: scalars.append(Unicode.Scalar(value - 0x0660 + 0x30)!)
            case 0x06F0...0x06F9: scalars.append(Unicode.Scalar(value - 0x06F0 + 0x30)!)
            case 0x0621, 0x0627...0x063A, 0x0641...0x064A: scalars.append(scalar)  // Arabic letters
            case 0x060C, 0x061B, 0x061F, 0x066A...0x066D, 0x06D4: scalars.append(" ")  // Arabic punctuation
            default: return nil
            }
        }
        var words = String(scalars).split(separator: " ")
        if words.count > 1, words.first == "the" { words.removeFirst() }
        return words.joined(separator: " ")
    }

    /// The folding through Unicode normalization (NFKC, then NFD without marks).
    static func fullPath(_ name: String) -> String {
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
            // The letters of a foreign "g" -> غ ghain: "هونج كونج" = "هونغ كونغ".
            0x062C: "\u{063A}",  // ج jeem
            0x0642: "\u{063A}",  // ق qaf
            0x06A8: "\u{063A}",  // ڨ qaf with three dots above (Maghreb)
            0x06AF: "\u{063A}",  // گ gaf (Persian, Iraq)
            0x0640: nil,  // ـ tatweel
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
