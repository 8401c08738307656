import Crypto

/// A digest of a listing's stored models that does not depend on their order: the sum,
/// modulo 2^128, of a 128-bit hash of each model with everything stored of it (the
/// multiset hash ``FigureDigest`` keeps for a snapshot's figures, for the same reasons:
/// the same listing in other pages, or as NDJSON, or in another order, gives the same
/// digest; a changed, added or missing model changes it; and a few hundred instructions
/// a model instead of a SHA-256 each).
struct ListingDigest {
    private(set) var high: UInt64 = 0
    private(set) var low: UInt64 = 0
    private(set) var models = 0

    /// Adds a stored model: every field, each with a marker for nil, and its bases in
    /// their (sorted) order.
    mutating func add(_ model: ListingModel) {
        var hasher = ModelHasher()
        hasher.absorb(model.model)
        hasher.absorb(model.author)
        hasher.absorb(model.downloads)
        hasher.absorb(model.downloadsAllTime)
        hasher.absorb(model.createdOn.map { Int64($0.dayNumber) })
        hasher.absorb(model.pipelineTag)
        hasher.absorb(model.library)
        hasher.absorb(model.orgCountry)
        hasher.absorb(model.derivedOrgCountry)
        hasher.absorb(Int64(model.bases.count))
        for base in model.bases {
            hasher.absorb(base.model)
            hasher.absorb(base.relation.rawValue)
        }
        let (sum, carry) = low.addingReportingOverflow(hasher.second)
        low = sum
        high = high &+ hasher.first &+ (carry ? 1 : 0)
        models += 1
    }

    /// The digest as 32 hex digits.
    var hex: String {
        func hex(_ word: UInt64) -> String {
            let digits = String(word, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return hex(high) + hex(low)
    }

    /// The listing's content hash: SHA-256 over its canonical text (shape, source, date,
    /// window, how many models and their digest). The same listing imported again, from
    /// any files in any order, has the same hash; the models skipped are not content.
    func contentHash(shape: ListingShape, source: String, retrievedOn: CalendarDate, windowDays: Int) -> String {
        let text =
            "sharehouse listing v1\nshape \(shape.rawValue)\nsource \(source)\nretrieved_on \(retrievedOn)\n"
            + "window_days \(windowDays)\nmodels \(models)\ndigest \(hex)\n"
        return SHA256.hash(data: Array(text.utf8)).map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
    }

    /// Two SplitMix64-style mixing chains over a model's fields.
    private struct ModelHasher {
        var first: UInt64 = 0x243F_6A88_85A3_08D3
        var second: UInt64 = 0x1319_8A2E_0370_7344

        mutating func absorb(word: UInt64) {
            first = Self.mix(first ^ word)
            second = Self.mix(second &+ (word &* 0x9E37_79B9_7F4A_7C15))
        }

        /// A text's bytes eight to a word, then its length (so that "ab","c" and "a","bc"
        /// differ); nil as a word no text ends with.
        mutating func absorb(_ text: String?) {
            guard let text else {
                absorb(word: 0xFFFF_FFFF_FFFF_FFFF)
                return
            }
            var word: UInt64 = 0
            var shift: UInt64 = 0
            var length: UInt64 = 0
            for byte in text.utf8 {
                word |= UInt64(byte) << shift
                shift += 8
                length += 1
                if shift == 64 {
                    absorb(word: word)
                    word = 0
                    shift = 0
                }
            }
            absorb(word: word ^ (length << 56) ^ 0x1)
        }

        mutating func absorb(_ number: Int64?) {
            guard let number else {
                absorb(word: 0xFFFF_FFFF_FFFF_FFFE)
                return
            }
            absorb(word: UInt64(bitPattern: number))
            absorb(word: 0x2)
        }

        /// SplitMix64's finalizer.
        private static func mix(_ value: UInt64) -> UInt64 {
            var z = value &+ 0x9E37_79B9_7F4A_7C15
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
