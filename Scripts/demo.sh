#!/usr/bin/env bash
# The main job on the defaults: builds `sharehouse`, creates (or upgrades) the warehouse
# ./sharehouse.sqlite (or $SHAREHOUSE_DB), imports every bundled fixture (the real
# figures of the research notes, with their citations, and a labelled synthetic
# series), and shows what it holds and who says so. Running it again imports nothing new.
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
echo "# The measures: what each figure counts (sharehouse measures list)"
"$sharehouse" measures list
echo
echo "# Who says so: the seed article's citation chain (sharehouse sources show argaam-1862466)"
"$sharehouse" sources show argaam-1862466
