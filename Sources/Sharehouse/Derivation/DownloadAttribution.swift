import SharehouseDB

/// Sums a listing's downloads by country under a method, in SQL: one grouped pass over the
/// listing's range of `listing_models` (and, for base-model, a recursive walk of
/// `listing_bases`), joined to the attribution table by the lower-cased author. Every
/// statement is one literal text; the methods differ only in how the CTE `attributed`
/// (model, author, weight) is built, and share the CTE `selected` (the filtered models).
/// Measured on a listing of the whole Hub (BENCHMARKS.md, 300,000 models with downloads of
/// 2 million): publisher 0.38 s in all, base-model 2.4 s, the walk carrying each path as text.
struct DownloadAttribution {
    /// How many unmatched authors a receipt lists.
    static let unmatchedListed = 20

    let connection: Connection
    let listingID: Int64
    let version: Int64?
    let request: DerivationRequest

    /// The totals of one derivation.
    struct Totals {
        var downloads: [String: Double] = [:]
        var models = 0
        var unmatched: [DerivationReceipt.Unmatched] = []
        var unmatchedCount = 0
        var unmatchedDownloads = 0.0
        var modelsWithCycles = 0
        var modelsWithBasesOutside = 0
        /// True when every total is a whole number (no merge split), so shares can be
        /// computed in integers, exactly.
        var isWhole = true
    }

    /// One model's downloads as attributed: to whom, and to which entity.
    struct Contribution {
        let author: String
        let model: String
        let downloads: Double
    }

    // MARK: SQL

    /// The listing's models that pass the filters. ?1 listing, ?2 pipeline tag, ?3 created
    /// from, ?4 minimum downloads (every statement binds these first).
    static let selected = """
        selected (model, author, downloads, org_country, derived_org_country) AS (
            SELECT model, author, downloads, org_country, derived_org_country FROM listing_models
            WHERE listing_id = ?1 AND (?2 IS NULL OR pipeline_tag = ?2) AND (?3 IS NULL OR created_on >= ?3)
              AND downloads >= ?4
        )
        """

    /// publisher: each model to its own author.
    static let byPublisher =
        "WITH " + selected + """
            ,
            attributed (model, author, weight, closes_cycle, outside) AS (
                SELECT model, author, CAST(downloads AS REAL), 0, 0 FROM selected
            )
            """

    /// base-model: each model to the authors of its root bases. The walk carries the path
    /// of models seen, so a base already on it (a cycle) is not followed; a model whose
    /// bases are all on its path is a root (the loop closes there). A merge's weight is
    /// split equally among the bases still to follow. A root outside the listing is
    /// attributed by the part of its id before `/`.
    static let byBaseModel =
        "WITH RECURSIVE " + selected + """
            ,
            walk (model, node, weight, path, depth) AS (
                SELECT model, model, CAST(downloads AS REAL), '/' || model || '/', 0 FROM selected
                UNION ALL
                SELECT w.model, b.base_model,
                       w.weight / (SELECT count(*) FROM listing_bases AS x
                                   WHERE x.listing_id = ?1 AND x.model = w.node AND instr(w.path, '/' || x.base_model || '/') = 0),
                       w.path || b.base_model || '/', w.depth + 1
                FROM walk AS w JOIN listing_bases AS b ON b.listing_id = ?1 AND b.model = w.node
                WHERE instr(w.path, '/' || b.base_model || '/') = 0 AND w.depth < 64
            ),
            roots (model, node, weight, closes_cycle) AS (
                SELECT w.model, w.node, w.weight,
                       EXISTS (SELECT 1 FROM listing_bases AS x WHERE x.listing_id = ?1 AND x.model = w.node)
                FROM walk AS w
                WHERE w.depth >= 64 OR NOT EXISTS (
                    SELECT 1 FROM listing_bases AS x
                    WHERE x.listing_id = ?1 AND x.model = w.node AND instr(w.path, '/' || x.base_model || '/') = 0)
            ),
            attributed (model, author, weight, closes_cycle, outside) AS (
                SELECT r.model,
                       coalesce(m.author, CASE WHEN instr(r.node, '/') > 0 THEN substr(r.node, 1, instr(r.node, '/') - 1) ELSE r.node END),
                       r.weight, r.closes_cycle, m.model IS NULL
                FROM roots AS r LEFT JOIN listing_models AS m ON m.listing_id = ?1 AND m.model = r.node
            )
            """

