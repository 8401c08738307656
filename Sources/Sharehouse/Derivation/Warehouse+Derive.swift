import Crypto
import SharehouseDB

extension Warehouse {
    /// Derives country shares from a stored listing: sums each model's downloads by
    /// country under the request's method and attribution table, and stores the result as
    /// two snapshots (downloads per country, and shares in percent that sum to 100 within
    /// rounding, the buckets included, complete coverage), with a `derivations` row each.
    /// The same inputs give the same snapshots (`unchanged`); the same listing under
    /// another attribution table is a correction of the same publication (a new vintage,
    /// its differences in the receipt). All in one transaction.
    public func deriveShares(_ request: DerivationRequest) throws -> DerivationReceipt {
        let resolver = try entityResolver()
        return try database.withConnection { connection in
            try connection.transaction(.immediate, keepingChangesIf: { (_: DerivationReceipt) in !request.dryRun }) {
                try derive(request, resolver: resolver, on: connection)
            }
        }
    }

    private func derive(_ request: DerivationRequest, resolver: EntityResolver, on connection: Connection) throws -> DerivationReceipt {
        let listing = try StoredListing.find(request.listing, on: connection)
        if request.method == .datasetColumns, listing.shape != "study_dataset" {
            throw DerivationError.notAStudyDataset(listing: listing.id)
        }
        var version: Int64?
        if request.method != .datasetColumns {
            version =
                try connection.fetchOne(
                    "SELECT max(version) FROM attribution_versions WHERE ?1 IS NULL OR version = ?1", request.attributionVersion
                ) { try $0.get(0) as Int64? } ?? nil
            guard version != nil else { throw DerivationError.noAttribution(request.attributionVersion) }
        }
        let totals = try DownloadAttribution(connection: connection, listingID: listing.id, version: version, request: request)
            .totals(resolver: resolver)
        let total = totals.downloads.values.reduce(0, +)
        guard total > 0 else { throw DerivationError.noModels(listing: listing.id) }

        // Largest first; shares rounded half away from zero, exactly when every total is whole.
        let ordered = totals.downloads.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        let figures = ordered.map { code, downloads in
            DerivationReceipt.Figure(
                entity: code, downloads: downloads,
                share: ShareRounding.share(downloads, of: total, decimals: request.decimals, exact: totals.isWhole))
        }
        let period = Period(start: listing.retrievedOn.adding(days: 1 - listing.windowDays)!, end: listing.retrievedOn)!
        let (countMeasure, shareMeasure) = DerivedCatalog.measures(request: request, windowDays: listing.windowDays)
        let source = try DerivedCatalog.source(request: request, listing: listing, on: connection)

        var receipts: [ImportReceipt] = []
        for (measure, values) in [
            (countMeasure, figures.map { ObservationInput(entity: $0.entity, value: ShareRounding.whole($0.downloads)) }),
            (shareMeasure, figures.map { ObservationInput(entity: $0.entity, value: $0.share.description) }),
        ] {
            var options = ImportOptions(
                description: SnapshotDescription(
                    measure: .definition(measure), source: .definition(source), publishedOn: listing.retrievedOn,
                    verification: request.verification, coverage: .complete,
                    // Not the attribution version: a new version that moves no figure gives the
                    // same snapshot (unchanged); the derivations table records the version.
                    note: "derived from listing \(listing.id) (\(listing.source), retrieved \(listing.retrievedOn)), "
                        + "method \(request.method.argument)",
                    period: period),
                dryRun: request.dryRun, readsSidecar: false)
            // Another attribution table (or rounding) for the same listing restates the same
            // publication: a correction, said in the receipt.
            options.acceptsCorrection = true
            let importer = SnapshotImporter(
                input: .bytes([], name: "derivation of listing \(listing.id)"), options: options, resolver: resolver, values: values)
            let result = try importer.run(on: connection)
            if !result.isUnchanged {
                try connection.execute(
                    "INSERT INTO derivations (snapshot_id, listing_id, attribution_version, method, options) VALUES (?, ?, ?, ?, ?)",
                    result.receipt.snapshotID, listing.id, version, request.method.rawValue, request.optionsJSON)
            }
            receipts.append(result.receipt)
        }
        return DerivationReceipt(
            listingID: listing.id, listingSource: listing.source, retrievedOn: listing.retrievedOn, attributionVersion: version,
            method: request.method, period: period, countMeasure: countMeasure.key, shareMeasure: shareMeasure.key,
            source: source.key, modelsCounted: totals.models, totalDownloads: total, figures: figures,
            unmatched: totals.unmatched, unmatchedCount: totals.unmatchedCount, unmatchedDownloads: totals.unmatchedDownloads,
            modelsWithCycles: totals.modelsWithCycles, modelsWithBasesOutside: totals.modelsWithBasesOutside, snapshots: receipts)
    }
}
