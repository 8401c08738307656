-- Sharehouse warehouse schema, version 8: corrections.
--
-- A source that republishes a snapshot with other figures under the same publication date
-- has corrected it. The import refuses such a file unless asked (--correction), and then
-- stores it as a new snapshot that names the one it corrects here. The vintage rule needs
-- nothing new: of two snapshots of one measure, source and date, the later import is the
-- later vintage, so the correction is in force and the corrected figures stay in the
-- history with a vintage of no length. Like every other row, a correction is never
-- changed or deleted.
CREATE TABLE snapshot_corrections (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    corrects_id INTEGER NOT NULL REFERENCES snapshots (id),
    PRIMARY KEY (snapshot_id, corrects_id),
    CHECK (corrects_id < snapshot_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX snapshot_corrections_by_corrected ON snapshot_corrections (corrects_id, snapshot_id);

-- A correction restates the same publication: the same measure, source and date.
CREATE TRIGGER corrections_restate_one_publication BEFORE INSERT ON snapshot_corrections
WHEN NOT EXISTS (
    SELECT 1 FROM snapshots AS s JOIN snapshots AS c
        ON c.measure = s.measure AND c.source = s.source AND c.published_on = s.published_on
    WHERE s.id = NEW.snapshot_id AND c.id = NEW.corrects_id
)
BEGIN
    SELECT RAISE(ABORT, 'a correction has the measure, source and publication date of the snapshot it corrects');
END;
CREATE TRIGGER corrections_are_immutable BEFORE UPDATE ON snapshot_corrections
BEGIN
    SELECT RAISE(ABORT, 'corrections are immutable: import a new correction instead');
END;
CREATE TRIGGER corrections_are_kept BEFORE DELETE ON snapshot_corrections
BEGIN
    SELECT RAISE(ABORT, 'corrections are never deleted');
END;

-- figure_history and current_figures gain, at the end, the snapshot a figure's snapshot
-- corrects for its period (corrects_snapshot_id) and the one that corrects it
-- (corrected_by_snapshot_id): the vintage just before or just after it, when the two are
-- a correction. reported_figures reads current_figures by name and is left as it is.
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
        lead(s.published_on) OVER w AS superseded_on,
        lag(s.id) OVER w AS previous_snapshot_id,
        lead(s.id) OVER w AS next_snapshot_id
    FROM snapshot_periods AS c
    JOIN snapshots AS s ON s.id = c.snapshot_id
    WINDOW w AS (PARTITION BY s.measure, s.source, c.period_id ORDER BY s.published_on, s.id)
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
    m.unit,
    (SELECT x.corrects_id FROM snapshot_corrections AS x
     WHERE x.snapshot_id = v.snapshot_id AND x.corrects_id = v.previous_snapshot_id) AS corrects_snapshot_id,
    (SELECT x.snapshot_id FROM snapshot_corrections AS x
     WHERE x.snapshot_id = v.next_snapshot_id AND x.corrects_id = v.snapshot_id) AS corrected_by_snapshot_id
FROM vintages AS v
JOIN observations AS o ON o.snapshot_id = v.snapshot_id AND o.period_id = v.period_id
JOIN period_names AS p ON p.period_id = v.period_id
JOIN entities AS e ON e.code = o.entity_code
JOIN measures AS m ON m.key = v.measure;

CREATE VIEW current_figures AS
SELECT * FROM figure_history WHERE is_current;

-- Who says so: citations gain, at the end, the snapshot a snapshot corrects (the latest,
-- when it corrects more than one); NULL for a first publication.
DROP VIEW citations;
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
    sources.derived_from,
    (SELECT max(x.corrects_id) FROM snapshot_corrections AS x WHERE x.snapshot_id = chain.snapshot_id) AS corrects_snapshot_id
FROM chain
JOIN sources ON sources.key = chain.source_key
JOIN snapshots ON snapshots.id = chain.snapshot_id;