    /// The attributed rows, written once to a temporary table that the totals, the
    /// unmatched authors and the statistics then read: the base-model walk is the costly
    /// part, and it runs once instead of once a question (5.5 s -> 2.4 s, BENCHMARKS.md).
    static let materializedName = "temp.derivation_attributed"
    static let materializeTail = " SELECT model, author, weight, closes_cycle, outside FROM attributed"
    /// Downloads by author (lower-cased, as the Hub matches them) from the walk written
    /// down, with the entity the table gives, NULL when it has none: ?1 the attribution
    /// version. The authors are grouped first and each looked up once.
    static let byAuthor = """
        SELECT g.author, g.weight, a.entity_code
        FROM (SELECT lower(author) AS author_key, min(author) AS author, sum(weight) AS weight
              FROM temp.derivation_attributed GROUP BY 1) AS g
        LEFT JOIN attributions AS a ON a.version = ?1 AND a.author_key = g.author_key
        """
    /// For publisher, straight from the listing (one scan; nothing to walk, so nothing
    /// worth writing down first): downloads and models by author as written. The authors
    /// are then merged by their key and attributed in Swift (``publisherTotals(into:unmatched:)``):
    /// grouping by `author` lets SQLite compare bytes instead of calling lower() for each
    /// of 300,000 rows (0.16 s -> 0.11 s in the sqlite3 shell on a listing of the whole Hub).
    static let byExactAuthorOfPublisher = byPublisher + " SELECT author, sum(weight), count(*) FROM attributed GROUP BY author"
    /// The attribution table's version ?1, by author key.
    static let attributionEntities = "SELECT author_key, entity_code FROM attributions WHERE version = ?1"
    /// The models counted, and for base-model those whose walk closed a cycle or left the listing.
    static let statistics = """
        SELECT count(DISTINCT model), count(DISTINCT CASE WHEN closes_cycle THEN model END),
               count(DISTINCT CASE WHEN outside THEN model END)
        FROM temp.derivation_attributed
        """
    /// All the downloads attributed.
    static let totalTail = " SELECT sum(weight) FROM attributed"
    /// Each model's contribution to entity ?6.
    static let contributionsTail = """
        SELECT t.author, t.model, sum(t.weight)
        FROM attributed AS t LEFT JOIN attributions AS a ON a.version = ?5 AND a.author_key = lower(t.author)
        WHERE coalesce(a.entity_code, 'UNKNOWN') = ?6
        GROUP BY t.model, t.author
        """
    /// dataset-columns: the downloads by the country text the dataset gives (?5 true: the
    /// derived column), resolved by name in Swift (the dataset has a few dozen values).
    static let byDatasetColumn =
        "WITH " + selected + """
            SELECT coalesce(CASE WHEN ?5 THEN derived_org_country ELSE org_country END, ''), sum(downloads), count(*)
            FROM selected GROUP BY 1
            """
    static let datasetContributions =
        "WITH " + selected + """
            SELECT coalesce(CASE WHEN ?5 THEN derived_org_country ELSE org_country END, ''), author, model, downloads
            FROM selected
            """

    private var attributedCTE: String { request.method == .baseModel ? Self.byBaseModel : Self.byPublisher }

    // MARK: Totals

    func totals(resolver: EntityResolver) throws -> Totals {
        var totals = Totals()
        let tag = request.pipelineTag
        let created = request.createdFrom?.description
        let minimum = Int64(request.minimumDownloads)
        if request.method == .datasetColumns {
            var unmatched: [String: Double] = [:]
            try connection.cachedStatement(Self.byDatasetColumn).forEachRow(
                binding: listingID, tag, created, minimum, request.derivedColumns
            ) { row in
                let text: String = try row.get(0)
                let downloads: Double = try row.get(1)
                totals.models += try row.get(2) as Int
                let code = (try? resolver.resolve(text).entity.code) ?? "UNKNOWN"
                if code == "UNKNOWN", text.lowercased() != "unknown" { unmatched[text.isEmpty ? "(none)" : text, default: 0] += downloads }
                totals.downloads[code, default: 0] += downloads
            }
            record(unmatched.map { ($0.key, $0.value) }, in: &totals)
            return totals
        }
        var unmatched: [(String, Double)] = []
        func add(_ row: Row) throws {
            let downloads: Double = try row.get(1)
            let code: String? = try row.get(2)
            totals.downloads[code ?? "UNKNOWN", default: 0] += downloads
            if code == nil { unmatched.append((try row.get(0), downloads)) }
        }
        if request.method == .baseModel {
            try connection.execute("DROP TABLE IF EXISTS " + Self.materializedName)
            try connection.execute(
                "CREATE TABLE " + Self.materializedName + " AS " + Self.byBaseModel + Self.materializeTail, listingID, tag, created,
                minimum)
            defer { try? connection.execute("DROP TABLE IF EXISTS " + Self.materializedName) }
            try connection.cachedStatement(Self.byAuthor).forEachRow(binding: version, body: add)
            try connection.cachedStatement(Self.statistics).forEachRow { row in
                totals.models = try row.get(0)
                totals.modelsWithCycles = try row.get(1)
                totals.modelsWithBasesOutside = try row.get(2)
            }
        } else {
            try publisherTotals(into: &totals, unmatched: &unmatched)
        }
        record(unmatched, in: &totals)
        totals.isWhole = totals.downloads.values.allSatisfy { $0 == $0.rounded() && $0 < 9e15 }
        return totals
    }

