-- Sharehouse warehouse schema, version 1: the core tables.
--
-- Every figure is an observation inside a snapshot (one import, one vintage); a snapshot
-- names its measure (what is counted, over which universe, attributed how) and its source
-- (the citation). Nothing an import wrote is ever updated or deleted: the triggers at the
-- end of this file refuse it, so the only way to change a figure is a new snapshot.
--
-- Tables are STRICT (SQLite 3.37+): a value of the wrong type is an error, never coerced.
-- Dates are ISO 8601 text (YYYY-MM-DD), checked with date(x) = x.

-- Countries (ISO 3166-1 alpha-2 codes), groups with members (EU) and other buckets
-- that real sources report as if they were countries ("International/Online", "User").
CREATE TABLE entities (
    code        TEXT PRIMARY KEY NOT NULL
                CHECK (length(code) BETWEEN 2 AND 16 AND code NOT GLOB '*[^A-Z0-9_]*'),
    kind        TEXT NOT NULL CHECK (kind IN ('country', 'group', 'other')),
    name_en     TEXT NOT NULL CHECK (name_en <> ''),
    name_ar     TEXT CHECK (name_ar <> ''),
    iso3        TEXT UNIQUE CHECK (iso3 IS NULL OR (length(iso3) = 3 AND iso3 NOT GLOB '*[^A-Z]*')),
    iso_numeric TEXT UNIQUE CHECK (iso_numeric IS NULL OR (length(iso_numeric) = 3 AND iso_numeric NOT GLOB '*[^0-9]*')),
    description TEXT,
    CHECK (kind = 'country' OR (iso3 IS NULL AND iso_numeric IS NULL))
) STRICT, WITHOUT ROWID;

-- Other spellings of an entity's name, as real tables write them ("USA", "Britain",
-- "أمريكا"). Stored as written; the resolver normalizes case, Unicode, diacritics and
-- Arabic letter variants when it loads them, so one row covers every variant.
CREATE TABLE entity_aliases (
    alias TEXT PRIMARY KEY NOT NULL CHECK (alias <> ''),
    code  TEXT NOT NULL REFERENCES entities (code)
) STRICT, WITHOUT ROWID;
CREATE INDEX entity_aliases_by_code ON entity_aliases (code);

-- Membership of a group entity, with the dates it held (the UK left the EU on 2020-01-31).
-- member_until is the last day of membership; NULL means still a member.
CREATE TABLE group_members (
    group_code   TEXT NOT NULL REFERENCES entities (code),
    member_code  TEXT NOT NULL REFERENCES entities (code),
    member_from  TEXT CHECK (member_from IS NULL OR date(member_from) = member_from),
    member_until TEXT CHECK (member_until IS NULL OR date(member_until) = member_until),
    PRIMARY KEY (group_code, member_code),
    CHECK (group_code <> member_code),
    CHECK (member_from IS NULL OR member_until IS NULL OR member_from <= member_until)
) STRICT, WITHOUT ROWID;
CREATE INDEX group_members_by_member ON group_members (member_code);

-- What a figure measures. Figures of different measures are never one series:
-- "share of downloads" over a study's model set is not the same as over the whole Hub.
CREATE TABLE measures (
    key         TEXT PRIMARY KEY NOT NULL
                CHECK (length(key) BETWEEN 1 AND 64 AND key NOT GLOB '*[^a-z0-9_.-]*'),
    name        TEXT NOT NULL CHECK (name <> ''),
    unit        TEXT NOT NULL CHECK (unit IN ('percent', 'count')),
    universe    TEXT NOT NULL CHECK (universe <> ''),
    attribution TEXT NOT NULL CHECK (attribution <> ''),
    description TEXT
) STRICT, WITHOUT ROWID;

