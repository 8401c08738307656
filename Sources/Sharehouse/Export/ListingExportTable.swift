import SharehouseDB

/// The listings as two partitioned tables, by the month each was retrieved:
/// `listings/month=YYYY-MM/part-ID.EXT` (one file per listing, a row per model with
/// downloads) and `listing_bases/month=YYYY-MM/part-ID.EXT` (a row per base a model names).
///
/// The partition column, `month`, is in the path only. Each listing's models are read in
/// one range scan of `listing_models` in key order (by model), a row at a time, so a
/// listing of any size is written in the same memory. A listing without models, or
/// without bases, has no file in that table.
enum ListingExportTable {
    /// The columns of a `listings` file, in order.
    static let modelColumns = [
        "listing_id", "source", "retrieved_on", "window_days", "model", "author", "downloads", "downloads_all_time", "created_on",
        "pipeline_tag", "library", "org_country", "derived_org_country",
    ]

    /// The columns of a `listing_bases` file, in order.
    static let baseColumns = ["listing_id", "model", "base_model", "relation"]

    /// Writes the listings `options` select into `staging`, in id order.
    static func write(_ connection: Connection, into staging: ExportStaging, options: ListingExportOptions) throws {
        let listings = try connection.fetchAll("SELECT id, source, retrieved_on, window_days FROM listings ORDER BY id") { row in
            (id: try row.integer(at: 0), source: try row.text(at: 1), retrievedOn: try row.text(at: 2), windowDays: try row.integer(at: 3))
        }
        let known = Set(listings.map(\.id))
        if let unknown = options.listings.first(where: { !known.contains($0) }) {
            throw PartitionedExportError.unknownListing(unknown)
        }
        let wanted = Set(options.listings)
        let models = try connection.prepare(
            """
            SELECT model, author, downloads, downloads_all_time, created_on, pipeline_tag, library, org_country, derived_org_country
            FROM listing_models WHERE listing_id = ? ORDER BY model
            """)
        let bases = try connection.prepare(
            "SELECT model, base_model, relation FROM listing_bases WHERE listing_id = ? ORDER BY model, base_model")
        for listing in listings where wanted.isEmpty || wanted.contains(listing.id) {
            let month = [HivePartition(name: "month", value: String(listing.retrievedOn.prefix(7)))]
            let name = "part-\(listing.id)"
            var file: StagedFileWriter?
            try models.forEachRow(binding: listing.id) { row in
                if file == nil {
                    file = try staging.open(table: "listings", partitions: month, name: name, columns: modelColumns)
                }
                try file?.append([
                    .integer(listing.id), .text(listing.source), .text(listing.retrievedOn), .integer(listing.windowDays),
                    .text(try row.text(at: 0)), .text(try row.text(at: 1)), .integer(try row.integer(at: 2)),
                    row.isNull(at: 3) ? .null : .integer(try row.integer(at: 3)), text(row, 4), text(row, 5), text(row, 6),
                    text(row, 7), text(row, 8),
                ])
            }
            try file?.finish()
            file = nil
            try bases.forEachRow(binding: listing.id) { row in
                if file == nil {
                    file = try staging.open(table: "listing_bases", partitions: month, name: name, columns: baseColumns)
                }
                try file?.append([.integer(listing.id), .text(try row.text(at: 0)), .text(try row.text(at: 1)), .text(try row.text(at: 2))])
            }
            try file?.finish()
        }
    }

    /// The text of column `index`, or null.
    private static func text(_ row: Row, _ index: Int32) throws -> ExportCell {
        row.isNull(at: index) ? .null : .text(try row.text(at: index))
    }
}
