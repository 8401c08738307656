// The import baseline: the same rows into the same schema, with one prepared statement
// in one transaction, and nothing else: no validation, no citations, no hash.
//
// With --lean, the same facts into the leanest schema that still serves the four
// reference queries (series, compare, concentration, crossovers: Queries.swift), made
// here in a new file: periods, snapshots (with the index that finds a measure's series)
// and observations keyed (snapshot, period, entity). No catalogue, entities, foreign keys,
// triggers, coverage table, digests or second index.
//
// usage: raw-insert [--lean] DB FILE...   where each FILE is the harness's long CSV
// (entity,period,value with YYYY-MM periods) named sS-vV.csv (source S, vintage V).
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void check(sqlite3 *db, int rc, const char *what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        fprintf(stderr, "raw-insert: %s: %s\n", what, sqlite3_errmsg(db));
        exit(1);
    }
}

int main(int argc, char **argv) {
    int lean = argc > 1 && strcmp(argv[1], "--lean") == 0;
    if (lean) { argv++; argc--; }
    if (argc < 3) { fprintf(stderr, "usage: raw-insert [--lean] DB FILE...\n"); return 64; }
    sqlite3 *db;
    check(db, sqlite3_open(argv[1], &db), "open");
    // RAW_INSERT_FOREIGN_KEYS=0 turns the foreign keys off: what they cost (BENCHMARKS.md,
    // "Where the share import's time goes").
    const char *keys = getenv("RAW_INSERT_FOREIGN_KEYS");
    check(db, sqlite3_exec(db, keys && strcmp(keys, "0") == 0
                                   ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF;"
                                   : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;", 0, 0, 0), "pragmas");
    if (lean) {
        check(db, sqlite3_exec(db,
            "CREATE TABLE periods (id INTEGER PRIMARY KEY, start_date TEXT NOT NULL, end_date TEXT NOT NULL, "
            "                      UNIQUE (start_date, end_date));"
            "CREATE TABLE snapshots (id INTEGER PRIMARY KEY, measure TEXT NOT NULL, source TEXT NOT NULL, published_on TEXT NOT NULL);"
            "CREATE INDEX snapshots_by_series ON snapshots (measure, source, published_on);"
            "CREATE TABLE observations (snapshot_id INTEGER NOT NULL, period_id INTEGER NOT NULL, entity_code TEXT NOT NULL, "
            "                           value REAL NOT NULL, decimals INTEGER NOT NULL, "
            "                           PRIMARY KEY (snapshot_id, period_id, entity_code)) WITHOUT ROWID;", 0, 0, 0), "lean schema");
    }
    check(db, sqlite3_exec(db, "BEGIN IMMEDIATE;", 0, 0, 0), "begin");
    if (!lean) {
        check(db, sqlite3_exec(db,
            "INSERT INTO measures (key, name, unit, universe, attribution) VALUES "
            "('bench_share', 'Benchmark share (synthetic)', 'percent', 'synthetic', 'synthetic');", 0, 0, 0), "measure");
    }
    sqlite3_stmt *source, *snapshot, *period_find, *period_add, *observation;
    // Not INSERT OR IGNORE: the schema refuses any insert of a stored key (migration 9),
    // since SQLite runs a BEFORE INSERT trigger before it resolves the conflict. (The lean
    // schema has no sources table: the same statement on a scratch table.)
    if (lean) check(db, sqlite3_exec(db, "CREATE TEMP TABLE sources (key TEXT PRIMARY KEY);", 0, 0, 0), "lean sources");
    check(db, sqlite3_prepare_v2(db, lean ? "INSERT INTO sources (key) SELECT ?1 WHERE NOT EXISTS (SELECT 1 FROM sources WHERE key = ?1)"
                                          : "INSERT INTO sources (key, title, url, kind) SELECT ?1, 'Benchmark source (synthetic)', "
                                            "'https://example.invalid/bench', 'dataset' WHERE NOT EXISTS (SELECT 1 FROM sources WHERE key = ?1)",
                                 -1, &source, 0), "prepare source");
    check(db, sqlite3_prepare_v2(db, lean ? "INSERT INTO snapshots (id, measure, source, published_on) VALUES (?, 'bench_share', ?, ?)"
                                          : "INSERT INTO snapshots (id, measure, source, published_on, imported_at, content_sha256, "
                                            "verification, coverage) VALUES (?, 'bench_share', ?, ?, '2026-01-01T00:00:00Z', "
                                            "printf('%064d', ?), 'primary', 'complete')", -1, &snapshot, 0), "prepare snapshot");
    check(db, sqlite3_prepare_v2(db, "SELECT id FROM periods WHERE start_date = ? AND end_date = ?", -1, &period_find, 0), "prepare find");
    check(db, sqlite3_prepare_v2(db, "INSERT INTO periods (start_date, end_date) VALUES (?, ?)", -1, &period_add, 0), "prepare period");
    check(db, sqlite3_prepare_v2(db, "INSERT INTO observations (snapshot_id, period_id, entity_code, value, decimals) "
                                     "VALUES (?, ?, ?, ?, ?)", -1, &observation, 0), "prepare observation");
    static sqlite3_int64 period_ids[12 * 400];
    memset(period_ids, 0, sizeof(period_ids));
    long rows = 0;
    for (int f = 2; f < argc; f++) {
        const char *name = strrchr(argv[f], '/') ? strrchr(argv[f], '/') + 1 : argv[f];
        int s = 0, v = 0;
        sscanf(name, "s%d-v%d.csv", &s, &v);
        char key[32], published[16];
        snprintf(key, sizeof key, "bench-s%d", s);
        snprintf(published, sizeof published, "2026-%02d-01", v);
        sqlite3_bind_text(source, 1, key, -1, SQLITE_TRANSIENT);
        check(db, sqlite3_step(source), "source"); sqlite3_reset(source);
        sqlite3_bind_int64(snapshot, 1, f - 1);
        sqlite3_bind_text(snapshot, 2, key, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(snapshot, 3, published, -1, SQLITE_TRANSIENT);
        if (!lean) sqlite3_bind_int64(snapshot, 4, f - 1);
        check(db, sqlite3_step(snapshot), "snapshot"); sqlite3_reset(snapshot);
        FILE *in = fopen(argv[f], "r");
        if (!in) { perror(argv[f]); return 66; }
        char line[256];
        if (!fgets(line, sizeof line, in)) { fclose(in); continue; }  // header
        while (fgets(line, sizeof line, in)) {
            char *entity = strtok(line, ","), *text = strtok(0, ","), *value = strtok(0, ",\r\n");
            if (!entity || !text || !value) continue;
            int year = atoi(text), month = atoi(text + 5);
            int slot = (year - 1900) * 12 + month - 1;
            if (!period_ids[slot]) {
                static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
                int last = days[month - 1] + (month == 2 && ((year % 4 == 0 && year % 100) || year % 400 == 0));
                char start[16], end[16];
                snprintf(start, sizeof start, "%04d-%02d-01", year, month);
                snprintf(end, sizeof end, "%04d-%02d-%02d", year, month, last);
                sqlite3_bind_text(period_find, 1, start, -1, SQLITE_TRANSIENT);
                sqlite3_bind_text(period_find, 2, end, -1, SQLITE_TRANSIENT);
                if (sqlite3_step(period_find) == SQLITE_ROW) {
                    period_ids[slot] = sqlite3_column_int64(period_find, 0);
                } else {
                    sqlite3_bind_text(period_add, 1, start, -1, SQLITE_TRANSIENT);
                    sqlite3_bind_text(period_add, 2, end, -1, SQLITE_TRANSIENT);
                    check(db, sqlite3_step(period_add), "period"); sqlite3_reset(period_add);
                    period_ids[slot] = sqlite3_last_insert_rowid(db);
                }
                sqlite3_reset(period_find);
            }
            const char *point = strchr(value, '.');
            sqlite3_bind_int64(observation, 1, f - 1);
            sqlite3_bind_int64(observation, 2, period_ids[slot]);
            sqlite3_bind_text(observation, 3, entity, -1, SQLITE_STATIC);
            sqlite3_bind_double(observation, 4, strtod(value, 0));
            sqlite3_bind_int(observation, 5, point ? (int)strlen(point + 1) : 0);
            check(db, sqlite3_step(observation), "observation");
            sqlite3_reset(observation);
            rows++;
        }
        fclose(in);
    }
    check(db, sqlite3_exec(db, "COMMIT;", 0, 0, 0), "commit");
    sqlite3_finalize(source); sqlite3_finalize(snapshot); sqlite3_finalize(period_find);
    sqlite3_finalize(period_add); sqlite3_finalize(observation);
    sqlite3_close(db);
    printf("%ld\n", rows);
    return 0;
}
