import Foundation
import Sharehouse
import SharehouseTestSupport
import Testing

/// Attribution tables: the starter table imports whole, a table is a version that never
/// changes, the same table again writes nothing, a new version's diff says what moved,
/// and the lookup a derivation calls ignores case as the Hub does.
@Suite("Attribution tables")
struct AttributionTests {
    static let starter = Repository.path("Fixtures/attribution/starter-attribution.csv")
    static let starterSource = "sharehouse-starter-attribution"
    static let header = "author,country,kind,url,note\n"

    /// The starter table's rows as text, its header left out.
    static func starterRows() throws -> [String] {
        try String(contentsOfFile: starter, encoding: .utf8).split(separator: "\n").dropFirst().map(String.init)
    }

    /// A warehouse with the starter table imported as version 1.
    static func withStarter() throws -> ImportWorkspace {
        let workspace = try ImportWorkspace()
        try workspace.warehouse.importAttribution(from: .file(starter), source: starterSource)
        return workspace
    }

    /// The starter table with stabilityai and jinaai moved to the US and upstage added.
    static func secondVersion() throws -> String {
        var rows = try starterRows().map { row in
            row.replacingOccurrences(of: "stabilityai,GB,", with: "stabilityai,US,")
                .replacingOccurrences(of: "jinaai,DE,", with: "jinaai,United States,")
        }
        rows.append("upstage,KR,company,https://www.upstage.ai/,\"Upstage, Seoul.\"")
        return header + rows.joined(separator: "\n") + "\n"
    }

