#!/usr/bin/env python3
"""What a listing of the whole Hub costs: import and derivation against DuckDB, one run.

    python3 Benchmarks/Listing/run.py [--models 2000000] [--work DIR]

Builds `sharehouse` in release mode, writes a synthetic listing of the Hub's shape
(Benchmarks/Listing/generate.py: SYNTHETIC, never cite it) unless it is in DIR already,
then measures, each under /usr/bin/time (wall seconds, peak resident memory):

- `sharehouse listing import` of the NDJSON (every model read, those with downloads stored);
- its baseline: a raw C loop (Benchmarks/Sources/RawListingInsert, built with the system's
  C compiler) reading the same NDJSON and inserting the same rows into the same tables of
  a fresh warehouse, one prepared statement per table, no checks;
- `sharehouse derive shares` by publisher and by base model (the starter attribution table);
- the warehouse file's size;
- DuckDB (its Python package) reading the same NDJSON and grouping the downloads by the
  starter table's country, the publisher method's question: the peer a data person would pick;
- the sqlite3 shell running the publisher method's grouped SQL on the imported warehouse;
- `sharehouse export listings` of the imported listing as Hive-style CSV folders, and
  DuckDB reading that export back as one table and grouping it by author.

With `--months N` (N > 1) it then imports the same listing under N month-end dates into
one new warehouse, to show how history grows: each import's time, the file after it, every
month's models grouped by author in the sqlite3 shell, the export of all the months and
DuckDB's same grouping over it.

Prints a Markdown table (BENCHMARKS.md's comes from this command).
"""
import argparse
import statistics
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
STARTER = os.path.join(ROOT, "Fixtures", "attribution", "starter-attribution.csv")

DUCKDB = """
import duckdb, sys, time
start = time.perf_counter()
rows = duckdb.sql('''
    SELECT coalesce(a.country, 'UNKNOWN') AS country, sum(m.downloads) AS downloads
    FROM read_json('{listing}', format = 'newline_delimited',
                   columns = {{'id': 'VARCHAR', 'author': 'VARCHAR', 'downloads': 'BIGINT'}}) AS m
    LEFT JOIN read_csv('{starter}', header = true) AS a ON lower(a.author) = lower(m.author)
    WHERE m.downloads > 0
    GROUP BY 1 ORDER BY 2 DESC
''').fetchall()
print(f"{{time.perf_counter() - start:.3f}} {{len(rows)}}", file=sys.stderr)
"""

DUCKDB_EXPORT = """
import duckdb, sys, time
start = time.perf_counter()
rows = duckdb.sql('''
    SELECT author, sum(downloads) FROM read_csv('{export}/listings/*/*.csv', hive_partitioning = true,
                                                hive_types = {{'month': 'VARCHAR'}})
    GROUP BY 1 ORDER BY 2 DESC
''').fetchall()
print(f"{{time.perf_counter() - start:.3f}} {{len(rows)}}", file=sys.stderr)
"""

SHELL = """
SELECT coalesce(a.entity_code, 'UNKNOWN'), sum(m.downloads)
FROM listing_models AS m LEFT JOIN attributions AS a ON a.version = 1 AND a.author_key = lower(m.author)
WHERE m.listing_id = 1 GROUP BY 1 ORDER BY 2 DESC;
"""


