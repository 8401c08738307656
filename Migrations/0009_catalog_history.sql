-- Sharehouse warehouse schema, version 9: the catalogue may be corrected, and remembers
-- what it said.
--
-- A source's URL moves, a title was mistranslated, a publication date is found: the
-- descriptive fields of sources and measures may change, but only together with a row
-- of catalog_changes per field changed (old value, new value, when, why), written first
-- in the same transaction (`sharehouse sources amend` and `measures amend` do both). An
-- UPDATE without it is refused, so the history is complete, and reading it backwards
-- gives the catalogue as it was on any day: the citations of an earlier report stay
-- reproducible (`--as-of`). A change is dated when it is made, never earlier, so what
-- the catalogue said on a past day never changes. Keys never change (snapshots and
-- citations name them), nor a measure's unit (its figures would change meaning), and
-- nothing of the catalogue or its history is deleted or replaced.
--
-- Values are kept as the columns hold them (text; dates as YYYY-MM-DD), NULL for none.

CREATE TABLE catalog_changes (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('source', 'measure')),
    key        TEXT NOT NULL,
    field      TEXT NOT NULL CHECK (
                   (kind = 'source' AND field IN ('title', 'publisher', 'authors', 'url', 'published_on', 'accessed_on',
                                                  'language', 'kind', 'license', 'access_note', 'derived_from'))
                   OR (kind = 'measure' AND field IN ('name', 'universe', 'attribution', 'description'))),
    old_value  TEXT,
    new_value  TEXT,
    changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
               CHECK (length(changed_at) = 20 AND strftime('%Y-%m-%dT%H:%M:%SZ', changed_at) = changed_at),
    reason     TEXT CHECK (reason IS NULL OR reason <> ''),
    CHECK (old_value IS NOT new_value)
) STRICT;
CREATE INDEX catalog_changes_by_key ON catalog_changes (kind, key, field, id);

-- A change names a source or measure that exists, starts from the value stored now, and
-- is dated now (the default): not earlier, so that the past is never rewritten.
CREATE TRIGGER catalog_changes_name_a_key BEFORE INSERT ON catalog_changes
WHEN NOT EXISTS (SELECT 1 FROM sources WHERE NEW.kind = 'source' AND key = NEW.key)
     AND NOT EXISTS (SELECT 1 FROM measures WHERE NEW.kind = 'measure' AND key = NEW.key)
BEGIN
    SELECT RAISE(ABORT, 'catalog_changes: no such source or measure');
END;
CREATE TRIGGER catalog_changes_start_from_the_stored_value BEFORE INSERT ON catalog_changes
WHEN (EXISTS (SELECT 1 FROM sources WHERE NEW.kind = 'source' AND key = NEW.key)
      OR EXISTS (SELECT 1 FROM measures WHERE NEW.kind = 'measure' AND key = NEW.key))
AND NEW.old_value IS NOT CASE NEW.kind
    WHEN 'source' THEN (
        SELECT CASE NEW.field
            WHEN 'title' THEN title WHEN 'publisher' THEN publisher WHEN 'authors' THEN authors WHEN 'url' THEN url
            WHEN 'published_on' THEN published_on WHEN 'accessed_on' THEN accessed_on WHEN 'language' THEN language
            WHEN 'kind' THEN kind WHEN 'license' THEN license WHEN 'access_note' THEN access_note
            WHEN 'derived_from' THEN derived_from
        END
        FROM sources WHERE key = NEW.key)
    ELSE (
        SELECT CASE NEW.field
            WHEN 'name' THEN name WHEN 'universe' THEN universe WHEN 'attribution' THEN attribution
            WHEN 'description' THEN description
        END
        FROM measures WHERE key = NEW.key)
END
BEGIN
    SELECT RAISE(ABORT, 'catalog_changes: old_value must be the value stored now');
END;
CREATE TRIGGER catalog_changes_are_dated_now BEFORE INSERT ON catalog_changes
WHEN NEW.changed_at > strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
     OR NEW.changed_at < strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-60 seconds')
