/// A point of a series: its period, entity and source.
public struct SeriesPointKey: Sendable, Hashable {
    /// The period.
    public let period: Period
    /// The entity's code.
    public let entity: String
    /// The source's key.
    public let source: String

    /// The point of `entity` in `period` from `source`.
    public init(period: Period, entity: String, source: String) {
        self.period = period
        self.entity = entity
        self.source = source
    }
}

extension Warehouse {
    /// The points of `result` whose figure a later publication of the same source
    /// revised: charts mark them.
    public func revisedPoints(of result: SeriesResult, scope: QueryScope = QueryScope()) throws -> Set<SeriesPointKey> {
        var scope = scope
        scope.measure = result.context.measure.key
        let history = try revisions(entities: result.entities, scope: scope)
        return Set(
            history.rows.filter { ($0.change ?? 0) != 0 }.map {
                SeriesPointKey(period: $0.period, entity: $0.entity, source: $0.source)
            })
    }
}