def timed(arguments, stdin=None):
    """Runs `arguments` under /usr/bin/time: (wall seconds, peak MiB, stdout, stderr)."""
    result = subprocess.run(["/usr/bin/time", "-f", "%e %M"] + arguments, input=stdin, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(arguments)}\n{result.stderr}")
    wall, peak = result.stderr.strip().splitlines()[-1].split()
    return float(wall), int(peak) / 1024, result.stdout, result.stderr


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--models", type=int, default=2_000_000)
    parser.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "sharehouse-listing-bench"))
    parser.add_argument("--months", type=int, default=1)
    arguments = parser.parse_args()
    os.makedirs(arguments.work, exist_ok=True)
    subprocess.run(["swift", "build", "-c", "release", "--product", "sharehouse"], cwd=ROOT, check=True,
                   stdout=sys.stderr)
    binary = os.path.join(ROOT, ".build", "release", "sharehouse")
    listing = os.path.join(arguments.work, f"listing-{arguments.models}.ndjson")
    if not os.path.exists(listing):
        subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "Listing", "generate.py"), listing,
                        "--models", str(arguments.models)], check=True)
    database = os.path.join(arguments.work, "bench.sqlite")
    for suffix in ["", "-wal", "-shm"]:
        if os.path.exists(database + suffix):
            os.remove(database + suffix)
    def sharehouse(*rest):
        return [binary] + list(rest) + ["--db", database]
    subprocess.run(sharehouse("init"), check=True, capture_output=True)
    subprocess.run(sharehouse("sources", "add", "--key", "hf-hub-api-bench", "--title", "Synthetic Hub listing (benchmark)",
                              "--url", "https://huggingface.co/api/models", "--kind", "dataset"), check=True, capture_output=True)
    subprocess.run(sharehouse("attribution", "import", STARTER, "--source", "sharehouse-starter-attribution"), check=True,
                   capture_output=True)

    compiler = shutil.which("cc") or shutil.which("clang") or shutil.which("gcc")
    raw = os.path.join(arguments.work, "raw-listing-insert")
    subprocess.run([compiler, "-O2", "-o", raw, os.path.join(ROOT, "Benchmarks", "Sources", "RawListingInsert", "main.c"),
                    "-lsqlite3"], check=True)
    raw_database = os.path.join(arguments.work, "raw.sqlite")
    for suffix in ["", "-wal", "-shm"]:
        if os.path.exists(raw_database + suffix):
            os.remove(raw_database + suffix)
    subprocess.run([binary, "init", "--db", raw_database], check=True, capture_output=True)
    subprocess.run([binary, "sources", "add", "--key", "hf-hub-api-bench", "--title", "Synthetic Hub listing (benchmark)",
                    "--url", "https://huggingface.co/api/models", "--kind", "dataset", "--db", raw_database], check=True,
                   capture_output=True)

    rows = []
    listing_size = os.path.getsize(listing) / 2**20
    wall, peak, out, _ = timed(sharehouse("listing", "import", listing, "--source", "hf-hub-api-bench", "--retrieved-on",
                                          "2026-06-30", "--format", "json"))
    stored = next((line for line in out.splitlines() if '"models_stored"' in line), "").strip().rstrip(",")
    rows.append((f"sharehouse listing import ({arguments.models:,} models, {listing_size:.0f} MiB NDJSON; {stored})",
                 wall, peak))
    import_wall = wall
    wall, peak, out, _ = timed([raw, raw_database, listing, "hf-hub-api-bench", "2026-06-30"])
    rows.append((f"raw C loop: the same rows into the same tables, one prepared statement each ({out.strip()})", wall, peak))
    rows.append((f"import speed against the raw C loop (rows per second, higher is better): {wall / import_wall:.2f}x", 0, 0))
    # The first derivation writes the month's two snapshots; the next four find them
    # stored and write nothing, doing the same reading and grouping: the median of five,
    # as for the shell's query below (wall times on this VM move by a third between runs).
    runs = [timed(sharehouse("derive", "shares", "--method", "publisher")) for _ in range(5)]
    publisher_wall = statistics.median(run[0] for run in runs)
    rows.append((f"sharehouse derive shares --method publisher (median of 5; the first {runs[0][0]:.2f} s)", publisher_wall,
                 max(run[1] for run in runs)))
    wall, peak, _, _ = timed(sharehouse("derive", "shares", "--method", "base-model"))
    rows.append(("sharehouse derive shares --method base-model", wall, peak))
    size = os.path.getsize(database) / 2**20

    duckdb_script = DUCKDB.format(listing=listing, starter=STARTER)
    wall, peak, _, err = timed([sys.executable, "-c", duckdb_script])
    query = err.strip().splitlines()[-2].split()[0] if len(err.strip().splitlines()) >= 2 else "?"
    rows.append((f"DuckDB: read the NDJSON, join the starter table, group by country (query alone {query} s)", wall, peak))
    shell = shutil.which("sqlite3")
    if shell:
        runs = [timed([shell, database], stdin=SHELL) for _ in range(5)]
        shell_wall = statistics.median(run[0] for run in runs)
        rows.append(("sqlite3 shell: the publisher method's grouped SQL on the imported warehouse (median of 5)", shell_wall,
                     max(run[1] for run in runs)))
        rows.append((f"publisher derivation against the shell's grouped SQL (time, lower is better): {publisher_wall / shell_wall:.2f}x",
                     0, 0))

    export = os.path.join(arguments.work, "export")
    shutil.rmtree(export, ignore_errors=True)
    wall, peak, _, _ = timed(sharehouse("export", "listings", "--out", export, "--format", "csv"))
    export_size = sum(os.path.getsize(os.path.join(folder, name)) for folder, _, names in os.walk(export) for name in names)
    rows.append((f"sharehouse export listings --format csv (Hive folders, {export_size / 2**20:.0f} MiB)", wall, peak))
    wall, peak, _, err = timed([sys.executable, "-c", DUCKDB_EXPORT.format(export=export)])
    query = err.strip().splitlines()[-2].split()[0]
    rows.append((f"DuckDB: read the exported folders as one table, group by author (query alone {query} s)", wall, peak))

    print(f"| what | wall s | peak MiB |")
    print("|---|---:|---:|")
    for what, wall, peak in rows:
        print(f"| {what} | {wall:.2f} | {peak:.0f} |" if wall else f"| {what} | | |")
    print(f"| warehouse file after import and both derivations | {size:.0f} MiB | |")
    if arguments.months > 1:
        history(binary, listing, arguments.work, arguments.months)


