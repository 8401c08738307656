#!/usr/bin/env bash
# Installs the sharehouse command: the binary built in release mode, its bash, zsh and fish
# completions, its manual page and the licences, under a prefix; --uninstall removes
# exactly what an install wrote, as listed in its manifest.
#
#   Scripts/install.sh [--prefix DIR]              # default /usr/local as root, else ~/.local
#   Scripts/install.sh --uninstall [--prefix DIR]
#
# Needs Swift 6 and SQLite's development files (Scripts/ensure-sqlite.sh installs them).
# --configuration debug installs a debug build instead (Scripts/check-install.sh uses it to
# check this script in CI without a second, release, build).
set -euo pipefail

usage() {
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
}

root="$(cd "$(dirname "$0")/.." && pwd)"
prefix=""
uninstall=false
configuration=release
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix)
            [ $# -ge 2 ] || { echo "install.sh: --prefix needs a folder" >&2; exit 64; }
            prefix="$2"; shift 2 ;;
        --prefix=*) prefix="${1#--prefix=}"; shift ;;
        --uninstall) uninstall=true; shift ;;
        --configuration)
            [ $# -ge 2 ] || { echo "install.sh: --configuration needs release or debug" >&2; exit 64; }
            configuration="$2"; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        *) echo "install.sh: unknown argument '$1'" >&2; usage >&2; exit 64 ;;
    esac
done
case "$configuration" in
    release | debug) ;;
    *) echo "install.sh: --configuration is release or debug, not '$configuration'" >&2; exit 64 ;;
esac
if [ -z "$prefix" ]; then
    if [ "$(id -u)" -eq 0 ]; then prefix=/usr/local; else prefix="$HOME/.local"; fi
fi
created_prefix=false
if ! $uninstall && [ ! -d "$prefix" ]; then
    mkdir -p "$prefix"
    created_prefix=true
fi
[ -d "$prefix" ] || { echo "install.sh: no folder $prefix" >&2; exit 66; }
prefix="$(cd "$prefix" && pwd)"

# The manifest lists, one a line, what an install wrote: "file SHA256 PATH" for each file
# and "dir PATH" for each folder it created, PATH relative to the prefix.
manifest_rel="share/sharehouse/install-manifest.txt"
manifest="$prefix/$manifest_rel"

remove_installed() {
    [ -f "$manifest" ] || return 0
    local kind sum path kept=0
    while read -r kind sum path; do
        [ "$kind" = file ] && [ -e "$prefix/$path" ] || continue
        if [ "$(sha256sum "$prefix/$path" | cut -d' ' -f1)" = "$sum" ]; then
            rm -f "$prefix/$path"
        else
            echo "kept $prefix/$path: changed since it was installed" >&2
            kept=$((kept + 1))
        fi
    done < "$manifest"
    # The folders the install created, deepest first, where nothing else is in them now.
    local dirs
    dirs="$({ grep '^dir ' "$manifest" || true; } | cut -d' ' -f2- | awk '{ print length, $0 }' | sort -rn | cut -d' ' -f2-)"
    rm -f "$manifest"
    while read -r path; do
        case "$path" in
            "") ;;
            .) rmdir "$prefix" 2>/dev/null || true ;;
            *) rmdir "$prefix/$path" 2>/dev/null || true ;;
        esac
    done <<< "$dirs"
    return "$kept"
}

if $uninstall; then
    if [ ! -f "$manifest" ]; then
        echo "install.sh: nothing installed under $prefix (no $manifest_rel)" >&2
        exit 66
    fi
    count=$(grep -c '^file ' "$manifest" || true)
    remove_installed || { echo "uninstalled from $prefix, but kept the files above" >&2; exit 1; }
    echo "uninstalled sharehouse from $prefix ($count files)" >&2
    exit 0
fi

cd "$root"
"$root/Scripts/ensure-sqlite.sh"
echo "building sharehouse ($configuration)..." >&2
swift build -c "$configuration" --product sharehouse
binary="$(swift build -c "$configuration" --show-bin-path)/sharehouse"
# swift-argument-parser's manual plugin: it builds the package's products in the same
# configuration (already built above) and writes sharehouse.1 from the commands' help.
echo "generating the manual page..." >&2
swift package generate-manual --configuration "$configuration" >&2
manual="$root/.build/plugins/GenerateManual/outputs/SharehouseCLI/sharehouse.1"
[ -f "$manual" ] || { echo "install.sh: the manual plugin wrote no $manual" >&2; exit 1; }

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/bin" "$stage/share/bash-completion/completions" "$stage/share/zsh/site-functions" \
    "$stage/share/fish/vendor_completions.d" "$stage/share/man/man1" "$stage/share/doc/sharehouse/LICENSES"
cp "$binary" "$stage/bin/sharehouse"
"$binary" --generate-completion-script bash > "$stage/share/bash-completion/completions/sharehouse"
"$binary" --generate-completion-script zsh > "$stage/share/zsh/site-functions/_sharehouse"
"$binary" --generate-completion-script fish > "$stage/share/fish/vendor_completions.d/sharehouse.fish"
# mdoc wants .Pp, not an empty line, between paragraphs.
sed 's/^$/.Pp/' "$manual" > "$stage/share/man/man1/sharehouse.1"
cp LICENSE CHANGELOG.md "$stage/share/doc/sharehouse/"
cp Migrations/README.md "$stage/share/doc/sharehouse/DATA-LICENCES.md"
cp LICENSES/*.txt "$stage/share/doc/sharehouse/LICENSES/"

# A second install replaces the first: what it wrote goes, then the new files come.
remove_installed || true
mkdir -p "$stage/share/sharehouse"
: > "$stage/manifest"
if $created_prefix; then echo "dir ." >> "$stage/manifest"; fi
while read -r dir; do
    if [ ! -d "$prefix/$dir" ]; then
        mkdir -p "$prefix/$dir"
        echo "dir $dir" >> "$stage/manifest"
    fi
done < <(cd "$stage" && find . -mindepth 1 -type d | sed 's|^\./||' | sort)
while read -r file; do
    [ "$file" = manifest ] && continue
    mode=0644
    [ "$file" = bin/sharehouse ] && mode=0755
    install -m "$mode" "$stage/$file" "$prefix/$file"
    echo "file $(sha256sum "$prefix/$file" | cut -d' ' -f1) $file" >> "$stage/manifest"
done < <(cd "$stage" && find . -type f | sed 's|^\./||' | sort)
install -m 0644 "$stage/manifest" "$manifest"

version="$("$prefix/bin/sharehouse" --version)"
echo "installed sharehouse $version under $prefix ($(grep -c '^file ' "$manifest") files, listed in $manifest_rel):" >&2
echo "  $prefix/bin/sharehouse, man sharehouse, completions for bash, zsh and fish" >&2
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "  $prefix/bin is not on PATH: add it (export PATH=\"$prefix/bin:\$PATH\")" >&2 ;;
esac
echo "  remove it with: Scripts/install.sh --uninstall --prefix $prefix" >&2
