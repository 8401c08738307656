import SharehouseDB

/// Why a country stands where it does in a derived share: the organisations and models
/// behind its downloads, each with its downloads, its share of the country's and of all.
public struct ContributorsResult: Sendable, Encodable {
    /// One organisation (Hub author) behind the entity's downloads.
    public struct Organisation: Sendable, Hashable, Encodable {
        /// The author as the listing writes it.
        public let author: String
        /// The downloads of its models counted for the entity.
        public let downloads: Double
        /// Percent of the entity's downloads.
        public let shareOfEntity: Double
        /// Percent of all downloads of the derivation: these add up to the entity's share.
        public let shareOfTotal: Double
        /// How many of its models count for the entity.
        public let models: Int
    }

    /// One model behind the entity's downloads.
    public struct Model: Sendable, Hashable, Encodable {
        /// The model's id on the Hub.
        public let model: String
        /// The model's author.
        public let author: String
        /// The downloads counted for the entity.
        public let downloads: Double
        /// Percent of the entity's downloads.
        public let shareOfEntity: Double
        /// Percent of all downloads of the derivation.
        public let shareOfTotal: Double
    }

    /// The entity's code.
    public let entity: String
    /// The period of the derived figures.
    public let period: Period
    /// The derived share measure.
    public let measure: Measure
    /// The derived share snapshot (the vintage in force).
    public let snapshotID: Int64
    /// The listing the snapshot was derived from.
    public let listingID: Int64
    /// The attribution table's version it was derived with (nil when none was used).
    public let attributionVersion: Int64?
    /// How the downloads were attributed.
    public let method: DerivationMethod
    /// The entity's figure in the derived share snapshot, as stored.
    public let figure: PublishedValue?
    /// The entity's downloads, recomputed.
    public let entityDownloads: Double
    /// The downloads of every model counted, recomputed.
    public let totalDownloads: Double
    /// The largest first, up to `top`; ``organisationCount`` counts them all.
    public let organisations: [Organisation]
    /// How many organisations the entity has in all.
    public let organisationCount: Int
    /// The organisations beyond `top`, summed (author empty, `models` their number of
    /// models), so that the list still adds up to the entity's figure; nil when none.
    public let others: Organisation?
    /// The largest models first, up to `top`; ``modelCount`` counts them all.
    public let models: [Model]
    /// How many models the entity has in all.
    public let modelCount: Int
    /// The citation of the derived snapshot, a number in ``citations``.
    public let citation: Int
    /// The citations the result refers to, in order of number.
    public let citations: [Citation]
}

