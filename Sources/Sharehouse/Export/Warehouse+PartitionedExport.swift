import Foundation
import SharehouseDB

extension Warehouse {
    /// Writes the figures as a Hive-style partitioned table that DuckDB, Spark or BigQuery
    /// read as one: `DIR/figures/measure=KEY/period=PERIOD/part-0.csv` (or `.ndjson`), one
    /// file per measure and period. Its columns: `source`, `entity_code`, `entity_name`,
    /// `value` (the published digits, a plain number), `decimals`, `unit`, `start_date`,
    /// `end_date`, `snapshot_id`, `published_on` (the snapshot's), `verification`,
    /// `coverage`; `measure` and `period` come from the path (a period's `/` is `%2F`).
    ///
    /// With ``FigureExportOptions/Vintages/all`` the table is `figure_history`: every
    /// vintage, with `known_to` (the day it stopped being in force) after `published_on`.
    /// The whole export reads one state of the warehouse, and is written whole or not at
    /// all: each file goes to a temporary name in its folder, then is renamed. A file already there with the same bytes is left alone (`unchanged`);
    /// one of other content refuses the export, with nothing written, unless
    /// ``FigureExportOptions/replace``. Nothing else in `directory` is touched.
    /// - Throws: ``PartitionedExportError``, or ``QueryError/unknownMeasure(_:)`` and
    ///   ``QueryError/unknownSource(_:)`` for a key not in the catalogue.
    @discardableResult
    public func exportFigures(to directory: String, options: FigureExportOptions = FigureExportOptions()) throws
        -> PartitionedExportReceipt
    {
        try exportPartitioned(to: directory, format: options.format, replace: options.replace) { connection, staging in
            try FigureExportTable.write(connection, into: staging, options: options)
        }
    }

    /// Writes the listings as two Hive-style partitioned tables, by month of retrieval:
    /// `DIR/listings/month=YYYY-MM/part-ID.csv` (a row per model with its downloads) and
    /// `DIR/listing_bases/month=YYYY-MM/part-ID.csv` (a row per base a model names). The
    /// listings' columns: `listing_id`, `source`, `retrieved_on`, `window_days`, `model`,
    /// `author`, `downloads`, `downloads_all_time`, `created_on`, `pipeline_tag`, `library`,
    /// `org_country`, `derived_org_country` (the study dataset's own); the bases':
    /// `listing_id`, `model`, `base_model`, `relation`. `month` comes from the path. Memory
    /// stays flat however large a listing is.
    ///
    /// Written whole or not at all, like ``exportFigures(to:options:)``: since a listing
    /// never changes, exporting again after a new listing writes only its files and leaves
    /// the others `unchanged`.
    /// - Throws: ``PartitionedExportError``.
    @discardableResult
    public func exportListings(to directory: String, options: ListingExportOptions = ListingExportOptions()) throws
        -> PartitionedExportReceipt
    {
        try exportPartitioned(to: directory, format: options.format, replace: options.replace) { connection, staging in
            try ListingExportTable.write(connection, into: staging, options: options)
        }
    }

    private func exportPartitioned(
        to directory: String, format: ExportFileFormat, replace: Bool, write: (Connection, ExportStaging) throws -> Void
    ) throws -> PartitionedExportReceipt {
        guard !directory.isEmpty else { throw PartitionedExportError.emptyFolderName }
        let staging = try ExportStaging(directory: directory, format: format, replace: replace)
        do {
            try database.read { connection in try write(connection, staging) }
            return PartitionedExportReceipt(directory: directory, format: format, files: try staging.commit())
        } catch {
            staging.discard()
            throw error
        }
    }
}