    /// The publisher method's totals: each author's downloads, merged by the key the
    /// attribution table uses (lower-cased as SQLite's lower() does, ASCII letters only),
    /// under the entity the table gives. The downloads are whole numbers, so their sums
    /// are exact in any order.
    private func publisherTotals(into totals: inout Totals, unmatched: inout [(String, Double)]) throws {
        var entities: [String: String] = [:]
        try connection.cachedStatement(Self.attributionEntities).forEachRow(binding: version) { row in
            entities[try row.get(0)] = try row.get(1) as String
        }
        var byKey: [String: (author: String, downloads: Double)] = [:]
        try connection.cachedStatement(Self.byExactAuthorOfPublisher).forEachRow(
            binding: listingID, request.pipelineTag, request.createdFrom?.description, Int64(request.minimumDownloads)
        ) { row in
            let author: String = try row.get(0)
            let downloads: Double = try row.get(1)
            totals.models += try row.get(2) as Int
            let key = Self.attributionKey(of: author)
            if let merged = byKey[key] {
                // The first in byte order, as SQLite's min() would name the group.
                let first = author.utf8.lexicographicallyPrecedes(merged.author.utf8) ? author : merged.author
                byKey[key] = (first, merged.downloads + downloads)
            } else {
                byKey[key] = (author, downloads)
            }
        }
        for (key, group) in byKey {
            let code = entities[key]
            totals.downloads[code ?? "UNKNOWN", default: 0] += group.downloads
            if code == nil { unmatched.append((group.author, group.downloads)) }
        }
    }

    /// An author's key in the attribution table: SQLite's lower(), which folds ASCII
    /// letters only.
    static func attributionKey(of author: String) -> String {
        guard author.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else { return author }
        return String(decoding: author.utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 + 32 : $0 }, as: UTF8.self)
    }

    /// Keeps the largest of the unmatched authors (most downloads first, then by name),
    /// their count and their downloads. The largest are picked, not all sorted: a listing of
    /// the whole Hub has about 59,000 authors without an attribution.
    private func record(_ unmatched: [(String, Double)], in totals: inout Totals) {
        func before(_ left: (String, Double), _ right: (String, Double)) -> Bool { (left.1, right.0) > (right.1, left.0) }
        var largest: [(String, Double)] = []
        for author in unmatched where largest.count < Self.unmatchedListed || before(author, largest[largest.count - 1]) {
            let place = largest.firstIndex { before(author, $0) } ?? largest.count
            largest.insert(author, at: place)
            if largest.count > Self.unmatchedListed { largest.removeLast() }
        }
        totals.unmatched = largest.map { DerivationReceipt.Unmatched(name: $0.0, downloads: $0.1) }
        totals.unmatchedCount = unmatched.count
        totals.unmatchedDownloads = unmatched.reduce(0) { $0 + $1.1 }
    }

    /// All the downloads attributed, in one pass (what contributors divide by).
    func total() throws -> Double {
        let tag = request.pipelineTag
        let created = request.createdFrom?.description
        let minimum = Int64(request.minimumDownloads)
        let sql =
            request.method == .datasetColumns
            ? "WITH " + Self.selected + " SELECT sum(downloads) FROM selected" : attributedCTE + Self.totalTail
        let total: Double?? = try connection.fetchOne(sql, listingID, tag, created, minimum) { try $0.get(0) as Double? }
        return (total ?? nil) ?? 0
    }

    // MARK: Contributions

    /// Every model's contribution to `entity`'s downloads.
    func contributions(to entity: String, resolver: EntityResolver) throws -> [Contribution] {
        let tag = request.pipelineTag
        let created = request.createdFrom?.description
        let minimum = Int64(request.minimumDownloads)
        var result: [Contribution] = []
        if request.method == .datasetColumns {
            var codes: [String: String] = [:]
            try connection.cachedStatement(Self.datasetContributions).forEachRow(
                binding: listingID, tag, created, minimum, request.derivedColumns
            ) { row in
                let text: String = try row.get(0)
                let code = codes[text] ?? ((try? resolver.resolve(text).entity.code) ?? "UNKNOWN")
                codes[text] = code
                guard code == entity else { return }
                result.append(Contribution(author: try row.get(1), model: try row.get(2), downloads: try row.get(3)))
            }
            return result
        }
        try connection.cachedStatement(attributedCTE + Self.contributionsTail).forEachRow(
            binding: listingID, tag, created, minimum, version, entity
        ) { row in
            result.append(Contribution(author: try row.get(0), model: try row.get(1), downloads: try row.get(2)))
        }
        return result
    }
}
