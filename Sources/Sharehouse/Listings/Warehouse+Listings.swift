import SharehouseDB

extension Warehouse {
    /// Imports one listing from its files (a folder's pages, NDJSON, the study dataset's
    /// CSV) as one transaction: all of it, or (on any error) nothing.
    ///
    /// Returns the receipt: the listing written, or `unchanged` with the listing that
    /// already holds the same content (the same models, in any files and order). Every
    /// problem in the files is an ``ImportError`` with its place, up to 20 listed at once.
    /// - Throws: ``ListingError`` when the options cannot be met (an unknown source, no
    ///   window for the study dataset).
    public func importListing(from inputs: [InputSource], options: ListingImportOptions) throws -> ListingReceipt {
        let importer = try ListingImporter(inputs: inputs, options: options)
        return try database.withConnection { connection in
            // The Hub's listing keeps SQLite's temporary storage in memory, as the share
            // import does (Warehouse+Import). The study dataset's staged rows are tens of
            // millions, and go to a file, whatever the build's default.
            try connection.execute(importer.shape == .hubAPI ? "PRAGMA temp_store = MEMORY" : "PRAGMA temp_store = FILE")
            defer { try? connection.execute("PRAGMA temp_store = DEFAULT") }
            return try connection.withPageCache(kibibytes: Connection.listingImportCacheKiB) {
                try connection.transaction(.immediate, keepingChangesIf: { $0.outcome == .imported }) {
                    try importer.run(on: connection)
                }
            }
        }
    }

    /// Every stored listing, by retrieval date (ties: the earlier import first).
    public func listings() throws -> [ListingSummary] {
        try database.read { connection in
            try connection.fetchAll(Self.listingSummarySQL + " ORDER BY l.retrieved_on, l.id", map: Self.listingSummary)
        }
    }

    /// The id of the listing retrieved last (ties: the later import), if there is one.
    public func latestListingID() throws -> Int64? {
        // One rule for "latest", the derivation's (StoredListing).
        try database.read { connection in
            do {
                return try StoredListing.find(.latest, on: connection).id
            } catch DerivationError.noListing {
                return nil
            }
        }
    }

    /// One listing in more detail, with its `top` models by downloads; nil when there is
    /// no listing `id`.
    public func listing(id: Int64, top: Int = ListingDetail.defaultTop) throws -> ListingDetail? {
        try database.read { connection in
            guard let summary = try connection.fetchOne(Self.listingSummarySQL + " WHERE l.id = ?", id, map: Self.listingSummary) else {
                return nil
            }
            let authors = try connection.fetchOne("SELECT count(DISTINCT author) FROM listing_models WHERE listing_id = ?", id) {
                try $0.get(0) as Int
            }
            let bases = try connection.fetchOne("SELECT count(*) FROM listing_bases WHERE listing_id = ?", id) { try $0.get(0) as Int }
            let baseStatement = try connection.prepare(
                "SELECT base_model, relation FROM listing_bases WHERE listing_id = ? AND model = ? ORDER BY base_model")
            let models = try connection.fetchAll(
                """
                SELECT model, author, downloads, downloads_all_time, created_on, pipeline_tag, library, org_country,
                       derived_org_country
                FROM listing_models WHERE listing_id = ? ORDER BY downloads DESC, model LIMIT ?
                """, id, max(0, top)
            ) { row in
                let model: String = try row.get(0)
                let bases = try baseStatement.mapRows(binding: id, model) { base in
                    ListingBase(model: try base.get(0), relation: BaseRelation(rawValue: try base.get(1)) ?? .base)
                }
                return ListingModel(
                    model: model, author: try row.get(1), downloads: try row.get(2), downloadsAllTime: try row.get(3),
                    createdOn: (try row.get(4) as String?).flatMap { CalendarDate($0) }, pipelineTag: try row.get(5),
                    library: try row.get(6), orgCountry: try row.get(7), derivedOrgCountry: try row.get(8), bases: bases)
            }
            return ListingDetail(
                summary: summary, citation: try Catalog.source(key: summary.source, in: connection), authors: authors ?? 0,
                bases: bases ?? 0, topModels: models)
        }
    }

    private static let listingSummarySQL = """
        SELECT l.id, l.source, l.retrieved_on, l.window_days, l.shape, l.imported_at, l.file_names, l.models,
               l.models_skipped, l.content_sha256,
               (SELECT coalesce(sum(m.downloads), 0) FROM listing_models m WHERE m.listing_id = l.id)
        FROM listings l
        """

    private static func listingSummary(_ row: Row) throws -> ListingSummary {
        ListingSummary(
            id: try row.get(0), source: try row.get(1), retrievedOn: CalendarDate(try row.get(2) as String)!,
            windowDays: try row.get(3), shape: ListingShape(rawValue: try row.get(4)) ?? .hubAPI, importedAt: try row.get(5),
            files: (try row.get(6) as String?).map { $0.split(separator: "\n").map(String.init) } ?? [], models: try row.get(7),
            modelsSkipped: try row.get(8), downloads: try row.get(10), contentSHA256: try row.get(9))
    }
}
