-- Sharehouse warehouse schema, version 4: which periods each snapshot covers.
--
-- The vintage rule asks, for every period a query touches, which snapshots cover it.
-- Reading that from observations means scanning every figure of every snapshot; this
-- table answers it from a few rows per snapshot. It is derived from observations (the
-- importer writes both in one transaction), and like them it is never changed.
CREATE TABLE snapshot_periods (
    period_id   INTEGER NOT NULL REFERENCES periods (id),
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    PRIMARY KEY (period_id, snapshot_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX snapshot_periods_by_snapshot ON snapshot_periods (snapshot_id, period_id);

INSERT INTO snapshot_periods (period_id, snapshot_id)
SELECT DISTINCT period_id, snapshot_id FROM observations;

CREATE TRIGGER snapshot_periods_are_immutable BEFORE UPDATE ON snapshot_periods
BEGIN
    SELECT RAISE(ABORT, 'snapshot periods are immutable: import a new snapshot instead');
END;
CREATE TRIGGER snapshot_periods_are_kept BEFORE DELETE ON snapshot_periods
BEGIN
    SELECT RAISE(ABORT, 'snapshot periods are never deleted');
END;

-- Observations were indexed by period for the same question; snapshot_periods answers
-- it now, and one index fewer makes every import cheaper.
DROP INDEX observations_by_period;

-- The history view reads coverage from the new table; its columns are unchanged.
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
    o.period_id
FROM vintages AS v
JOIN observations AS o ON o.snapshot_id = v.snapshot_id AND o.period_id = v.period_id
JOIN period_names AS p ON p.period_id = v.period_id
JOIN entities AS e ON e.code = o.entity_code;

CREATE VIEW current_figures AS
SELECT * FROM figure_history WHERE is_current;