    @Test func theStarterTableImportsAndEveryRowResolves() throws {
        let workspace = try ImportWorkspace()
        let receipt = try workspace.warehouse.importAttribution(from: .file(Self.starter), source: Self.starterSource)
        let rows = try Self.starterRows()
        #expect(receipt.outcome == .imported)
        #expect(receipt.version == 1 && receipt.latestVersion == 1)
        #expect(receipt.authors == rows.count)
        #expect(rows.count >= 50)
        #expect(receipt.addedSources == [Self.starterSource])
        #expect(receipt.changes == nil)
        #expect(receipt.byCode.first == AttributionCount(code: "US", authors: receipt.byCode.map(\.authors).max()!))
        #expect(receipt.byCode.map(\.authors).reduce(0, +) == rows.count)

        let table = try workspace.warehouse.attribution(version: nil)
        #expect(table.version == 1)
        #expect(table.rows.count == rows.count)
        let entities = Dictionary(uniqueKeysWithValues: try workspace.warehouse.entities().map { ($0.code, $0) })
        for row in table.rows {
            // Every row names a country or one of the buckets, rests on a page, and is
            // found by its own author.
            #expect(entities[row.code]?.kind == .country || ["USER", "INTL"].contains(row.code), "\(row.author): \(row.code)")
            #expect(row.url?.hasPrefix("https://") == true, "\(row.author)")
            #expect((row.kind == .individual) == (row.code == "USER"), "\(row.author)")
            #expect(table.lookup(author: row.author) == AttributionLookup(code: row.code, kind: row.kind, matched: true))
        }
        let expected: [String: String] = [
            "meta-llama": "US", "google": "US", "microsoft": "US", "openai": "US", "nvidia": "US", "Qwen": "CN",
            "deepseek-ai": "CN", "mistralai": "FR", "BAAI": "CN", "stabilityai": "GB", "tiiuae": "AE", "CohereLabs": "CA",
            "ibm-granite": "US", "allenai": "US", "sentence-transformers": "DE", "TheBloke": "USER", "bartowski": "USER",
            "lmstudio-community": "INTL", "mlx-community": "INTL", "bigscience": "INTL",
        ]
        for (author, code) in expected { #expect(table.lookup(author: author).code == code, "\(author)") }

        // The citation: a dataset by the maintainers, marked unverified.
        let source = try #require(table.citation)
        #expect(source.key == Self.starterSource && source.kind == .dataset)
        #expect(source.publisher == "Sharehouse maintainers")
        #expect(source.title.contains("compiled from the organisations' own public pages"))
        #expect(source.accessNote?.hasPrefix("unverified") == true)
    }

    @Test func theSameTableAgainIsUnchangedAndWritesNothing() throws {
        let workspace = try Self.withStarter()
        let before = try workspace.fingerprint()
        let again = try workspace.warehouse.importAttribution(from: .file(Self.starter), source: Self.starterSource)
        #expect(again.outcome == .unchanged && again.version == 1 && again.changes == nil)
        #expect(try workspace.fingerprint() == before)
        // The same rows in another order, with other spaces and the kind in capitals, are
        // the same table.
        let shuffled = try Self.starterRows().reversed().map { row in
            row.replacingOccurrences(of: ",company,", with: ", Company ,")
        }
        let path = try workspace.directory.write("reordered.csv", Self.header + shuffled.joined(separator: "\r\n"))
        let reordered = try workspace.warehouse.importAttribution(from: .file(path), source: Self.starterSource)
        #expect(reordered.outcome == .unchanged && reordered.version == 1)
        #expect(try workspace.fingerprint() == before)
        #expect(try workspace.warehouse.attributionVersions().map(\.version) == [1])
    }

    @Test func aSecondVersionMovesTwoAuthorsAddsOneAndLeavesTheFirstAsItWas() throws {
        let workspace = try Self.withStarter()
        let first = try workspace.warehouse.attribution(version: 1)
        let path = try workspace.directory.write("corrected.csv", try Self.secondVersion())
        let receipt = try workspace.warehouse.importAttribution(from: .file(path), source: Self.starterSource)
        #expect(receipt.outcome == .imported && receipt.version == 2)
        #expect(receipt.matchedByName.map(\.input) == ["United States"])

        let diff = try workspace.warehouse.attributionDiff(from: 1, to: 2)
        #expect(receipt.changes == diff)
        #expect(diff.countryChanged.map(\.author) == ["jinaai", "stabilityai"])
        #expect(diff.countryChanged.map { "\($0.before.code)>\($0.after.code)" } == ["DE>US", "GB>US"])
        #expect(diff.countryChanged.allSatisfy { $0.fields == [.country] })
        #expect(diff.added.map(\.author) == ["upstage"])
        #expect(diff.added.first?.code == "KR" && diff.added.first?.note == "Upstage, Seoul.")
        #expect(diff.removed.isEmpty && diff.detailsChanged.isEmpty)
        #expect(diff.unchanged == first.rows.count - 2)

        // Backwards, the same changes the other way round.
        let back = try workspace.warehouse.attributionDiff(from: 2, to: 1)
        #expect(back.removed.map(\.author) == ["upstage"] && back.added.isEmpty)
        #expect(back.countryChanged.map { "\($0.before.code)>\($0.after.code)" } == ["US>DE", "US>GB"])

        // Version 1 is as it was; the latest is version 2.
        #expect(try workspace.warehouse.attribution(version: 1).rows == first.rows)
        #expect(try workspace.warehouse.attribution(version: 1).lookup(author: "StabilityAI").code == "GB")
        #expect(try workspace.warehouse.attribution(version: nil).lookup(author: "StabilityAI").code == "US")
        let versions = try workspace.warehouse.attributionVersions()
        #expect(versions.map(\.version) == [1, 2])
        #expect(versions.map(\.authors) == [first.rows.count, first.rows.count + 1])
        #expect(versions.map(\.fileName) == ["starter-attribution.csv", "corrected.csv"])
        #expect(versions.allSatisfy { $0.source == Self.starterSource && $0.contentSHA256.count == 64 })

        // The first table again is the version that holds it; the latest stays 2.
        let again = try workspace.warehouse.importAttribution(from: .file(Self.starter), source: Self.starterSource)
        #expect(again.outcome == .unchanged && again.version == 1 && again.latestVersion == 2)
    }

    @Test func otherChangesAreToldApartFromMoves() throws {
        let workspace = try Self.withStarter()
        let rows = try Self.starterRows().map { row in
            row.hasPrefix("TheBloke,")
                ? "thebloke," + row.dropFirst("TheBloke,".count)
                : row.replacingOccurrences(of: "BAAI,CN,nonprofit,", with: "BAAI,CN,government,")
        }
        let path = try workspace.directory.write("edited.csv", Self.header + rows.joined(separator: "\n"))
        try workspace.warehouse.importAttribution(from: .file(path), source: Self.starterSource)
        let diff = try workspace.warehouse.attributionDiff(from: 1, to: 2)
        #expect(diff.countryChanged.isEmpty && diff.added.isEmpty && diff.removed.isEmpty)
        #expect(diff.detailsChanged.map(\.author) == ["BAAI", "thebloke"])
        #expect(diff.detailsChanged.map(\.fields) == [[.kind], [.author]])
    }

    @Test func lookupsIgnoreCaseAndAnUnknownAuthorIsUnknown() throws {
        let workspace = try Self.withStarter()
        let table = try workspace.warehouse.attribution(version: nil)
        for spelling in ["Qwen", "qwen", "QWEN", "qWeN"] {
            #expect(table.lookup(author: spelling) == AttributionLookup(code: "CN", kind: .company, matched: true))
            #expect(table.attribution(forAuthor: spelling)?.author == "Qwen")
        }
        #expect(table.lookup(author: "META-LLAMA").code == "US")
        #expect(table.lookup(author: "thebloke") == AttributionLookup(code: "USER", kind: .individual, matched: true))
        let unknown = table.lookup(author: "someone-not-in-the-table")
        #expect(unknown == .unmatched)
        #expect(unknown.code == "UNKNOWN" && unknown.kind == nil && !unknown.matched)
        #expect(table.lookup(author: "").matched == false)
        #expect(Attribution.key("Meta-Llama_2.x") == "meta-llama_2.x")
    }

    @Test func countriesByNameInEnglishOrArabicAndBuckets() throws {
        let workspace = try ImportWorkspace()
        try workspace.warehouse.addSource(Source(key: "test-source", title: "Test", url: "https://example.invalid/t", kind: .dataset))
        let path = try workspace.directory.write(
            "names.csv",
            Self.header
                + "a-lab,China,company,,\n"
                + "b-lab,الصين,company,https://example.invalid/b,\n"
                + "c-lab,USA,company,,\n"
                + "someone,Individual,individual,,\n"
                + "a-community,International,community,,\n"
                + "who-knows,UNKNOWN,company,,We could not tell.\n")
        let receipt = try workspace.warehouse.importAttribution(from: .file(path), source: "test-source")
        #expect(
            receipt.matchedByName.map { "\($0.input)=\($0.code)" } == [
                "China=CN", "الصين=CN", "USA=US", "Individual=USER", "International=INTL",
            ])
        let table = try workspace.warehouse.attribution(version: nil)
        #expect(table.rows.map(\.code) == ["INTL", "CN", "CN", "US", "USER", "UNKNOWN"])
        #expect(table.rows.first { $0.author == "a-lab" }?.url == nil)
        #expect(table.rows.first { $0.author == "who-knows" }?.note == "We could not tell.")
        #expect(table.lookup(author: "who-knows") == AttributionLookup(code: "UNKNOWN", kind: .company, matched: true))
    }

