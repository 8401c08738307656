// The listing import's baseline: the same NDJSON read a line at a time, the same rows
// written into the same tables (listing_models, listing_bases) of a warehouse that
// `sharehouse init` made, with one prepared statement per table in one transaction, and
// nothing else: no JSON parser (the fields are found by their names in the Hub's compact
// form, as Benchmarks/Listing/generate.py writes it), no checks, no hash, no receipt. A base
// named twice by a model keeps its last tag (the generator writes the plain one first and
// then the one with its relation), as the import keeps the more specific relation.
//
// usage: raw-listing-insert DB LISTING.ndjson SOURCE RETRIEVED_ON
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void check(sqlite3 *db, int rc, const char *what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        fprintf(stderr, "raw-listing-insert: %s: %s\n", what, sqlite3_errmsg(db));
        exit(1);
    }
}

// The string value of "name": in `line`, bound to `statement` at `index` (NULL when absent
// or null). The Hub's strings here have no escapes.
static void bind_string(sqlite3_stmt *statement, int index, const char *line, const char *name, int prefix) {
    const char *found = strstr(line, name);
    if (!found || found[strlen(name)] != '"') { sqlite3_bind_null(statement, index); return; }
    const char *start = found + strlen(name) + 1;
    const char *end = strchr(start, '"');
    int length = (int)(end - start);
    if (prefix > 0 && length > prefix) length = prefix;
    sqlite3_bind_text(statement, index, start, length, SQLITE_STATIC);
}

static long long number(const char *line, const char *name, int *present) {
    const char *found = strstr(line, name);
    *present = found && found[strlen(name)] != 'n';
    return *present ? strtoll(found + strlen(name), 0, 10) : 0;
}

int main(int argc, char **argv) {
    if (argc != 5) { fprintf(stderr, "usage: raw-listing-insert DB LISTING.ndjson SOURCE RETRIEVED_ON\n"); return 64; }
    sqlite3 *db;
    check(db, sqlite3_open(argv[1], &db), "open");
    check(db, sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;", 0, 0, 0), "pragmas");
    check(db, sqlite3_exec(db, "BEGIN IMMEDIATE;", 0, 0, 0), "begin");
    sqlite3_stmt *listing, *model, *base;
    check(db, sqlite3_prepare_v2(db, "INSERT INTO listings (id, source, retrieved_on, window_days, shape, imported_at, content_sha256, "
                                     "models, models_skipped) VALUES (1, ?, ?, 30, 'hub_api', '2026-01-01T00:00:00Z', "
                                     "printf('%064d', 1), 0, 0)", -1, &listing, 0), "prepare listing");
    sqlite3_bind_text(listing, 1, argv[3], -1, SQLITE_STATIC);
    sqlite3_bind_text(listing, 2, argv[4], -1, SQLITE_STATIC);
    check(db, sqlite3_step(listing), "listing");
    check(db, sqlite3_prepare_v2(db, "INSERT INTO listing_models (listing_id, model, author, downloads, downloads_all_time, created_on, "
                                     "pipeline_tag, library) VALUES (1, ?, ?, ?, ?, ?, ?, ?)", -1, &model, 0), "prepare model");
    check(db, sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO listing_bases (listing_id, model, base_model, relation) VALUES (1, ?, ?, ?)",
                                 -1, &base, 0), "prepare base");
    FILE *in = fopen(argv[2], "r");
    if (!in) { perror(argv[2]); return 66; }
    char *line = 0;
    size_t capacity = 0;
    long read = 0, stored = 0, bases = 0;
    while (getline(&line, &capacity, in) > 0) {
        read++;
        int present;
        long long downloads = number(line, "\"downloads\":", &present);
        if (downloads <= 0) continue;
        bind_string(model, 1, line, "\"id\":", 0);
        bind_string(model, 2, line, "\"author\":", 0);
        sqlite3_bind_int64(model, 3, downloads);
        long long all_time = number(line, "\"downloadsAllTime\":", &present);
        if (present) sqlite3_bind_int64(model, 4, all_time); else sqlite3_bind_null(model, 4);
        bind_string(model, 5, line, "\"createdAt\":", 10);
        bind_string(model, 6, line, "\"pipeline_tag\":", 0);
        bind_string(model, 7, line, "\"library_name\":", 0);
        check(db, sqlite3_step(model), "model");
        // Each "base_model:[RELATION:]ORG/NAME" tag.
        for (const char *tag = strstr(line, "\"base_model:"); tag; tag = strstr(tag + 1, "\"base_model:")) {
            const char *start = tag + strlen("\"base_model:");
            const char *end = strchr(start, '"');
            const char *colon = memchr(start, ':', (size_t)(end - start));
            const char *relation = "base";
            int relation_length = 4;
            if (colon) { relation = start; relation_length = (int)(colon - start); start = colon + 1; }
            bind_string(base, 1, line, "\"id\":", 0);
            sqlite3_bind_text(base, 2, start, (int)(end - start), SQLITE_STATIC);
            sqlite3_bind_text(base, 3, relation, relation_length, SQLITE_STATIC);
            check(db, sqlite3_step(base), "base");
            sqlite3_reset(base);
            bases++;
        }
        sqlite3_reset(model);
        stored++;
    }
    check(db, sqlite3_exec(db, "COMMIT;", 0, 0, 0), "commit");
    printf("%ld read, %ld stored, %ld bases\n", read, stored, bases);
    free(line);
    fclose(in);
    sqlite3_finalize(listing);
    sqlite3_finalize(model);
    sqlite3_finalize(base);
    return sqlite3_close(db) == SQLITE_OK ? 0 : 1;
}
