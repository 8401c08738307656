import SharehouseDB
import Testing

@testable import Sharehouse

@Suite("Entity names")
struct EntityResolutionTests {
    static let resolver: EntityResolver = {
        do { return try Warehouse.inMemory().entityResolver() } catch { fatalError("\(error)") }
    }()

    @Test(arguments: [
        // Codes, any case.
        ("CN", "CN"), ("cn", "CN"), ("CHN", "CN"), ("156", "CN"), ("١٥٦", "CN"), ("004", "AF"),
        // English names and aliases.
        ("China", "CN"), ("china", "CN"), ("  CHINA ", "CN"), ("People's Republic of China", "CN"), ("PRC", "CN"),
        ("USA", "US"), ("U.S.", "US"), ("United States of America", "US"), ("America", "US"),
        ("UK", "GB"), ("Britain", "GB"), ("Great Britain", "GB"), ("the United Kingdom", "GB"),
        ("South Korea", "KR"), ("Korea, Republic of", "KR"), ("Türkiye", "TR"), ("Turkey", "TR"),
        ("Côte d'Ivoire", "CI"), ("Cote dIvoire", "CI"), ("Ivory Coast", "CI"), ("Bosnia & Herzegovina", "BA"),
        ("International/Online", "INTL"), ("European Union", "EU"),
        // Arabic, as the seed article writes its table.
        ("الصين", "CN"), ("الولايات المتحدة", "US"), ("المملكة المتحدة", "GB"), ("الهند", "IN"),
        ("فرنسا", "FR"), ("ألمانيا", "DE"), ("سنغافورة", "SG"), ("سويسرا", "CH"),
        // Arabic with diacritics, alef/hamza variants, taa marbuta, tatweel, presentation forms.
        ("الصّين", "CN"), ("الصِّينُ", "CN"), ("المانيا", "DE"), ("إيران", "IR"), ("ايران", "IR"),
        ("سنغافوره", "SG"), ("الـصـين", "CN"), ("ﺍﻟﺼﻴﻦ", "CN"), ("أمريكا", "US"), ("بريطانيا", "GB"),
        ("الولايات المتحدة الأمريكية", "US"), ("تركيا", "TR"), ("الاتحاد الأوروبي", "EU"),
    ])
    func resolves(_ name: String, _ code: String) throws {
        #expect(try Self.resolver.resolve(name).entity.code == code, "\(name)")
    }

    @Test func theMatchSaysHowItMatched() throws {
        let byAlias = try Self.resolver.resolve("Britain")
        #expect(byAlias.matchedBy == .alias)
        #expect(byAlias.matchedText == "Britain")
        let byArabic = try Self.resolver.resolve("الصّين")
        #expect(byArabic.matchedBy == .arabicName)
        #expect(byArabic.matchedText == "الصين")
        #expect(try Self.resolver.resolve("chn").matchedBy == .iso3)
    }

    @Test(arguments: [("Chna", "CN"), ("Germny", "DE"), ("Switzerlnd", "CH"), ("الصيم", "CN"), ("Untied Kingdom", "GB")])
    func unknownNamesGetSuggestions(_ name: String, _ suggested: String) throws {
        let error = try #require(throws: SharehouseError.self) { try Self.resolver.resolve(name) }
        guard case .unknownEntity(let input, let suggestions) = error else {
            Issue.record("expected unknownEntity, got \(error)")
            return
        }
        #expect(input == name)
        #expect(suggestions.first?.code == suggested, "\(suggestions.map(\.code))")
        #expect(error.description.contains("did you mean"))
        #expect(error.category == .badInput)
    }

    @Test func aPrefixSuggestsEveryMatch() throws {
        let error = try #require(throws: SharehouseError.self) { try Self.resolver.resolve("United") }
        guard case .unknownEntity(_, let suggestions) = error else {
            Issue.record("expected unknownEntity, got \(error)")
            return
        }
        #expect(suggestions.map(\.code) == ["US", "GB", "AE"], "nearest names first: united states, united kingdom, ...")
    }

    @Test func nonsenseHasNoSuggestion() throws {
        let error = try #require(throws: SharehouseError.self) { try Self.resolver.resolve("Narnia-on-Thames") }
        #expect(error == .unknownEntity(name: "Narnia-on-Thames", suggestions: []))
    }

    @Test(arguments: ["Total", "WORLD", "Global", "المجموع", "الإجمالي", "العالم"])
    func totalsAreNotEntities(_ name: String) throws {
        #expect(throws: SharehouseError.aggregateRow(name: name)) { try Self.resolver.resolve(name) }
    }

    @Test func emptyNamesAreUnknown() throws {
        #expect(throws: SharehouseError.unknownEntity(name: " ", suggestions: [])) { try Self.resolver.resolve(" ") }
    }
}

@Suite("Name normalization")
struct NameNormalizerTests {
    @Test(arguments: [
        ("China", "china"), ("  The  Netherlands ", "netherlands"), ("U.S.A.", "u s a"), ("Côte d’Ivoire", "cote divoire"),
        ("Trinidad & Tobago", "trinidad and tobago"), ("ＣＨＩＮＡ", "china"), ("الصّين", "الصين"),
        ("أإآٱا", "ااااا"), ("مدرسة", "مدرسه"), ("مستشفى", "مستشفي"), ("الـصـين", "الصين"), ("١٢٣", "123"),
        ("\u{200F}الصين\u{200E}", "الصين"), ("the", "the"),
        // The letters of a foreign "g" are one letter.
        ("هونج كونج", "هونغ كونغ"), ("غ ج ق گ ڨ", "غ غ غ غ غ"),
    ])
    func normalizes(_ input: String, _ expected: String) {
        #expect(NameNormalizer.normalize(input) == expected)
    }
}

@Suite("Name normalization: the fast path")
struct NameNormalizerFastPathTests {
    /// The scalar-by-scalar folding must give what Unicode normalization gives, for every
    /// name and alias the warehouse ships and for the spellings tests use.
    @Test func agreesWithUnicodeNormalizationOnEveryShippedName() throws {
        let warehouse = try Warehouse.inMemory()
        var names = try warehouse.entities().flatMap { [$0.code, $0.nameEnglish, $0.nameArabic, $0.iso3, $0.isoNumeric].compactMap { $0 } }
        names += try warehouse.query("SELECT alias FROM entity_aliases", maxRows: 10_000).rows.compactMap {
            if case .text(let alias) = $0[0] { return alias }
            return nil
        }
        names += [
            "الصّين", "الصِّينُ", "أإآٱا", "الـصـين", "١٢٣", "\u{200F}الصين\u{200E}", "U.S.A.", "Trinidad & Tobago",
            "  The  Netherlands ", "Côte d’Ivoire", "ＣＨＩＮＡ", "ﺍﻟﺼﻴﻦ", "مدرسة", "مستشفى", "the",
        ]
        var fast = 0
        for name in names {
            guard let quick = NameNormalizer.fastPath(name) else { continue }
            fast += 1
            #expect(quick == NameNormalizer.fullPath(name), "\(name)")
        }
        #expect(fast > names.count * 3 / 4, "most names take the fast path")
    }
}
