import SharehouseDB

extension Warehouse {
    /// The measure reports use when none is named: the share measure whose latest
    /// snapshot was published most recently (ties: the later import). nil on an empty
    /// warehouse.
    /// The measure reports use when none is named: a share measure before a count, a real
    /// one before a synthetic one (``Measure/isSynthetic``), then the one published last.
    public func defaultMeasure() throws -> Measure? {
        try database.read { try defaultMeasure(on: $0) }
    }

    func defaultMeasure(on connection: Connection) throws -> Measure? {
        let key = try connection.fetchOne(
            """
            SELECT s.measure FROM snapshots AS s JOIN measures AS m ON m.key = s.measure
            ORDER BY m.unit = 'percent' DESC, lower(m.attribution) = 'synthetic' OR lower(m.universe) LIKE 'synthetic%',
                s.published_on DESC, s.id DESC LIMIT 1
            """
        ) { try $0.get(0) as String }
        return try key.flatMap { try Catalog.measure(key: $0, in: connection) }
    }

    /// Entity codes for names (codes, English or Arabic names, aliases), in order, once each.
    func entityCodes(_ names: [String]) throws -> [String] {
        let resolver = try entityResolver()
        var codes: [String] = []
        for name in names {
            let code = try resolver.resolve(name).entity.code
            if !codes.contains(code) { codes.append(code) }
        }
        return codes
    }

    /// The measure a query is about: the one named, else the one that has figures for
    /// every period asked for, else the default measure. Periods found only in different
    /// measures are an error that says so, never a silent choice.
    /// Runs inside the query's read, so that the whole query sees one state.
    func measureKey(for scope: QueryScope, periods: [Period]?, entities: [String], on connection: Connection) throws -> String {
        if let key = scope.measure {
            guard try Catalog.measure(key: key, in: connection) != nil else { throw QueryError.unknownMeasure(key) }
            return key
        }
        guard let periods, !periods.isEmpty else {
            guard let measure = try defaultMeasure(on: connection) else { throw QueryError.noData("any measure: the warehouse is empty") }
            return measure.key
        }
        let measuresByPeriod = try periods.map { period -> (Period, [String]) in
            (
                period,
                try connection.fetchAll(
                    """
                    SELECT DISTINCT s.measure FROM snapshots AS s JOIN periods AS p ON p.start_date = ? AND p.end_date = ?
                    WHERE (? IS NULL OR s.source = ?) AND (? IS NULL OR s.published_on <= ?)
                      AND EXISTS (SELECT 1 FROM snapshot_periods AS c WHERE c.snapshot_id = s.id AND c.period_id = p.id)
                    ORDER BY s.measure
                    """, period.start.description, period.end.description, scope.sources.sourceKey, scope.sources.sourceKey,
                    scope.asOf?.description, scope.asOf?.description
                ) { try $0.get(0) as String }
            )
        }
        if let (empty, _) = measuresByPeriod.first(where: { $0.1.isEmpty }) {
            throw QueryError.noData("\(empty) in any measure" + (scope.asOf.map { " as of \($0)" } ?? ""))
        }
        let common = measuresByPeriod.dropFirst().reduce(Set(measuresByPeriod[0].1)) { $0.intersection($1.1) }
        if common.count == 1 { return common.first! }
        if common.count > 1 {
            if let preferred = try defaultMeasure(on: connection)?.key, common.contains(preferred) { return preferred }
            throw QueryError.ambiguousMeasure(candidates: common.sorted())
        }
        var details: [String] = []
        for (period, keys) in measuresByPeriod {
            let described = try keys.map { key -> String in
                let measure = try Catalog.measure(key: key, in: connection)
                return "\(key) (\(measure?.name ?? key))"
            }
            details.append("\(period) is only in " + described.joined(separator: " and "))
        }
        throw QueryError.differentMeasures(details: details.joined(separator: "; "))
    }
}