BEGIN
    SELECT RAISE(ABORT, 'catalog_changes: a change is dated when it is made (leave changed_at to its default)');
END;

CREATE TRIGGER catalog_changes_are_immutable BEFORE UPDATE ON catalog_changes
BEGIN
    SELECT RAISE(ABORT, 'catalog changes are immutable: amend the source or measure again instead');
END;
CREATE TRIGGER catalog_changes_are_kept BEFORE DELETE ON catalog_changes
BEGIN
    SELECT RAISE(ABORT, 'catalog changes are never deleted');
END;

-- An UPDATE of a source changes no key, and each field it changes has, as its latest
-- change, a row from the stored value to the new one.
CREATE TRIGGER sources_keep_their_key BEFORE UPDATE OF key ON sources
WHEN NEW.key IS NOT OLD.key
BEGIN
    SELECT RAISE(ABORT, 'a source''s key never changes: snapshots and citations name it; add a source with the new key');
END;
CREATE TRIGGER sources_change_with_their_history BEFORE UPDATE ON sources
WHEN (NEW.title IS NOT OLD.title AND coalesce((
        SELECT c.old_value IS OLD.title AND c.new_value IS NEW.title FROM catalog_changes AS c
        WHERE c.kind = 'source' AND c.key = OLD.key AND c.field = 'title' ORDER BY c.id DESC LIMIT 1), 0) = 0)
  OR (NEW.publisher IS NOT OLD.publisher AND coalesce((
        SELECT c.old_value IS OLD.publisher AND c.new_value IS NEW.publisher FROM catalog_changes AS c
        WHERE c.kind = 'source' AND c.key = OLD.key AND c.field = 'publisher' ORDER BY c.id DESC LIMIT 1), 0) = 0)
  OR (NEW.authors IS NOT OLD.authors AND coalesce((
        SELECT c.old_value IS OLD.authors AND c.new_value IS NEW.authors FROM catalog_changes AS c
        WHERE c.kind = 'source' AND c.key = OLD.key AND c.field = 'authors' ORDER BY c.id DESC LIMIT 1), 0) = 0)
  OR (NEW.url IS NOT OLD.url AND coalesce((
        SELECT c.old_value IS OLD.url AND c.new_value IS NEW.url FROM catalog_changes AS c
        WHERE c.kind = 'source' AND c.key = OLD.key AND c.field = 'url' ORDER BY c.id DESC LIMIT 1), 0) = 0)
  OR (NEW.published_on IS NOT OLD.published_on AND coalesce((
        SELECT c.old_value IS OLD.published_on AND c.new_value IS NEW.published_on FROM catalog_changes AS c
        WHERE c.kind = 'source' AND c.key = OLD.key AND c.field = 'published_on' ORDER BY c.id DESC LIMIT 1), 0) = 0)
  OR (NEW.accessed_on IS NOT OLD.accessed_on AND coalesce((
        SELECT c.old_value IS OLD.accessed_on AND c.new_value IS NEW.accessed_on FROM catalog_changes AS c
        WHERE c.kind = 'source' AND c.key = OLD.key AND c.field = 'accessed_on' ORDER BY c.id DESC LIMIT 1), 0) = 0)
  OR (NEW.language IS NOT OLD.language AND coalesce((
        SELECT c.old_value IS OLD.language AND c.new_value IS NEW.language FROM catalog_changes AS c
        WHERE c.kind = 'source' AND c.key = OLD.key AND c.field = 'language' ORDER BY c.id DESC LIMIT 1), 0) = 0)
  OR (NEW.kind IS NOT OLD.kind AND coalesce((
        SELECT c.old_value IS OLD.kind AND c.new_value IS NEW.kind FROM catalog_changes AS c
        WHERE c.kind = 'source' AND c.key = OLD.key AND c.field = 'kind' ORDER BY c.id DESC LIMIT 1), 0) = 0)
  OR (NEW.license IS NOT OLD.license AND coalesce((
        SELECT c.old_value IS OLD.license AND c.new_value IS NEW.license FROM catalog_changes AS c
        WHERE c.kind = 'source' AND c.key = OLD.key AND c.field = 'license' ORDER BY c.id DESC LIMIT 1), 0) = 0)
  OR (NEW.access_note IS NOT OLD.access_note AND coalesce((
        SELECT c.old_value IS OLD.access_note AND c.new_value IS NEW.access_note FROM catalog_changes AS c
        WHERE c.kind = 'source' AND c.key = OLD.key AND c.field = 'access_note' ORDER BY c.id DESC LIMIT 1), 0) = 0)
  OR (NEW.derived_from IS NOT OLD.derived_from AND coalesce((
        SELECT c.old_value IS OLD.derived_from AND c.new_value IS NEW.derived_from FROM catalog_changes AS c
        WHERE c.kind = 'source' AND c.key = OLD.key AND c.field = 'derived_from' ORDER BY c.id DESC LIMIT 1), 0) = 0)