    /// The README's example table imports, and its lookups say what the README says.
    @Test func theReadmeExampleTableImports() throws {
        let readme = try String(contentsOfFile: Repository.path("README.md"), encoding: .utf8)
        let blocks = readme.components(separatedBy: "```csv\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        let example = try #require(blocks.first { $0.hasPrefix(Self.header) })
        let workspace = try ImportWorkspace()
        try workspace.warehouse.addSource(Source(key: "readme", title: "README", url: "https://example.invalid/r", kind: .dataset))
        let path = try workspace.directory.write("example.csv", example)
        let receipt = try workspace.warehouse.importAttribution(from: .file(path), source: "readme")
        #expect(receipt.authors == 3 && receipt.matchedByName.map(\.input) == ["China"])
        let table = try workspace.warehouse.attribution(version: nil)
        #expect(table.lookup(author: "qwen") == AttributionLookup(code: "CN", kind: .company, matched: true))
        #expect(table.lookup(author: "newcomer") == AttributionLookup(code: "UNKNOWN", kind: nil, matched: false))
    }

    @Test func aDryRunChecksEverythingAndWritesNothing() throws {
        let workspace = try ImportWorkspace()
        let before = try workspace.fingerprint()
        let receipt = try workspace.warehouse.importAttribution(from: .file(Self.starter), source: Self.starterSource, dryRun: true)
        #expect(receipt.outcome == .dryRun && receipt.version == 1 && receipt.addedSources == [Self.starterSource])
        #expect(try workspace.fingerprint() == before)
        #expect(try workspace.warehouse.attributionVersions().isEmpty)
        #expect(throws: AttributionError.noVersions) { try workspace.warehouse.attribution(version: nil) }
    }

    @Test func anUnknownVersionSaysWhichThereAre() throws {
        let workspace = try Self.withStarter()
        #expect(throws: AttributionError.unknownVersion(3, latest: 1)) { try workspace.warehouse.attribution(version: 3) }
        #expect(throws: AttributionError.unknownVersion(2, latest: 1)) { try workspace.warehouse.attributionDiff(from: 1, to: 2) }
    }

    @Test func theSourceMustBeInTheCatalogueOrTheSidecar() throws {
        let workspace = try ImportWorkspace()
        let before = try workspace.fingerprint()
        let path = try workspace.directory.write("table.csv", Self.header + "Qwen,CN,company,,\n")
        let error = try #require(throws: ImportError.self) {
            try workspace.warehouse.importAttribution(from: .file(path), source: "nowhere")
        }
        #expect(error.reason == "no source nowhere in the warehouse")
        #expect(try workspace.fingerprint() == before)
        // A sidecar naming another source than the one asked for is refused.
        try workspace.directory.write(
            "table.json", #"{"source": {"key": "other", "title": "T", "url": "https://example.invalid/o", "kind": "dataset"}}"#)
        let mismatch = try #require(throws: ImportError.self) {
            try workspace.warehouse.importAttribution(from: .file(path), source: "nowhere")
        }
        #expect(mismatch.reason.contains("the sidecar gives the source other"))
        #expect(try workspace.fingerprint() == before)
    }
}
