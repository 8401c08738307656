// The query baseline: hand-written SQL straight through the C API.
//
// usage: raw-query DB REPEATS SQL [BATCH]
// Times REPEATS samples of BATCH runs of SQL (default 1), reading every row, and prints
// the median time of one run in microseconds, the number of rows and a checksum of the
// numeric columns (to check that the library computed the same answer).
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now_us(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);  // CPU time, as the harness measures the library
    return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static long rows_seen = 0;
static double checksum_seen = 0;

// One run of the statement, reading every row: the function callgrind counts
// (valgrind --toggle-collect=run_once), called after a first run has warmed the caches.
__attribute__((noinline)) void run_once(sqlite3_stmt *statement) {
    rows_seen = 0;
    checksum_seen = 0;
    int columns = sqlite3_column_count(statement);
    while (sqlite3_step(statement) == SQLITE_ROW) {
        rows_seen++;
        for (int c = 0; c < columns; c++) {
            int type = sqlite3_column_type(statement, c);
            if (type == SQLITE_FLOAT || type == SQLITE_INTEGER) checksum_seen += sqlite3_column_double(statement, c);
        }
    }
    sqlite3_reset(statement);
}

int main(int argc, char **argv) {
    if (argc != 4 && argc != 5) { fprintf(stderr, "usage: raw-query DB REPEATS SQL [BATCH]\n"); return 64; }
    int batch = argc == 5 ? atoi(argv[4]) : 1;
    if (batch < 1) batch = 1;
    sqlite3 *db;
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, 0) != SQLITE_OK) { fprintf(stderr, "open\n"); return 1; }
    int repeats = atoi(argv[2]);
    double *times = malloc(sizeof(double) * repeats);
    long rows = 0;
    double checksum = 0;
    // Prepared once and reset, as a careful C program (and the library's statement
    // cache) would: the baseline is the best raw SQLite can do.
    sqlite3_stmt *statement;
    if (sqlite3_prepare_v2(db, argv[3], -1, &statement, 0) != SQLITE_OK) {
        fprintf(stderr, "raw-query: %s\n", sqlite3_errmsg(db));
        return 1;
    }
    run_once(statement);  // warm: pages in the cache, as for the library's runs
    for (int r = 0; r < repeats; r++) {
        double started = now_us();
        for (int b = 0; b < batch; b++) run_once(statement);
        times[r] = (now_us() - started) / batch;
    }
    rows = rows_seen;
    checksum = checksum_seen;
    sqlite3_finalize(statement);
    qsort(times, repeats, sizeof(double), compare);
    printf("%.1f %ld %.6f\n", times[repeats / 2], rows, checksum);
    sqlite3_close(db);
    return 0;
}
