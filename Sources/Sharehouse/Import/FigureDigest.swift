/// A digest of a set of figures that does not depend on their order: the sum, modulo
/// 2^128, of a 128-bit hash of each figure. Two files with the same figures in another
/// row or column order give the same digest; a changed, added or missing figure changes
/// it (a multiset hash, as in Bellare and Micciancio's AdHash).
///
/// The importer keeps one per period while it streams the rows, instead of reading the
/// whole snapshot back from the database, sorted, to hash it. The per-figure hash is not
/// SHA-256: the benchmark showed a SHA-256 per figure to be the importer's costliest step
/// after SQLite itself (about 3,800 instructions a row), so each figure is hashed with
/// two SplitMix64-style mixing chains (about 100 instructions), which is ample against
/// accidental collisions, the only ones an import can meet; the snapshot's content hash
/// over these digests stays SHA-256.
struct FigureDigest: Hashable {
    private(set) var high: UInt64 = 0
    private(set) var low: UInt64 = 0

    /// Adds the figure: the entity's code, then the value as published, as the integer of
    /// its digits and the number of decimals (`17.10` is 1710 and 2, not 171 and 1).
    mutating func add(entity: String, value: PublishedValue) {
        var first: UInt64 = 0x243F_6A88_85A3_08D3
        var second: UInt64 = 0x1319_8A2E_0370_7344
        func absorb(_ word: UInt64) {
            first = Self.mix(first ^ word)
            second = Self.mix(second &+ (word &* 0x9E37_79B9_7F4A_7C15))
        }
        var word: UInt64 = 0
        var shift: UInt64 = 0
        var length: UInt64 = 0
        for byte in entity.utf8 {
            word |= UInt64(byte) << shift
            shift += 8
            length += 1
            if shift == 64 {
                absorb(word)
                word = 0
                shift = 0
            }
        }
        absorb(word ^ (length << 56))
        let (digits, exact) = value.scaledDigits
        if exact {
            absorb(UInt64(bitPattern: digits))
        } else {
            for byte in value.description.utf8 { absorb(UInt64(byte) | 0x100) }
        }
        absorb(UInt64(value.decimals) | (exact ? 0x1000 : 0x2000))
        let (sum, carry) = low.addingReportingOverflow(second)
        low = sum
        high = high &+ first &+ (carry ? 1 : 0)
    }

    /// SplitMix64's finalizer: a bijection on 64 bits in which every input bit changes
    /// about half of the output bits.
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The digest as 32 hex digits.
    var hex: String {
        func hex(_ word: UInt64) -> String {
            let digits = String(word, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return hex(high) + hex(low)
    }
}