-- Citations. derived_from chains a report to what it relays
-- (article -> newspaper -> study); access_note says "paywalled", "mirror", "date inferred".
CREATE TABLE sources (
    key          TEXT PRIMARY KEY NOT NULL
                 CHECK (length(key) BETWEEN 1 AND 64 AND key NOT GLOB '*[^a-z0-9_.-]*'),
    title        TEXT NOT NULL CHECK (title <> ''),
    publisher    TEXT,
    authors      TEXT,
    url          TEXT CHECK (url IS NULL OR url GLOB 'http://*' OR url GLOB 'https://*'),
    published_on TEXT CHECK (published_on IS NULL OR date(published_on) = published_on),
    accessed_on  TEXT CHECK (accessed_on IS NULL OR date(accessed_on) = accessed_on),
    language     TEXT,
    kind         TEXT NOT NULL CHECK (kind IN ('study', 'news', 'dataset', 'report')),
    license      TEXT,
    access_note  TEXT,
    derived_from TEXT REFERENCES sources (key),
    CHECK (derived_from IS NULL OR derived_from <> key)
) STRICT, WITHOUT ROWID;

-- A window of time, inclusive at both ends: a month, a quarter, a year,
-- "12 months ending 2025-08" (2024-09-01 .. 2025-08-31), or any span of days.
CREATE TABLE periods (
    id         INTEGER PRIMARY KEY,
    start_date TEXT NOT NULL CHECK (date(start_date) = start_date),
    end_date   TEXT NOT NULL CHECK (date(end_date) = end_date),
    UNIQUE (start_date, end_date),
    CHECK (start_date <= end_date)
) STRICT;
CREATE INDEX periods_by_end ON periods (end_date, start_date);

-- One import: one vintage of one measure from one source.
CREATE TABLE snapshots (
    id             INTEGER PRIMARY KEY,
    measure        TEXT NOT NULL REFERENCES measures (key),
    source         TEXT NOT NULL REFERENCES sources (key),
    published_on   TEXT NOT NULL CHECK (date(published_on) = published_on),
    imported_at    TEXT NOT NULL,
    content_sha256 TEXT NOT NULL
                   CHECK (length(content_sha256) = 64 AND content_sha256 NOT GLOB '*[^0-9a-f]*'),
    file_name      TEXT,
    verification   TEXT NOT NULL CHECK (verification IN ('primary', 'secondary', 'unverified')),
    coverage       TEXT NOT NULL CHECK (coverage IN ('complete', 'top_n')),
    note           TEXT,
    UNIQUE (measure, source, published_on, content_sha256)
) STRICT;
CREATE INDEX snapshots_by_series ON snapshots (measure, source, published_on);

-- The figures. decimals is the precision as published (17.10 -> 2), so the value is
-- shown back exactly as the source printed it.
CREATE TABLE observations (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    period_id   INTEGER NOT NULL REFERENCES periods (id),
    entity_code TEXT NOT NULL REFERENCES entities (code),
    value       REAL NOT NULL,
    decimals    INTEGER NOT NULL CHECK (decimals BETWEEN 0 AND 12),
    PRIMARY KEY (snapshot_id, period_id, entity_code)
) STRICT, WITHOUT ROWID;
CREATE INDEX observations_by_entity ON observations (entity_code, period_id);
CREATE INDEX observations_by_period ON observations (period_id, snapshot_id);

-- Nothing imported is ever overwritten or deleted.
CREATE TRIGGER observations_are_immutable BEFORE UPDATE ON observations
BEGIN
    SELECT RAISE(ABORT, 'observations are immutable: import a new snapshot instead');
END;
CREATE TRIGGER observations_are_kept BEFORE DELETE ON observations
BEGIN
    SELECT RAISE(ABORT, 'observations are never deleted: import a new snapshot instead');
END;
CREATE TRIGGER snapshots_are_immutable BEFORE UPDATE ON snapshots
BEGIN
    SELECT RAISE(ABORT, 'snapshots are immutable: import a new snapshot instead');
END;
CREATE TRIGGER snapshots_are_kept BEFORE DELETE ON snapshots
BEGIN
    SELECT RAISE(ABORT, 'snapshots are never deleted');
END;