extension Warehouse {
    /// The organisations and models behind `entity`'s figure in a derived share: of
    /// `measure` (default: the derived share measure of the latest period) for `period`
    /// (default: its latest), the vintage in force, recomputed from the listing and the
    /// attribution table it was derived from. Their downloads add up to the entity's.
    public func contributors(
        entity name: String, period: Period? = nil, measure: String? = nil, top: Int = ReportDefaults.top
    ) throws -> ContributorsResult {
        let code = try resolveEntity(name).entity.code
        let resolver = try entityResolver()
        return try database.read { connection in
            guard
                let found = try connection.fetchOne(
                    """
                    SELECT s.id, s.measure, s.source, s.published_on, s.verification, s.coverage, p.start_date, p.end_date,
                           d.listing_id, d.attribution_version, d.method, d.options
                    FROM derivations AS d
                    JOIN snapshots AS s ON s.id = d.snapshot_id
                    JOIN measures AS m ON m.key = s.measure AND m.unit = 'percent'
                    JOIN snapshot_periods AS c ON c.snapshot_id = s.id JOIN periods AS p ON p.id = c.period_id
                    WHERE (?1 IS NULL OR s.measure = ?1) AND (?2 IS NULL OR (p.start_date = ?2 AND p.end_date = ?3))
                    ORDER BY p.end_date DESC, s.published_on DESC, s.id DESC LIMIT 1
                    """, measure, period?.start.description, period?.end.description,
                    map: { row in
                        (
                            vintage: Vintage(
                                snapshotID: try row.get(0), source: try row.get(2), publishedOn: CalendarDate(try row.get(3) as String)!,
                                verification: Verification(rawValue: try row.get(4)) ?? .unverified,
                                coverage: Coverage(rawValue: try row.get(5)) ?? .complete),
                            measure: try row.get(1) as String,
                            period: Period(start: CalendarDate(try row.get(6) as String)!, end: CalendarDate(try row.get(7) as String)!)!,
                            listing: try row.get(8) as Int64, version: try row.get(9) as Int64?,
                            method: DerivationMethod(rawValue: try row.get(10)) ?? .publisher, options: try row.get(11) as String
                        )
                    })
            else {
                throw DerivationError.notDerived(
                    measure == nil && period == nil
                        ? "a share"
                        : [measure.map { "the measure \($0)" }, period.map { "\($0)" }].compactMap { $0 }.joined(separator: ", "))
            }
            var request = try DerivationOptions.request(from: found.options)
            request.method = found.method
            let attribution = DownloadAttribution(
                connection: connection, listingID: found.listing, version: found.version, request: request)
            let total = try attribution.total()
            let contributions = try attribution.contributions(to: code, resolver: resolver)
            let entityDownloads = contributions.reduce(0) { $0 + $1.downloads }
            func percent(_ part: Double, of whole: Double) -> Double { whole > 0 ? rounded(100 * part / whole, decimals: 4) : 0 }

            var byAuthor: [String: (author: String, downloads: Double, models: Int)] = [:]
            for contribution in contributions {
                byAuthor[contribution.author.lowercased(), default: (contribution.author, 0, 0)].downloads += contribution.downloads
                byAuthor[contribution.author.lowercased()]!.models += 1
            }
            let organisations = byAuthor.values.sorted { ($0.downloads, $1.author) > ($1.downloads, $0.author) }.map {
                ContributorsResult.Organisation(
                    author: $0.author, downloads: $0.downloads, shareOfEntity: percent($0.downloads, of: entityDownloads),
                    shareOfTotal: percent($0.downloads, of: total), models: $0.models)
            }
            let models = contributions.sorted { ($0.downloads, $1.model) > ($1.downloads, $0.model) }.map {
                ContributorsResult.Model(
                    model: $0.model, author: $0.author, downloads: $0.downloads, shareOfEntity: percent($0.downloads, of: entityDownloads),
                    shareOfTotal: percent($0.downloads, of: total))
            }
            let rest = organisations.dropFirst(top)
            let others =
                rest.isEmpty
                ? nil
                : ContributorsResult.Organisation(
                    author: "", downloads: rest.reduce(0) { $0 + $1.downloads },
                    shareOfEntity: rounded(rest.reduce(0) { $0 + $1.shareOfEntity }, decimals: 4),
                    shareOfTotal: rounded(rest.reduce(0) { $0 + $1.shareOfTotal }, decimals: 4), models: rest.reduce(0) { $0 + $1.models })
            let figure = try connection.fetchOne(
                """
                SELECT o.value, o.decimals FROM observations AS o JOIN periods AS p ON p.id = o.period_id
                WHERE o.snapshot_id = ? AND o.entity_code = ? AND p.start_date = ? AND p.end_date = ?
                """, found.vintage.snapshotID, code, found.period.start.description, found.period.end.description
            ) { PublishedValue(value: try $0.get(0), decimals: try $0.get(1)) }
            // A country the derivation gave no downloads has nothing to explain.
            guard figure != nil || entityDownloads > 0 else {
                throw DerivationError.notDerived("\(code) in \(found.measure) for \(found.period)")
            }
            let catalog = CatalogReader(connection: connection)
            var citations = CitationList()
            let citation = try citations.number(for: found.vintage, measure: found.measure, catalog: catalog)
            return ContributorsResult(
                entity: code, period: found.period, measure: try catalog.measure(found.measure), snapshotID: found.vintage.snapshotID,
                listingID: found.listing, attributionVersion: found.version, method: found.method, figure: figure,
                entityDownloads: entityDownloads, totalDownloads: total, organisations: Array(organisations.prefix(top)),
                organisationCount: organisations.count, others: others, models: Array(models.prefix(top)), modelCount: models.count,
                citation: citation, citations: citations.citations)
        }
    }
}
