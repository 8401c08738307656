-- Sharehouse warehouse schema, version 5: a snapshot is written first and sealed last.
--
-- An import writes its snapshot row before its figures (so that every foreign key holds
-- at once and nothing needs deferring), with a content hash of 64 zeros that stands for
-- "not sealed yet". When every figure is in, the importer computes the real hash and
-- seals the row, in the same transaction. Sealing is the one change a snapshot row may
-- ever see: anything else, or a change to a sealed row, is refused as before.
DROP TRIGGER snapshots_are_immutable;

CREATE TRIGGER snapshots_are_immutable BEFORE UPDATE ON snapshots
WHEN NOT (
    OLD.content_sha256 = '0000000000000000000000000000000000000000000000000000000000000000'
    AND NEW.content_sha256 <> OLD.content_sha256
    AND NEW.id = OLD.id AND NEW.measure = OLD.measure AND NEW.source = OLD.source
    AND NEW.published_on = OLD.published_on AND NEW.imported_at = OLD.imported_at
    AND NEW.file_name IS OLD.file_name AND NEW.verification = OLD.verification
    AND NEW.coverage = OLD.coverage AND NEW.note IS OLD.note
)
BEGIN
    SELECT RAISE(ABORT, 'snapshots are immutable: import a new snapshot instead');
END;
