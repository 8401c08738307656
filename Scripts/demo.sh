#!/usr/bin/env bash
# The main job on the defaults: builds `sharehouse`, creates (or upgrades) the warehouse
# ./sharehouse.sqlite (or $SHAREHOUSE_DB), imports every bundled fixture (the real
# figures of the research notes, with their citations, and a labelled synthetic
# series), and reports who leads, by how much, and who says so. Running it again imports
# nothing new.
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/ensure-sqlite.sh
swift build --product sharehouse >&2
sharehouse="$(swift build --show-bin-path)/sharehouse"

"$sharehouse" init
echo
echo "# Importing the bundled snapshots (sharehouse import Fixtures/*.json Fixtures/synthetic/*.csv)"
"$sharehouse" import Fixtures/*.json Fixtures/synthetic/*.csv
echo
echo "# The headline (sharehouse report)"
"$sharehouse" report
echo
echo "# The seed article's table and how concentrated it is (sharehouse report concentration ...)"
"$sharehouse" report concentration --period 2024-09/2025-08 --source argaam-1862466
echo
echo "# One period across every source and measure (sharehouse report sources ...)"
"$sharehouse" report sources --period 2024-09/2025-08 --entity CN --entity US
echo
echo "# Why 17.1% and 41% are not one series (sharehouse report compare ...)"
"$sharehouse" report compare --from 2024-09/2025-08 --to 2025-02/2026-02 --entity CN --entity US || true
echo
echo "# The whole picture as one page (sharehouse report --all --format html), in English and in Arabic"
"$sharehouse" report --all --format html > sharehouse-report.html
"$sharehouse" report --all --format html --lang ar --digits arabic-indic > sharehouse-report-ar.html
echo "Open $(pwd)/sharehouse-report.html in a browser (and sharehouse-report-ar.html for Arabic):"
echo "who leads, by how much, in which period, by which measure, and who says so, with charts and citations."
