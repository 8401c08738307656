import SharehouseDB

/// A group's share as the sum of its members' shares: derived, never stored.
public struct GroupResult: Sendable, Encodable {
    /// The group's share in one period.
    public struct Row: Sendable, Encodable {
        /// The period.
        public let period: Period
        /// The members' figures summed.
        public let value: PublishedValue
        /// Members with a figure in the period, and members without one (not reported:
        /// counted as nothing, so the sum is a lower bound).
        public let membersWithFigures: [String]
        /// Members on the period's last day that the source gives no figure for.
        public let membersWithout: [String]
        /// The citation of the period's figures.
        public let citation: Int
    }

    /// The measure, the source policy, the notes and the citations.
    public let context: QueryContext
    /// The group.
    public let group: Entity
    /// One row per period, in time order.
    public let rows: [Row]
}

extension Warehouse {
    /// The share of a group entity (such as the EU) per period: the sum of the figures of
    /// the entities that were members on the period's last day.
    public func groupShares(
        _ name: String, from: Period? = nil, to: Period? = nil,
        scope: QueryScope = QueryScope()
    ) throws -> GroupResult {
        let group = try resolveEntity(name).entity
        return try database.read { connection in
            let measure = try measureKey(for: scope, periods: nil, entities: [], on: connection)
            let members = try connection.fetchAll(
                "SELECT member_code, member_from, member_until FROM group_members WHERE group_code = ?", group.code
            ) { row in
                (
                    code: try row.get(0) as String, since: (try row.get(1) as String?).flatMap { CalendarDate($0) },
                    until: (try row.get(2) as String?).flatMap { CalendarDate($0) }
                )
            }
            guard !members.isEmpty else { throw QueryError.noMembers(group: group.code) }
            func membersOn(_ day: CalendarDate) -> [String] {
                members.filter { ($0.since.map { $0 <= day } ?? true) && ($0.until.map { $0 >= day } ?? true) }.map(\.code)
            }
            // Per period, the source that lists the most members, not the most entities.
            let book = try FigureBook.load(
                measure: measure, scope: scope, on: connection,
                periods: { period in (from.map { period.start >= $0.start } ?? true) && (to.map { period.end <= $0.end } ?? true) },
                fullness: { Set(membersOn($0.end)) })
            guard book.measure.unit == .percent else { throw QueryError.notAShare(measure: measure, query: "a group's share") }
            let catalog = CatalogReader(connection: connection, asOf: scope.asOf)
            var citations = CitationList()
            var rows: [GroupResult.Row] = []
            for page in book.periods {
                let current = membersOn(page.period.end)
                let given = current.filter { page.figures[$0] != nil }.sorted()
                guard !given.isEmpty else { continue }
                let decimals = given.map { page.figures[$0]!.decimals }.max() ?? 0
                let sum = rounded(given.reduce(0) { $0 + page.figures[$1]!.value }, decimals: decimals)
                rows.append(
                    .init(
                        period: page.period, value: PublishedValue(value: sum, decimals: decimals),
                        membersWithFigures: given, membersWithout: current.filter { page.figures[$0] == nil }.sorted(),
                        citation: try citations.number(for: page.vintage, measure: measure, catalog: catalog)))
            }
            guard !rows.isEmpty else {
                let sources = try connection.fetchAll("SELECT DISTINCT source FROM snapshots WHERE measure = ? ORDER BY source", measure) {
                    try $0.get(0) as String
                }
                throw QueryError.noData(
                    "any member of \(group.code) in the measure \(measure) (sources looked at: \(sources.joined(separator: ", ")))")
            }
            var notes: [ReportNote] = [.derivedFromMembers(group: group.code)]
            if book.periods.count == 1, let choice = book.periods[0].choice {
                notes.append(.sourceChosen(choice, publisher: citations.citations.first?.sources.first?.publisher ?? choice.source))
            }
            return GroupResult(
                context: QueryContext(measure: book.measure, scope: scope, notes: notes, citations: citations.citations),
                group: group, rows: rows)
        }
    }
}
