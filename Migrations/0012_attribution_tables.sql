-- Sharehouse warehouse schema, version 12: attribution tables.
--
-- Which country (or bucket: USER for individuals, INTL for international or online
-- communities, UNKNOWN) each Hub author or organisation is attributed to, with the kind
-- of organisation and the basis for it. A table is imported whole as a new version and
-- never changed; every derived figure records the version it used (migration 13).
CREATE TABLE attribution_versions (
    version        INTEGER PRIMARY KEY,
    source         TEXT NOT NULL REFERENCES sources (key),
    imported_at    TEXT NOT NULL,
    file_name      TEXT,
    -- Of the canonical content: the same table imported again writes nothing.
    content_sha256 TEXT NOT NULL UNIQUE
                   CHECK (length(content_sha256) = 64 AND content_sha256 NOT GLOB '*[^0-9a-f]*'),
    authors        INTEGER NOT NULL CHECK (authors > 0)
) STRICT;

CREATE TABLE attributions (
    version     INTEGER NOT NULL REFERENCES attribution_versions (version),
    -- The author lower-cased: the Hub treats `Qwen` and `qwen` as one account.
    author_key  TEXT NOT NULL CHECK (author_key <> '' AND author_key = lower(author_key)),
    author      TEXT NOT NULL CHECK (author <> ''),
    entity_code TEXT NOT NULL REFERENCES entities (code),
    kind        TEXT NOT NULL
                CHECK (kind IN ('company', 'university', 'nonprofit', 'government', 'community', 'individual')),
    url         TEXT CHECK (url IS NULL OR url GLOB 'http://*' OR url GLOB 'https://*'),
    note        TEXT,
    PRIMARY KEY (version, author_key)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER attribution_versions_are_immutable BEFORE UPDATE ON attribution_versions
BEGIN
    SELECT RAISE(ABORT, 'attribution versions are immutable: import a new version instead');
END;
CREATE TRIGGER attribution_versions_are_kept BEFORE DELETE ON attribution_versions
BEGIN
    SELECT RAISE(ABORT, 'attribution versions are never deleted');
END;
CREATE TRIGGER attributions_are_immutable BEFORE UPDATE ON attributions
BEGIN
    SELECT RAISE(ABORT, 'attributions are immutable: import a new version instead');
END;
CREATE TRIGGER attributions_are_kept BEFORE DELETE ON attributions
BEGIN
    SELECT RAISE(ABORT, 'attributions are never deleted');
END;
