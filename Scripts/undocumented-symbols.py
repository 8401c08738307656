#!/usr/bin/env python3
"""List the public symbols of SharehouseDB, Sharehouse and SharehouseReports that have no
documentation comment, from the symbol graphs `swift package generate-documentation`
extracted (Scripts/docs.sh runs it first), and hold them to docs/undocumented-symbols.txt:

    Scripts/undocumented-symbols.py            # fails when a symbol is missing a summary
                                                # and is not in the list
    Scripts/undocumented-symbols.py --update   # rewrites the list as it is now

The list is the backlog of public symbols written before every one had a summary: a new
public symbol must come with its `///` summary, and the list only shrinks (the check says
which entries are documented now, so they can be dropped with --update). Symbols the
compiler synthesizes (Equatable's ==, Codable's init(from:), a RawRepresentable's
rawValue...) have no place in the sources and are not counted.
"""
import glob
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODULES = ["SharehouseDB", "Sharehouse", "SharehouseReports", "SharehouseHub"]
LIST = os.path.join(ROOT, "docs", "undocumented-symbols.txt")


def undocumented():
    found = set()
    seen_modules = set()
    sources = os.path.join(ROOT, "Sources") + os.sep
    for module in MODULES:
        pattern = os.path.join(ROOT, ".build", "*", "extracted-symbols", "*", module, "*.symbols.json")
        files = glob.glob(pattern)
        if not files:
            continue
        seen_modules.add(module)
        for path in files:
            with open(path, encoding="utf-8") as handle:
                graph = json.load(handle)
            for symbol in graph["symbols"]:
                if symbol.get("accessLevel") not in ("public", "open"):
                    continue
                if symbol["kind"]["identifier"] == "swift.extension":
                    continue
                uri = symbol.get("location", {}).get("uri", "")
                local = uri[len("file://"):] if uri.startswith("file://") else uri
                if not os.path.abspath(local).startswith(sources):
                    continue  # synthesized, or inherited from another module
                comment = symbol.get("docComment")
                if comment and any(line["text"].strip() for line in comment.get("lines", [])):
                    continue
                kind = symbol["kind"]["identifier"].replace("swift.", "")
                found.add(f"{module} {'.'.join(symbol['pathComponents'])} ({kind})")
    missing = [module for module in MODULES if module not in seen_modules]
    if missing:
        sys.exit(f"undocumented-symbols: no symbol graph for {', '.join(missing)}: run Scripts/docs.sh first")
    return found


def main():
    found = undocumented()
    if "--update" in sys.argv[1:]:
        os.makedirs(os.path.dirname(LIST), exist_ok=True)
        with open(LIST, "w", encoding="utf-8") as handle:
            handle.write("# Public symbols written before every one had a summary (Scripts/undocumented-symbols.py).\n")
            handle.write("# Document them and remove their lines; never add one: a new public symbol comes with its summary.\n")
            for line in sorted(found):
                handle.write(line + "\n")
        print(f"undocumented-symbols: {len(found)} listed in docs/undocumented-symbols.txt", file=sys.stderr)
        return
    listed = set()
    if os.path.exists(LIST):
        with open(LIST, encoding="utf-8") as handle:
            listed = {line.rstrip("\n") for line in handle if line.strip() and not line.startswith("#")}
    new = sorted(found - listed)
    done = sorted(listed - found)
    by_module = {module: sum(1 for line in found if line.split(" ", 1)[0] == module) for module in MODULES}
    print("undocumented-symbols: public symbols without a summary: "
          + ", ".join(f"{module} {count}" for module, count in by_module.items()), file=sys.stderr)
    if done:
        print(f"undocumented-symbols: {len(done)} listed symbols are documented now (or gone): "
              "run Scripts/undocumented-symbols.py --update to drop them", file=sys.stderr)
    if new:
        print(f"undocumented-symbols: {len(new)} public symbols have no /// summary:", file=sys.stderr)
        for line in new:
            print("  " + line, file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