GROUP_BY_AUTHOR = "SELECT count(*) FROM (SELECT author, sum(downloads) FROM listing_models GROUP BY author);"


def history(binary, listing, work, months):
    """The same listing under `months` month-end dates in one warehouse: a Markdown table."""
    database = os.path.join(work, "months.sqlite")
    for suffix in ["", "-wal", "-shm"]:
        if os.path.exists(database + suffix):
            os.remove(database + suffix)
    def sharehouse(*rest):
        return [binary] + list(rest) + ["--db", database]
    subprocess.run(sharehouse("init"), check=True, capture_output=True)
    subprocess.run(sharehouse("sources", "add", "--key", "hf-hub-api-bench", "--title", "Synthetic Hub listing (benchmark)",
                              "--url", "https://huggingface.co/api/models", "--kind", "dataset"), check=True, capture_output=True)
    print()
    print(f"| {months} monthly listings of the same models in one warehouse | wall s | file MiB |")
    print("|---|---:|---:|")
    for month in range(1, months + 1):
        day = f"2026-{month:02d}-28"
        wall, _, _, _ = timed(sharehouse("listing", "import", listing, "--source", "hf-hub-api-bench", "--retrieved-on", day))
        subprocess.run(["sqlite3", database, "PRAGMA wal_checkpoint(TRUNCATE);"], check=True, capture_output=True)
        print(f"| import of month {month} | {wall:.2f} | {os.path.getsize(database) / 2**20:.0f} |")
    shell = [timed(["sqlite3", database], stdin=GROUP_BY_AUTHOR)[0] for _ in range(3)]
    print(f"| sqlite3 shell: every month's models grouped by author (median of 3) | {statistics.median(shell):.2f} | |")
    export = os.path.join(work, "months-export")
    shutil.rmtree(export, ignore_errors=True)
    wall, _, _, _ = timed(sharehouse("export", "listings", "--out", export, "--format", "csv"))
    print(f"| sharehouse export listings of every month | {wall:.2f} | |")
    duck = [timed([sys.executable, "-c", DUCKDB_EXPORT.format(export=export)]) for _ in range(3)]
    query = statistics.median(float(run[3].strip().splitlines()[-2].split()[0]) for run in duck)
    print(f"| DuckDB: the same grouping over the export (median of 3; the query alone {query:.2f} s) | "
          f"{statistics.median(run[0] for run in duck):.2f} | |")


if __name__ == "__main__":
    main()
