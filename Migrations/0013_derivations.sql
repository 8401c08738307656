-- Sharehouse warehouse schema, version 13: shares derived from a listing.
--
-- A derivation sums a listing's downloads by country under an attribution table and a
-- method, and stores the result as two ordinary snapshots (downloads per country, a count;
-- shares in percent) of a source that stands for the derivation (one per listing source,
-- method and filters, relaying the listing's source), so that month after month they form
-- one series. This table says what each derived snapshot read, so that its figures can be
-- reproduced and explained (`report contributors`) and its citation names the listing and
-- the attribution table. The same listing under another attribution version is a
-- correction of the same publication (migration 8): a new vintage.
CREATE TABLE derivations (
    snapshot_id         INTEGER PRIMARY KEY REFERENCES snapshots (id),
    listing_id          INTEGER NOT NULL REFERENCES listings (id),
    -- NULL for the dataset-columns method, which reads the study's own columns.
    attribution_version INTEGER REFERENCES attribution_versions (version),
    method              TEXT NOT NULL CHECK (method IN ('publisher', 'base_model', 'dataset_columns')),
    -- The filters and rounding, as canonical JSON ({"decimals":2,"pipeline_tag":...}).
    options             TEXT NOT NULL CHECK (json_valid(options)),
    CHECK ((method = 'dataset_columns') = (attribution_version IS NULL))
) STRICT;
CREATE INDEX derivations_by_listing ON derivations (listing_id);

CREATE TRIGGER derivations_are_immutable BEFORE UPDATE ON derivations
BEGIN
    SELECT RAISE(ABORT, 'derivations are immutable');
END;
CREATE TRIGGER derivations_are_kept BEFORE DELETE ON derivations
BEGIN
    SELECT RAISE(ABORT, 'derivations are never deleted');
END;
