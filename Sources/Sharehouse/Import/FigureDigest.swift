import Crypto

/// A digest of a set of figures that does not depend on their order: the sum, modulo
/// 2^128, of the first 128 bits of each figure's SHA-256. Two files with the same figures
/// in another row or column order give the same digest; a changed, added or missing
/// figure changes it (a multiset hash, as in Bellare and Micciancio's AdHash).
///
/// The importer keeps one per period while it streams the rows, instead of reading the
/// whole snapshot back from the database, sorted, to hash it.
struct FigureDigest: Hashable {
    private(set) var high: UInt64 = 0
    private(set) var low: UInt64 = 0

    /// Adds the figure: the entity's code, then the value as published, as the integer of
    /// its digits and the number of decimals (`17.10` is 1710 and 2, not 171 and 1).
    mutating func add(entity: String, value: PublishedValue) {
        var bytes = [UInt8](entity.utf8)
        bytes.append(0)
        let (digits, exact) = value.scaledDigits
        if exact {
            withUnsafeBytes(of: digits.littleEndian) { bytes.append(contentsOf: $0) }
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
        bytes.append(UInt8(value.decimals))
        let hash = SHA256.hash(data: bytes)
        var words: (UInt64, UInt64) = (0, 0)
        hash.withUnsafeBytes { raw in
            words.0 = raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
            words.1 = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        }
        let (sum, carry) = low.addingReportingOverflow(words.1)
        low = sum
        high = high &+ words.0 &+ (carry ? 1 : 0)
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
