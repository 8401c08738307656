#!/usr/bin/env bash
# Checks Scripts/install.sh end to end in a temporary prefix: the binary runs and prints
# the version, the manual page renders, the bash completion completes, the zsh and fish
# scripts parse (where zsh and fish are installed), a second install replaces the first,
# and --uninstall removes exactly what was installed (a file of someone else's in the same
# folders stays). CI runs it with the debug build it already has (--configuration debug);
# pass --configuration release to check the real thing (a release build: minutes).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
configuration=debug
[ "${1:-}" = "--configuration" ] && configuration="${2:?release or debug}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"
fail() { echo "check-install: $*" >&2; exit 1; }

# Someone else's files, already there: the uninstall must leave them.
mkdir -p "$prefix/bin" "$prefix/share/man/man1"
echo "#!/bin/sh" > "$prefix/bin/other-tool"
echo ".Dd" > "$prefix/share/man/man1/other-tool.1"

"$root/Scripts/install.sh" --prefix "$prefix" --configuration "$configuration"
manifest="$prefix/share/sharehouse/install-manifest.txt"
[ -f "$manifest" ] || fail "no manifest"
for file in bin/sharehouse share/bash-completion/completions/sharehouse share/zsh/site-functions/_sharehouse \
    share/fish/vendor_completions.d/sharehouse.fish share/man/man1/sharehouse.1 share/doc/sharehouse/LICENSE \
    share/doc/sharehouse/LICENSES/LGPL-2.1-or-later.txt share/doc/sharehouse/DATA-LICENCES.md; do
    [ -s "$prefix/$file" ] || fail "$file was not installed"
    grep -q " $file\$" "$manifest" || fail "$file is not in the manifest"
done
[ -x "$prefix/bin/sharehouse" ] || fail "bin/sharehouse is not executable"

# The installed binary, from another folder: its version is the package's.
version="$(cd "$work" && "$prefix/bin/sharehouse" --version)"
expected="$(sed -n 's/.*static let current = "\(.*\)".*/\1/p' "$root/Sources/SharehouseDB/Core/PackageVersion.swift")"
[ "$version" = "$expected" ] || fail "sharehouse --version printed '$version', not $expected"

# The manual page: mdoc that renders with the commands in it.
if command -v man >/dev/null 2>&1; then
    page="$(MANWIDTH=80 man -l "$prefix/share/man/man1/sharehouse.1" 2>"$work/man.err")"
    grep -q "^NAME" <<< "$page" || fail "the manual page has no NAME section"
    grep -q "sharehouse" <<< "$page" || fail "the manual page does not name sharehouse"
    grep -q "datasette-metadata\|migrate" <<< "$page" || fail "the manual page lists no command"
    if grep -qi "warning" "$work/man.err"; then cat "$work/man.err" >&2; fail "the manual page renders with warnings"; fi
else
    grep -q '^\.Sh NAME' "$prefix/share/man/man1/sharehouse.1" || fail "the manual page has no NAME section"
    echo "check-install: man is not installed; checked the page's source only" >&2
fi

# bash: the completion offers the commands and a report's kinds.
completions="$(bash -c '
    source "$1"
    COMPREPLY=(); COMP_WORDS=(sharehouse rep); COMP_CWORD=1; COMP_LINE="sharehouse rep"; COMP_POINT=${#COMP_LINE}
    _sharehouse sharehouse rep sharehouse; echo "${COMPREPLY[*]}"
    COMPREPLY=(); COMP_WORDS=(sharehouse report lea); COMP_CWORD=2; COMP_LINE="sharehouse report lea"; COMP_POINT=${#COMP_LINE}
    _sharehouse sharehouse lea report; echo "${COMPREPLY[*]}"
' _ "$prefix/share/bash-completion/completions/sharehouse")"
grep -qx "report" <<< "$(sed -n 1p <<< "$completions")" || fail "bash completes 'sharehouse rep' as '$(sed -n 1p <<< "$completions")'"
grep -qw "leaders" <<< "$(sed -n 2p <<< "$completions")" || fail "bash does not complete 'sharehouse report lea'"
# zsh and fish: installed here when they can be (Debian's packages, as root), so that
# their scripts are checked by the shells themselves; else only their presence is.
if ! command -v zsh >/dev/null 2>&1 || ! command -v fish >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zsh fish >/dev/null 2>&1 \
            || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zsh fish >/dev/null 2>&1; } \
            || echo "check-install: zsh and fish could not be installed" >&2
    fi
fi
zsh_script="$prefix/share/zsh/site-functions/_sharehouse"
fish_script="$prefix/share/fish/vendor_completions.d/sharehouse.fish"
if command -v zsh >/dev/null 2>&1; then
    zsh -n "$zsh_script" || fail "the zsh completion does not parse"
    # compinit finds it in the installed folder and binds it to the command.
    bound="$(zsh -f -c 'fpath=("$1" $fpath); autoload -U compinit; compinit -u -d "$2/zcompdump"; print -r -- ${_comps[sharehouse]}' \
        _ "$prefix/share/zsh/site-functions" "$work")"
    [ "$bound" = "_sharehouse" ] || fail "zsh's compinit does not bind _sharehouse (got '$bound')"
else
    grep -q "^#compdef sharehouse" "$zsh_script" || fail "the zsh completion is not a #compdef sharehouse script"
    echo "check-install: zsh is not installed; checked its script's #compdef line only" >&2
fi
if command -v fish >/dev/null 2>&1; then
    fish -n "$fish_script" || fail "the fish completion does not parse"
    offered="$(PATH="$prefix/bin:$PATH" fish --no-config -c 'source $argv[1]; complete -C "sharehouse rep"' "$fish_script")"
    grep -q "^report" <<< "$offered" || fail "fish completes 'sharehouse rep' as '$offered'"
else
    grep -q "complete -c 'sharehouse'" "$fish_script" || fail "the fish completion names no sharehouse completions"
    echo "check-install: fish is not installed; checked its script's text only" >&2
fi

# Again: the same files, one manifest.
before="$(sort "$manifest")"
"$root/Scripts/install.sh" --prefix "$prefix" --configuration "$configuration" 2>/dev/null >/dev/null
[ "$(sort "$manifest")" = "$before" ] || fail "a second install wrote another manifest"

# Uninstall: exactly what was installed goes; the other files and their folders stay.
"$root/Scripts/install.sh" --uninstall --prefix "$prefix"
left="$(cd "$prefix" && find . -mindepth 1 | sort | tr '\n' ' ')"
[ "$left" = "./bin ./bin/other-tool ./share ./share/man ./share/man/man1 ./share/man/man1/other-tool.1 " ] \
    || fail "after --uninstall the prefix holds: $left"
if "$root/Scripts/install.sh" --uninstall --prefix "$prefix" 2>/dev/null; then fail "a second --uninstall succeeded"; fi
echo "check-install: install, reinstall and uninstall under a temporary prefix are right" >&2
