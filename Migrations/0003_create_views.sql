-- Sharehouse warehouse schema, version 3: the documented views for ad-hoc SQL.
--
-- These views are the stable surface for reports and `sharehouse sql`; the tables
-- under them may change between versions, the views' columns only by addition.

-- Every period with its canonical text, as Sharehouse prints it:
-- 2025-08 (a month), 2025-Q3, 2025 (a year), 2024-09/2025-08 (whole months),
-- 2025-02-26/2026-02-25 (any other span of days), 2025-08-15 (one day). months is the number of whole
-- months for month-aligned periods, NULL otherwise; days counts both ends.
CREATE VIEW period_names AS
SELECT
    id AS period_id,
    CASE
        WHEN strftime('%d', start_date) = '01'
             AND end_date = date(start_date, '+1 month', '-1 day')
            THEN strftime('%Y-%m', start_date)
        WHEN strftime('%m-%d', start_date) IN ('01-01', '04-01', '07-01', '10-01')
             AND end_date = date(start_date, '+3 months', '-1 day')
            THEN strftime('%Y', start_date) || '-Q' || ((CAST(strftime('%m', start_date) AS INTEGER) + 2) / 3)
        WHEN strftime('%m-%d', start_date) = '01-01'
             AND end_date = date(start_date, '+1 year', '-1 day')
            THEN strftime('%Y', start_date)
        WHEN strftime('%d', start_date) = '01' AND strftime('%d', end_date, '+1 day') = '01'
            THEN strftime('%Y-%m', start_date) || '/' || strftime('%Y-%m', end_date)
        WHEN start_date = end_date
            THEN start_date
        ELSE start_date || '/' || end_date
    END AS period,
    start_date,
    end_date,
    CASE
        WHEN strftime('%d', start_date) = '01' AND strftime('%d', end_date, '+1 day') = '01'
            THEN (CAST(strftime('%Y', end_date) AS INTEGER) * 12 + CAST(strftime('%m', end_date) AS INTEGER))
               - (CAST(strftime('%Y', start_date) AS INTEGER) * 12 + CAST(strftime('%m', start_date) AS INTEGER)) + 1
    END AS months,
    CAST(julianday(end_date) - julianday(start_date) AS INTEGER) + 1 AS days
FROM periods;

-- Every figure ever imported, with the span of time in which it was the current one
-- (ALFRED-style vintages). For each measure, source and period, a snapshot's figures are
-- current from its publication date (known_from) until the next snapshot covering that
-- period was published (known_to, exclusive; NULL while still current). Snapshots
-- published on one day are ordered by import.
--
-- What was known on date D:  WHERE known_from <= D AND (known_to IS NULL OR known_to > D)
CREATE VIEW figure_history AS
WITH coverage AS (
    SELECT DISTINCT snapshot_id, period_id FROM observations
),
vintages AS (
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
    FROM coverage AS c
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
    o.period_id
FROM vintages AS v
JOIN observations AS o ON o.snapshot_id = v.snapshot_id AND o.period_id = v.period_id
JOIN period_names AS p ON p.period_id = v.period_id
JOIN entities AS e ON e.code = o.entity_code;

-- The current figures: for each measure, source and period, those of the latest
-- published snapshot that covers the period. Columns as in figure_history.
CREATE VIEW current_figures AS
SELECT * FROM figure_history WHERE is_current;

-- Who says so: for each snapshot, its source (depth 0) and the chain of sources that one
-- relays (depth 1, 2, ...: article -> newspaper -> study), with every citation field.
CREATE VIEW citations AS
WITH RECURSIVE chain (snapshot_id, depth, source_key) AS (
    SELECT id, 0, source FROM snapshots
    UNION ALL
    SELECT chain.snapshot_id, chain.depth + 1, sources.derived_from
    FROM chain
    JOIN sources ON sources.key = chain.source_key
    WHERE sources.derived_from IS NOT NULL AND chain.depth < 16
)
SELECT
    chain.snapshot_id,
    chain.depth,
    snapshots.measure,
    snapshots.published_on AS snapshot_published_on,
    snapshots.verification,
    sources.key AS source,
    sources.title,
    sources.publisher,
    sources.authors,
    sources.url,
    sources.published_on,
    sources.accessed_on,
    sources.language,
    sources.kind,
    sources.license,
    sources.access_note,
    sources.derived_from
FROM chain
JOIN sources ON sources.key = chain.source_key
JOIN snapshots ON snapshots.id = chain.snapshot_id;
