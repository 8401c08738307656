/// A query over the documented views that README.md shows as an example, and that
/// `sharehouse datasette-metadata` offers as a canned query: one place for both, and a
/// test keeps the README's blocks equal to ``readme`` (each block is `-- ` and the title
/// on the first line, then ``sql``).
public struct ExampleQuery: Sendable, Hashable, Encodable {
    /// A short key: the canned query's name in Datasette's address (`/sharehouse/NAME`).
    public let name: String
    /// What the query answers, in one sentence.
    public let title: String
    /// The statement: read-only, without parameters, over the documented views.
    public let sql: String

    /// The README's example queries, in its order.
    public static let readme: [ExampleQuery] = [
        ExampleQuery(
            name: "reported_figures_for_a_period",
            title: "What the reports print for one period (one source, the one they choose), and why.",
            sql: """
                SELECT entity_name, value_text, unit, source, choice_reason, source_entities, sources_for_period
                FROM reported_figures
                WHERE measure = 'eoi_download_share_12m' AND period = '2024-09/2025-08' ORDER BY value DESC;
                """),
        ExampleQuery(
            name: "figures_in_force_with_sources",
            title: "The figures in force for one period, best first, with who says so.",
            sql: """
                SELECT f.entity_name, f.value_text, f.source, c.publisher, c.url
                FROM current_figures AS f JOIN citations AS c ON c.snapshot_id = f.snapshot_id AND c.depth = 0
                WHERE f.period = '2024-09/2025-08' ORDER BY f.source, f.value DESC;
                """),
        ExampleQuery(
            name: "known_on_a_date",
            title: "What was known on 2026-02-01 about the synthetic US share of 2025-10.",
            sql: """
                SELECT value_text, known_from, known_to FROM figure_history
                WHERE measure = 'synthetic_monthly_share' AND entity_code = 'US' AND period = '2025-10'
                  AND known_from <= '2026-02-01' AND (known_to IS NULL OR known_to > '2026-02-01');
                """),
        ExampleQuery(
            name: "measures_and_their_periods",
            title: "Every measure with its number of snapshots and the periods it covers.",
            sql: """
                SELECT f.measure, count(DISTINCT f.snapshot_id) AS snapshots, min(f.period) AS first, max(f.period) AS last
                FROM figure_history AS f GROUP BY f.measure ORDER BY f.measure;
                """),
    ]

    /// The query as README.md shows it: its title as an SQL comment, then the statement.
    public var readmeBlock: String { "-- \(title)\n\(sql)\n" }
}
