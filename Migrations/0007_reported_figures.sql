-- Sharehouse warehouse schema, version 7: units in the views, and the figures reports print.
--
-- figure_history and current_figures gain measure_name and unit at the end (their columns
-- are only ever added to). reported_figures applies the reports' default source policy:
-- for each measure, period and entity, the figure of the one source a report chooses for
-- that period, with that source, how many entities it lists, how many sources have the
-- period, and why it was chosen. The policy is the library's (SourceChoice): the most
-- entities, then the better verification (primary, secondary, unverified), then the
-- fewest relay steps from the primary study, then the latest publication, then the key.
-- A test holds this view and `report leaders` equal for every period of the fixtures.

-- The policy reads each snapshot's figure count per period with its coverage: the index
-- carries it, so the lookup stays in the index.
DROP INDEX snapshot_periods_by_snapshot;
CREATE INDEX snapshot_periods_by_snapshot ON snapshot_periods (snapshot_id, period_id, figures);

DROP VIEW current_figures;
DROP VIEW figure_history;

CREATE VIEW figure_history AS
WITH vintages AS (
    SELECT
        s.id AS snapshot_id,
        s.measure,
        s.source,
        s.published_on,
        s.verification,
        s.coverage,
        c.period_id,
        lead(s.published_on) OVER (
            PARTITION BY s.measure, s.source, c.period_id
            ORDER BY s.published_on, s.id
        ) AS superseded_on
    FROM snapshot_periods AS c
    JOIN snapshots AS s ON s.id = c.snapshot_id
)
SELECT
    v.measure,
    v.source,
    p.period,
    p.start_date,
    p.end_date,
    o.entity_code,
    e.name_en AS entity_name,
    e.name_ar AS entity_name_ar,
    e.kind AS entity_kind,
    o.value,
    o.decimals,
    printf('%.*f', o.decimals, o.value) AS value_text,
    v.snapshot_id,
    v.verification,
    v.coverage,
    v.published_on AS known_from,
    v.superseded_on AS known_to,
    v.superseded_on IS NULL AS is_current,
    o.period_id,
    m.name AS measure_name,
    m.unit
FROM vintages AS v
JOIN observations AS o ON o.snapshot_id = v.snapshot_id AND o.period_id = v.period_id
JOIN period_names AS p ON p.period_id = v.period_id
JOIN entities AS e ON e.code = o.entity_code
JOIN measures AS m ON m.key = v.measure;

CREATE VIEW current_figures AS
SELECT * FROM figure_history WHERE is_current;

CREATE VIEW reported_figures AS
WITH RECURSIVE relay (source, steps, next) AS (
    SELECT key, 0, derived_from FROM sources
    UNION ALL
    -- At most 16 sources in a chain, as citations walk it; a source relaying itself ends it.
    SELECT r.source, r.steps + 1, s.derived_from
    FROM relay AS r JOIN sources AS s ON s.key = r.next
    WHERE r.steps < 15 AND s.key <> r.source
),
relays AS (
    SELECT source, max(steps) AS relay_steps FROM relay GROUP BY source
),
candidates AS (
    SELECT
        f.measure,
        f.period_id,
        f.source,
        f.known_from AS published_on,
        count(*) AS entities,
        CASE f.verification WHEN 'primary' THEN 0 WHEN 'secondary' THEN 1 ELSE 2 END AS verification_rank,
        coalesce(r.relay_steps, 0) AS relay_steps
    FROM current_figures AS f
    LEFT JOIN relays AS r ON r.source = f.source
    GROUP BY f.measure, f.period_id, f.source
),
ranked AS (
    SELECT
        c.*,
        row_number() OVER w AS choice,
        count(*) OVER (PARTITION BY c.measure, c.period_id) AS sources,
        lead(c.entities) OVER w AS next_entities,
        lead(c.verification_rank) OVER w AS next_verification_rank,
        lead(c.relay_steps) OVER w AS next_relay_steps,
        lead(c.published_on) OVER w AS next_published_on
    FROM candidates AS c
    WINDOW w AS (
        PARTITION BY c.measure, c.period_id
        ORDER BY c.entities DESC, c.verification_rank, c.relay_steps, c.published_on DESC, c.source
    )
)
SELECT
    f.measure,
    f.measure_name,
    f.unit,
    f.period,
    f.start_date,
    f.end_date,
    f.entity_code,
    f.entity_name,
    f.entity_name_ar,
    f.entity_kind,
    f.value,
    f.decimals,
    f.value_text,
    f.source,
    f.snapshot_id,
    f.verification,
    f.coverage,
    f.known_from AS published_on,
    r.entities AS source_entities,
    r.sources AS sources_for_period,
    CASE
        WHEN r.sources = 1 THEN 'only_source'
        WHEN r.entities > r.next_entities THEN 'most_entities'
        WHEN r.verification_rank < r.next_verification_rank THEN 'better_verification'
        WHEN r.relay_steps < r.next_relay_steps THEN 'fewer_relays'
        WHEN r.published_on > r.next_published_on THEN 'later_publication'
        ELSE 'source_key'
    END AS choice_reason,
    f.period_id
FROM ranked AS r
JOIN current_figures AS f ON f.measure = r.measure AND f.period_id = r.period_id AND f.source = r.source
WHERE r.choice = 1;
