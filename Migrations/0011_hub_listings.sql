-- Sharehouse warehouse schema, version 11: model listings, the Hub's own counts.
--
-- A listing is one retrieval of per-model download counts (the Hub's model listing API,
-- or rows of the study's released dataset), stored like a snapshot: cited by a source,
-- dated, and never changed. Country shares are derived from a listing and an attribution
-- table (migrations 12 and 13); the listing keeps the counts as retrieved.
--
-- Sizes: a month of the whole Hub is about two million models, a few hundred thousand
-- with downloads in the window; only those are stored. Rows are keyed by (listing, model)
-- in a WITHOUT ROWID table, so one listing is one contiguous range of the B-tree and a
-- derivation reads it in one range scan, with no second index to keep up on import.
CREATE TABLE listings (
    id             INTEGER PRIMARY KEY,
    source         TEXT NOT NULL REFERENCES sources (key),
    retrieved_on   TEXT NOT NULL CHECK (date(retrieved_on) = retrieved_on),
    -- Downloads are counted over this many days up to retrieved_on (30 for the Hub's
    -- `downloads` field).
    window_days    INTEGER NOT NULL CHECK (window_days > 0),
    -- How the counts were given: the Hub's listing API (`hub_api`) or the study's released
    -- dataset (`study_dataset`, whose own country columns are kept).
    shape          TEXT NOT NULL CHECK (shape IN ('hub_api', 'study_dataset')),
    imported_at    TEXT NOT NULL,
    file_names     TEXT,
    -- Of the canonical content (source, date, window, every stored model): the same
    -- listing imported again writes nothing.
    content_sha256 TEXT NOT NULL UNIQUE
                   CHECK (length(content_sha256) = 64 AND content_sha256 NOT GLOB '*[^0-9a-f]*'),
    models         INTEGER NOT NULL CHECK (models >= 0),
    -- Models read without downloads in the window, not stored.
    models_skipped INTEGER NOT NULL CHECK (models_skipped >= 0)
) STRICT;

CREATE TABLE listing_models (
    listing_id          INTEGER NOT NULL REFERENCES listings (id),
    -- The repository id as the Hub writes it: `org/name` (or a bare name for old models).
    model               TEXT NOT NULL CHECK (model <> ''),
    -- The account that published it, as given (else the part of the id before `/`).
    author              TEXT NOT NULL CHECK (author <> ''),
    downloads           INTEGER NOT NULL CHECK (downloads > 0),
    downloads_all_time  INTEGER CHECK (downloads_all_time IS NULL OR downloads_all_time >= 0),
    created_on          TEXT CHECK (created_on IS NULL OR date(created_on) = created_on),
    pipeline_tag        TEXT,
    library             TEXT,
    -- The study dataset's own attribution (`org_country_single`,
    -- `derived_org_country_single`), as written there; NULL for the Hub's listings.
    org_country         TEXT,
    derived_org_country TEXT,
    PRIMARY KEY (listing_id, model)
) STRICT, WITHOUT ROWID;

-- The models a model names as its base (`base_model:ORG/NAME` tags and their
-- `finetune:`, `quantized:`, `adapter:`, `merge:` forms; the study's `merged_derived_from`).
-- A base need not be in the listing.
CREATE TABLE listing_bases (
    listing_id INTEGER NOT NULL,
    model      TEXT NOT NULL,
    base_model TEXT NOT NULL CHECK (base_model <> ''),
    relation   TEXT NOT NULL CHECK (relation IN ('base', 'finetune', 'quantized', 'adapter', 'merge')),
    PRIMARY KEY (listing_id, model, base_model),
    FOREIGN KEY (listing_id, model) REFERENCES listing_models (listing_id, model)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER listings_are_immutable BEFORE UPDATE ON listings
BEGIN
    SELECT RAISE(ABORT, 'listings are immutable: import a new listing instead');
END;
CREATE TRIGGER listings_are_kept BEFORE DELETE ON listings
BEGIN
    SELECT RAISE(ABORT, 'listings are never deleted');
END;
CREATE TRIGGER listing_models_are_immutable BEFORE UPDATE ON listing_models
BEGIN
    SELECT RAISE(ABORT, 'listing models are immutable: import a new listing instead');
END;
CREATE TRIGGER listing_models_are_kept BEFORE DELETE ON listing_models
BEGIN
    SELECT RAISE(ABORT, 'listing models are never deleted');
END;
CREATE TRIGGER listing_bases_are_immutable BEFORE UPDATE ON listing_bases
BEGIN
    SELECT RAISE(ABORT, 'listing bases are immutable: import a new listing instead');
END;
CREATE TRIGGER listing_bases_are_kept BEFORE DELETE ON listing_bases
BEGIN
    SELECT RAISE(ABORT, 'listing bases are never deleted');
END;
