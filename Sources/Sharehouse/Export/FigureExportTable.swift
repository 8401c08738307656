import SharehouseDB

/// The figures as a partitioned table: `figures/measure=KEY/period=PERIOD/part-0.EXT`, one
/// file per measure and period, read from the view `current_figures` (or, for every
/// vintage, `figure_history` into `figure_history/...`) in one statement, a row at a time.
///
/// The partition columns, `measure` and `period`, are in the path only (readers add them
/// from it). A row is one figure: its source, entity, value in its published digits and
/// their count, unit, the period's first and last day, and the snapshot it comes from with
/// the day that snapshot was published (and, for every vintage, the day it stopped being
/// in force). Rows are in the order source, entity (then publication, for every vintage).
enum FigureExportTable {
    /// The columns of a file, in order.
    static func columns(_ vintages: FigureExportOptions.Vintages) -> [String] {
        [
            "source", "entity_code", "entity_name", "value", "decimals", "unit", "start_date", "end_date", "snapshot_id",
            "published_on",
        ] + (vintages == .all ? ["known_to"] : []) + ["verification", "coverage"]
    }

    /// The table's name, which is its top folder.
    static func name(_ vintages: FigureExportOptions.Vintages) -> String {
        vintages == .all ? "figure_history" : "figures"
    }

    /// Writes the figures `options` select into `staging`, a file per measure and period.
    static func write(_ connection: Connection, into staging: ExportStaging, options: FigureExportOptions) throws {
        if let measure = options.measure,
            try connection.fetchOne("SELECT 1 FROM measures WHERE key = ?", measure, map: { _ in true }) == nil
        {
            throw QueryError.unknownMeasure(measure)
        }
        if let source = options.source,
            try connection.fetchOne("SELECT 1 FROM sources WHERE key = ?", source, map: { _ in true }) == nil
        {
            throw QueryError.unknownSource(source)
        }
        let sql =
            options.vintages == .all
            ? """
            SELECT measure, period, source, entity_code, entity_name, value, decimals, unit, start_date, end_date, snapshot_id,
                   known_from, known_to, verification, coverage
            FROM figure_history WHERE (?1 IS NULL OR measure = ?1) AND (?2 IS NULL OR source = ?2)
            ORDER BY measure, start_date, end_date, source, entity_code, known_from, snapshot_id
            """
            : """
            SELECT measure, period, source, entity_code, entity_name, value, decimals, unit, start_date, end_date, snapshot_id,
                   known_from, NULL, verification, coverage
            FROM current_figures WHERE (?1 IS NULL OR measure = ?1) AND (?2 IS NULL OR source = ?2)
            ORDER BY measure, start_date, end_date, source, entity_code, snapshot_id
            """
        let columns = columns(options.vintages)
        let table = name(options.vintages)
        var file: StagedFileWriter?
        var partition: (measure: String, period: String)?
        try connection.prepare(sql).forEachRow(binding: options.measure, options.source) { row in
            let measure = try row.text(at: 0)
            let period = try row.text(at: 1)
            if partition?.measure != measure || partition?.period != period {
                try file?.finish()
                file = try staging.open(
                    table: table,
                    partitions: [HivePartition(name: "measure", value: measure), HivePartition(name: "period", value: period)],
                    name: "part-0", columns: columns)
                partition = (measure, period)
            }
            let value = PublishedValue(value: try row.real(at: 5), decimals: Int(try row.integer(at: 6)))
            var cells: [ExportCell] = [
                .text(try row.text(at: 2)), .text(try row.text(at: 3)), .text(try row.text(at: 4)), .number(value.description),
                .integer(Int64(value.decimals)), .text(try row.text(at: 7)), .text(try row.text(at: 8)), .text(try row.text(at: 9)),
                .integer(try row.integer(at: 10)), .text(try row.text(at: 11)),
            ]
            if options.vintages == .all { cells.append(row.isNull(at: 12) ? .null : .text(try row.text(at: 12))) }
            cells += [.text(try row.text(at: 13)), .text(try row.text(at: 14))]
            try file?.append(cells)
        }
        try file?.finish()
    }
}