BEGIN
    SELECT RAISE(ABORT, 'sources change only with their history: use `sharehouse sources amend`');
END;
CREATE TRIGGER sources_are_kept BEFORE DELETE ON sources
BEGIN
    SELECT RAISE(ABORT, 'sources are never deleted: the citations of earlier reports name them');
END;
-- INSERT OR REPLACE would delete the row without the DELETE trigger (recursive triggers
-- are off) and write another without history.
CREATE TRIGGER sources_are_not_replaced BEFORE INSERT ON sources
WHEN EXISTS (SELECT 1 FROM sources WHERE key = NEW.key)
BEGIN
    SELECT RAISE(ABORT, 'a source with this key is stored: use `sharehouse sources amend` to change it');
END;

-- The same for measures; the unit never changes.
CREATE TRIGGER measures_keep_their_key_and_unit BEFORE UPDATE OF key, unit ON measures
WHEN NEW.key IS NOT OLD.key OR NEW.unit IS NOT OLD.unit
BEGIN
    SELECT RAISE(ABORT, 'a measure''s key and unit never change: its figures would change meaning; add a measure with its own key');
END;
CREATE TRIGGER measures_change_with_their_history BEFORE UPDATE ON measures
WHEN (NEW.name IS NOT OLD.name AND coalesce((
        SELECT c.old_value IS OLD.name AND c.new_value IS NEW.name FROM catalog_changes AS c
        WHERE c.kind = 'measure' AND c.key = OLD.key AND c.field = 'name' ORDER BY c.id DESC LIMIT 1), 0) = 0)
  OR (NEW.universe IS NOT OLD.universe AND coalesce((
        SELECT c.old_value IS OLD.universe AND c.new_value IS NEW.universe FROM catalog_changes AS c
        WHERE c.kind = 'measure' AND c.key = OLD.key AND c.field = 'universe' ORDER BY c.id DESC LIMIT 1), 0) = 0)
  OR (NEW.attribution IS NOT OLD.attribution AND coalesce((
        SELECT c.old_value IS OLD.attribution AND c.new_value IS NEW.attribution FROM catalog_changes AS c
        WHERE c.kind = 'measure' AND c.key = OLD.key AND c.field = 'attribution' ORDER BY c.id DESC LIMIT 1), 0) = 0)
  OR (NEW.description IS NOT OLD.description AND coalesce((
        SELECT c.old_value IS OLD.description AND c.new_value IS NEW.description FROM catalog_changes AS c
        WHERE c.kind = 'measure' AND c.key = OLD.key AND c.field = 'description' ORDER BY c.id DESC LIMIT 1), 0) = 0)
BEGIN
    SELECT RAISE(ABORT, 'measures change only with their history: use `sharehouse measures amend`');
END;
CREATE TRIGGER measures_are_kept BEFORE DELETE ON measures
BEGIN
    SELECT RAISE(ABORT, 'measures are never deleted: the figures of their snapshots name them');
END;
CREATE TRIGGER measures_are_not_replaced BEFORE INSERT ON measures
WHEN EXISTS (SELECT 1 FROM measures WHERE key = NEW.key)
BEGIN
    SELECT RAISE(ABORT, 'a measure with this key is stored: use `sharehouse measures amend` to change it');
END;
