#!/usr/bin/env bash
# The main job on the defaults: builds `sharehouse`, creates (or upgrades) the warehouse
# ./sharehouse.sqlite (or $SHAREHOUSE_DB), shows its schema and resolves the country
# names of the seed article's table, in Arabic as it printed them.
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/ensure-sqlite.sh
swift build --product sharehouse >&2
sharehouse="$(swift build --show-bin-path)/sharehouse"

"$sharehouse" init
echo
echo "# The warehouse schema (sharehouse migrate status)"
"$sharehouse" migrate status
echo
echo "# The countries of the seed article's table (sharehouse entities resolve ...)"
"$sharehouse" entities resolve "الصين" "الولايات المتحدة" "المملكة المتحدة" "الهند" "فرنسا" "ألمانيا" "سنغافورة" "سويسرا"
