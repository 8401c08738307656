#!/usr/bin/env python3
"""Derive Migrations/0010_cldr_names.sql: names as the world writes them (issue 13, part 9).

Every territory's English and Arabic names in Unicode CLDR (the names operating systems,
browsers and spreadsheets print) and the names the big data publishers use (World Bank,
UN, IMF, OWID) become aliases of their entity, unless they already resolve to it.

Run once by a developer:

    python3 -m venv /tmp/cldr && /tmp/cldr/bin/pip install babel==2.19.0
    /tmp/cldr/bin/python Scripts/derive-cldr-names.py --cldr-json PATH/cldr-localenames-full

Inputs:
    Babel 2.19.0 (PyPI), which carries CLDR 49: `Locale('en').territories` and
        `Locale('ar').territories`, one name per territory. Babel drops CLDR's alternative
        forms (its import_cldr.py skips every element with an `alt` attribute), and its
        package carries no CLDR XML, so they come from:
    cldr-json 48.0.0, the folder `cldr-json/cldr-localenames-full` of the repository
        unicode-org/cldr-json at tag 48.0.0 (the same folder is the npm package
        cldr-localenames-full@48.0.0): main/{en,ar}/territories.json, whose keys
        `XX-alt-short`, `XX-alt-variant` (and `IO-alt-chagos`) are the short and variant
        forms ("UK", "Hong Kong", "Congo (DRC)", "هونغ كونغ", "جمهورية الكونغو الديمقراطية").
        CLDR 49 JSON was not at hand; CLDR 48's default names are those of CLDR 47 (Babel
        2.18.0) and equal CLDR 49's but for three English ones (TF, HM, SH), which CLDR 49
        renamed: the CLDR 48 names are kept too, as systems on older CLDR still print them.
    Migrations/*.sql (all but this script's output), applied to an in-memory SQLite
        database: the entities and the aliases the warehouse already has.

Outputs (byte-identical on every run with the same inputs; no timestamps):
    Tests/Fixtures/names/cldr-territories.tsv  the packaged copy of the CLDR names used
    Tests/Fixtures/names/LICENSE-CLDR.txt      CLDR's licence (Unicode License v3)
    Tests/Fixtures/names/publisher-names.tsv   the publisher lists below
    Tests/Fixtures/names/ambiguous-names.tsv   names that must be refused (AMBIGUOUS)
    Migrations/0010_cldr_names.sql             the aliases that were missing

A name is matched as the resolver matches it: `normalize` below mirrors
Sources/Sharehouse/Entities/NameNormalizer.swift, and the Swift tests check the result
against the real resolver (every name of the .tsv files resolves to its code; every alias
this migration adds is matched as itself, so none is redundant). The script fails when a
name would resolve to two codes: such a name goes in AMBIGUOUS (refused with both
suggestions) or out of the lists.
"""

import argparse
import glob
import json
import os
import sqlite3
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
MIGRATIONS = os.path.join(ROOT, "Migrations")
OUTPUT_SQL = os.path.join(MIGRATIONS, "0010_cldr_names.sql")
FIXTURES = os.path.join(ROOT, "Tests", "Fixtures", "names")
BABEL_VERSION = "2.19.0"
CLDR_JSON_VERSION = "48.0.0"
LOCALES = ("en", "ar")

# --------------------------------------------------------------------------------------------
# Publisher lists, curated by hand. Only the names that differ from the ISO and CLDR forms
# are listed (the rest resolve already); a listed name that already resolves to its code is
# skipped, one that resolves to another code stops the script.
# --------------------------------------------------------------------------------------------

# World Bank: the economy names of World Development Indicators and of its country
# classification (CLASS.xlsx), the current edition and the one before the 2019-2023
# renames (Czechia, Eswatini, North Macedonia, Turkiye, Viet Nam), since old tables stay
# in use. Not entities here: "Channel Islands" (CHI), "Kosovo" (XKX).
WORLD_BANK = {
    "BS": ["Bahamas, The"],
    "CD": ["Congo, Dem. Rep."],
    "CG": ["Congo, Rep."],
    "CI": ["Cote d'Ivoire"],
    "CV": ["Cabo Verde"],
    "CW": ["Curacao"],
    "CZ": ["Czech Republic", "Czechia"],
    "EG": ["Egypt, Arab Rep."],
    "FM": ["Micronesia, Fed. Sts."],
    "GM": ["Gambia, The"],
    "HK": ["Hong Kong SAR, China"],
    "IR": ["Iran, Islamic Rep."],
    "KG": ["Kyrgyz Republic"],
    "KN": ["St. Kitts and Nevis"],
    "KP": ["Korea, Dem. People's Rep.", "Korea, Dem. Rep."],
    "KR": ["Korea, Rep."],
    "LA": ["Lao PDR"],
    "LC": ["St. Lucia"],
    "MF": ["St. Martin (French part)"],
    "MK": ["Macedonia, FYR", "North Macedonia"],
    "MO": ["Macao SAR, China"],
    "PR": ["Puerto Rico (US)"],
    "PS": ["West Bank and Gaza"],
    "RU": ["Russian Federation"],
    "SK": ["Slovak Republic"],
    "SO": ["Somalia, Fed. Rep."],
    "ST": ["Sao Tome and Principe", "São Tomé and Principe"],
    "SX": ["Sint Maarten (Dutch part)"],
    "SY": ["Syrian Arab Republic"],
    "SZ": ["Eswatini", "Swaziland"],
    "TR": ["Turkiye", "Turkey"],
    "TW": ["Taiwan, China"],
    "VC": ["St. Vincent and the Grenadines"],
    "VE": ["Venezuela, RB"],
    "VG": ["British Virgin Islands"],
    "VI": ["Virgin Islands (U.S.)"],
    "VN": ["Viet Nam", "Vietnam"],
    "YE": ["Yemen, Rep."],
}

# IMF: the names of the World Economic Outlook database and DataMapper, and the
# "Name, Rep. of" forms of International Financial Statistics and its other SDMX datasets.
# Left out: "Korea", the WEO's name for the Republic of Korea (see AMBIGUOUS), and
# "Kosovo, Rep. of" (not an entity).
IMF = {
    "AD": ["Andorra, Principality of"],
    "AF": ["Afghanistan, Islamic Rep. of"],
    "AM": ["Armenia, Rep. of"],
    "AW": ["Aruba, Kingdom of the Netherlands"],
    "AZ": ["Azerbaijan, Rep. of"],
    "BH": ["Bahrain, Kingdom of"],
    "BS": ["The Bahamas"],
    "BY": ["Belarus, Rep. of"],
    "CD": ["Congo, Dem. Rep. of the", "Democratic Republic of the Congo"],
    "CF": ["Central African Rep."],
    "CG": ["Congo, Rep. of", "Congo, Republic of", "Republic of Congo"],
    "CN": ["China, P.R.: Mainland", "China, People's Republic of"],
    "CW": ["Curaçao, Kingdom of the Netherlands"],
    "CZ": ["Czech Rep."],
    "DO": ["Dominican Rep."],
    "EE": ["Estonia, Rep. of"],
    "EG": ["Egypt, Arab Rep. of"],
    "ER": ["Eritrea, The State of"],
    "ET": ["Ethiopia, The Federal Dem. Rep. of"],
    "FJ": ["Fiji, Rep. of"],
    "FM": ["Micronesia, Fed. States of", "Micronesia, Federated States of"],
    "GM": ["The Gambia"],
    "GQ": ["Equatorial Guinea, Rep. of"],
    "HK": ["China, P.R.: Hong Kong", "Hong Kong SAR"],
    "HR": ["Croatia, Rep. of"],
    "IR": ["Iran, Islamic Rep. of", "Islamic Republic of Iran"],
    "KG": ["Kyrgyz Rep.", "Kyrgyz Republic"],
    "KM": ["Comoros, Union of the"],
    "KP": ["Korea, Dem. People's Rep. of"],
    "KR": ["Korea, Rep. of", "Korea, Republic of"],
    "KZ": ["Kazakhstan, Rep. of"],
    "LA": ["Lao P.D.R.", "Lao People's Dem. Rep."],
    "LS": ["Lesotho, Kingdom of"],
    "MD": ["Moldova, Rep. of"],
    "MG": ["Madagascar, Rep. of"],
    "MH": ["Marshall Islands, Rep. of the"],
    "MK": ["North Macedonia, Republic of"],
    "MO": ["China, P.R.: Macao", "Macao SAR"],
    "MR": ["Mauritania, Islamic Rep. of"],
    "MZ": ["Mozambique, Rep. of"],
    "NL": ["Netherlands, The"],
    "NR": ["Nauru, Rep. of"],
    "PL": ["Poland, Rep. of"],
    "PS": ["West Bank and Gaza"],
    "PW": ["Palau, Rep. of"],
    "RS": ["Serbia, Rep. of"],
    "SI": ["Slovenia, Rep. of"],
    "SK": ["Slovak Rep.", "Slovak Republic"],
    "SM": ["San Marino, Rep. of"],
    "SS": ["South Sudan, Rep. of", "South Sudan, Republic of"],
    "ST": ["São Tomé and Príncipe, Dem. Rep. of"],
    "SX": ["Sint Maarten, Kingdom of the Netherlands"],
    "SY": ["Syrian Arab Rep."],
    "SZ": ["Eswatini, Kingdom of"],
    "TJ": ["Tajikistan, Rep. of"],
    "TL": ["Timor-Leste, Dem. Rep. of"],
    "TR": ["Türkiye, Rep. of", "Türkiye, Republic of"],
    "TW": ["Taiwan Province of China"],
    "TZ": ["Tanzania, United Rep. of"],
    "UZ": ["Uzbekistan, Rep. of"],
    "VE": ["Venezuela, Rep. Bolivariana de"],
    "YE": ["Yemen, Rep. of"],
}

# UN: the English and Arabic names of UNSD's M49 list ("Standard country or area codes
# for statistical use"), and the shorter forms of World Population Prospects. Antarctica
# and Taiwan have no M49 row. Only names that differ from the ISO and CLDR forms are here.
UN_ENGLISH = {
    "BO": ["Bolivia (Plurinational State of)"],
    "BQ": ["Bonaire, Sint Eustatius and Saba"],
    "CD": ["Democratic Republic of the Congo"],
    "CI": ["Côte d’Ivoire"],
    "FK": ["Falkland Islands (Malvinas)"],
    "FM": ["Micronesia (Federated States of)", "Micronesia (Fed. States of)"],
    "GB": ["United Kingdom of Great Britain and Northern Ireland"],
    "HK": ["China, Hong Kong Special Administrative Region", "China, Hong Kong SAR"],
    "IR": ["Iran (Islamic Republic of)"],
    "KP": ["Democratic People's Republic of Korea", "Dem. People's Republic of Korea"],
    "KR": ["Republic of Korea"],
    "LA": ["Lao People's Democratic Republic"],
    "MD": ["Republic of Moldova"],
    "MF": ["Saint Martin (French Part)"],
    "MO": ["China, Macao Special Administrative Region", "China, Macao SAR"],
    "NL": ["Netherlands (Kingdom of the)"],
    "PS": ["State of Palestine"],
    "SH": ["Saint Helena"],
    "SJ": ["Svalbard and Jan Mayen Islands"],
    "TR": ["Türkiye"],
    "TW": ["China, Taiwan Province of China"],
    "TZ": ["United Republic of Tanzania"],
    "UM": ["United States Minor Outlying Islands"],
    "US": ["United States of America"],
    "VE": ["Venezuela (Bolivarian Republic of)"],
    "VI": ["United States Virgin Islands"],
    "WF": ["Wallis and Futuna Islands"],
}

# The M49 list's Arabic column, as the UN writes it (its "(جمهورية - الإسلامية)" style
# inversions included), where it differs from the ISO and CLDR forms. Rows of the copy
# consulted that were garbled (IO, TF, UM) are left out.
UN_ARABIC = {
    "BJ": ["بنن"],
    "BN": ["بروني دار السلام"],
    "BO": ["بوليفيا (دولة - المتعددة القوميات)"],
    "BQ": ["بونير وسانت يوستاشيوس وسابا"],
    "BV": ["جزيرة بوفيت"],
    "CC": ["جزر كوكس (كيلينغ)"],
    "CD": ["جمهورية الكونغو الديمقراطية"],
    "CL": ["شيلي"],
    "CV": ["كابو فيردي"],
    "CX": ["جزيرة عيد الميلاد"],
    "DO": ["الجمهورية الدومينيكية"],
    "EC": ["إكوادور"],
    "FK": ["جزر فوكلاند (مالفيناس)"],
    "FM": ["ميكرونيزيا (ولايات - الموحدة)"],
    "FO": ["جزر فايرو"],
    "GA": ["غابون"],
    "GB": ["المملكة المتحدة لبريطانيا العظمى وآيرلندا الشمالية"],
    "GG": ["غيرنسي"],
    "GL": ["غرينلند"],
    "HK": ["الصين، منطقة هونغ كونغ الإدارية الخاصة"],
    "IR": ["إيران (جمهورية - الإسلامية)"],
    "KI": ["كيريباس"],
    "KP": ["جمهورية كوريا الشعبية الديمقراطية"],
    "KR": ["جمهورية كوريا"],
    "LA": ["جمهورية لاو الديمقراطية الشعبية"],
    "LK": ["سري لانكا"],
    "LR": ["ليبريا"],
    "LU": ["لكسمبرغ"],
    "MD": ["جمهورية مولدوفا"],
    "MF": ["سانت مارتن (الجزء الفرنسي)"],
    "MO": ["الصين، منطقة ماكاو الإدارية الخاصة"],
    "MV": ["ملديف"],
    "MZ": ["موزامبيق"],
    "PM": ["سان بيير وميكلون"],
    "PN": ["بيتكرن"],
    "PS": ["دولة فلسطين"],
    "RU": ["الاتحاد الروسي"],
    "SC": ["سيشيل"],
    "SH": ["سانت هيلانة"],
    "SJ": ["جزيرتي سفالبارد وجان مايِن"],
    "ST": ["سان تومي وبرينسيبي"],
    "SX": ["سانت مارتن (الجزء الهولندي)"],
    "SY": ["الجمهورية العربية السورية"],
    "TC": ["جزر تركس وكايكوس"],
    "TH": ["تايلند"],
    "TZ": ["جمهورية تنزانيا المتحدة"],
    "UY": ["أوروغواي"],
    "VE": ["فنزويلا (جمهورية - البوليفارية)"],
    "VG": ["جزر فرجن البريطانية"],
    "VI": ["جزر فرجن التابعة للولايات المتحدة"],
    "VN": ["فييت نام"],
    "WF": ["جزر واليس وفوتونا"],
}

# Our World in Data: its entity names where they differ from the ISO and CLDR forms.
# "Timor", which some of its older tables use for East Timor, stays unresolved: the island
# is shared with Indonesia.
OWID = {
    "BL": ["Saint Barthelemy"],
    "BQ": ["Bonaire Sint Eustatius and Saba"],
    "CD": ["Democratic Republic of Congo"],
    "CI": ["Cote d'Ivoire"],
    "CV": ["Cape Verde"],
    "CW": ["Curacao"],
    "CZ": ["Czechia"],
    "FM": ["Micronesia (country)"],
    "FO": ["Faeroe Islands"],
    "KP": ["North Korea"],
    "KR": ["South Korea"],
    "LA": ["Laos"],
    "MF": ["Saint Martin (French part)"],
    "MO": ["Macao"],
    "SH": ["Saint Helena"],
    "SX": ["Sint Maarten (Dutch part)"],
    "SZ": ["Eswatini"],
    "TL": ["East Timor"],
    "VI": ["United States Virgin Islands"],
    "WF": ["Wallis and Futuna"],
}

PUBLISHERS = [
    # source, language, lists
    ("World Bank", "en", WORLD_BANK),
    ("IMF", "en", IMF),
    ("UN", "en", UN_ENGLISH),
    ("UN", "ar", UN_ARABIC),
    ("OWID", "en", OWID),
]

# Names that could mean two entities: never aliases. The resolver refuses them as unknown
# and suggests both (a test checks). "Congo"/"الكونغو" are not here: they are the ISO and
# UN names of the Republic of the Congo, and resolve to CG.
AMBIGUOUS = [
    ("Korea", ["KP", "KR"]),  # and the IMF's name for the Republic of Korea
    ("كوريا", ["KP", "KR"]),
    ("Virgin Islands", ["VG", "VI"]),
    ("جزر فيرجن", ["VG", "VI"]),
    ("جزر العذراء", ["VG", "VI"]),
    ("Saint Martin", ["MF", "SX"]),  # the island; CLDR's "St. Martin" is the French part
]

# Rows that add up others (EntityResolver.aggregateNames): never an alias.
AGGREGATE_NAMES = [
    "total", "totals", "grand total", "sum", "world", "global", "all", "overall", "all countries",
    "worldwide", "المجموع", "الإجمالي", "إجمالي", "المجموع الكلي", "العالم", "الكل", "عالمي", "جميع الدول",
]


# --------------------------------------------------------------------------------------------
# The resolver's key: a mirror of NameNormalizer.swift (fast path for ASCII and the Arabic
# block, the Unicode path for the rest).
# --------------------------------------------------------------------------------------------
FAST_MAP = {0x0622: "\u0627", 0x0623: "\u0627", 0x0625: "\u0627", 0x0671: "\u0627",
            0x0624: "\u0648", 0x0626: "\u064A", 0x0649: "\u064A", 0x06CC: "\u064A",
            0x0629: "\u0647", 0x06C1: "\u0647", 0x06BE: "\u0647", 0x06A9: "\u0643",
            0x062C: "\u063A", 0x0642: "\u063A", 0x06A8: "\u063A", 0x06AF: "\u063A"}
FAST_DROP = ({0x0640, 0x0670, 0x06E7, 0x06E8, 0x061C, 0xFEFF} | set(range(0x064B, 0x0660))
             | set(range(0x06D6, 0x06DE)) | set(range(0x06DF, 0x06E5)) | set(range(0x06EA, 0x06EE))
             | set(range(0x200B, 0x2010)))
FAST_SPACE = {0x060C, 0x061B, 0x061F, 0x066A, 0x066B, 0x066C, 0x066D, 0x06D4}
FULL_MAP = {0x0649: "\u064A", 0x0629: "\u0647", 0x0671: "\u0627", 0x06CC: "\u064A",
            0x06A9: "\u0643", 0x06C1: "\u0647", 0x06BE: "\u0647", 0x0640: "",
            0x062C: "\u063A", 0x0642: "\u063A", 0x06A8: "\u063A", 0x06AF: "\u063A"}
for _d in range(10):
    FULL_MAP[0x0660 + _d] = str(_d)
    FULL_MAP[0x06F0 + _d] = str(_d)
APOSTROPHES = {0x27, 0x2018, 0x2019, 0x2BC, 0x60, 0xB4}


def _words(text):
    words = [w for w in text.split(" ") if w]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _fast(name):
    out = []
    for ch in name:
        v = ord(ch)
        if 0x41 <= v <= 0x5A:
            out.append(chr(v + 0x20))
        elif 0x61 <= v <= 0x7A or 0x30 <= v <= 0x39:
            out.append(ch)
        elif v in (0x27, 0x60):
            continue
        elif v == 0x26:
            out.append(" and ")
        elif v <= 0x7F:
            out.append(" ")
        elif v in FAST_MAP:
            out.append(FAST_MAP[v])
        elif v in FAST_DROP:
            continue
        elif 0x0660 <= v <= 0x0669:
            out.append(chr(v - 0x0660 + 0x30))
        elif 0x06F0 <= v <= 0x06F9:
            out.append(chr(v - 0x06F0 + 0x30))
        elif v == 0x0621 or 0x0627 <= v <= 0x063A or 0x0641 <= v <= 0x064A:
            out.append(ch)
        elif v in FAST_SPACE:
            out.append(" ")
        else:
            return None
    return _words("".join(out))


def _full(name):
    out = []
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", name))
    for ch in decomposed:
        if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        v = ord(ch)
        if v in FULL_MAP:
            out.append(FULL_MAP[v])
        elif v in APOSTROPHES:
            continue
        elif ch == "&":
            out.append(" and ")
        elif ch.isalpha() or unicodedata.decimal(ch, None) is not None:
            out.append(ch.lower())
        else:
            out.append(" ")
    return _words("".join(out))


def normalize(name):
    quick = _fast(name)
    return quick if quick is not None else _full(name)


# --------------------------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------------------------
def warehouse_names():
    """Entities and aliases of every migration but this script's own."""
    db = sqlite3.connect(":memory:")
    for path in sorted(glob.glob(os.path.join(MIGRATIONS, "*.sql"))):
        if os.path.abspath(path) == os.path.abspath(OUTPUT_SQL):
            continue
        with open(path, encoding="utf-8") as f:
            db.executescript(f.read())
    entities = db.execute(
        "SELECT code, kind, name_en, name_ar, iso3, iso_numeric FROM entities ORDER BY code").fetchall()
    aliases = db.execute("SELECT alias, code FROM entity_aliases ORDER BY alias").fetchall()
    return entities, aliases


def cldr_names(cldr_json, countries):
    """(code, locale, form, cldr version, name) rows: CLDR 49 (Babel) default names, then
    CLDR 48 (cldr-json) alternative forms and the default names CLDR 49 changed."""
    import babel
    from babel import Locale
    from babel.core import get_cldr_version

    if babel.__version__ != BABEL_VERSION:
        raise SystemExit("Babel %s is installed; this derivation uses %s (pip install babel==%s)"
                         % (babel.__version__, BABEL_VERSION, BABEL_VERSION))
    with open(os.path.join(cldr_json, "package.json"), encoding="utf-8") as f:
        package = json.load(f)
    if package.get("version") != CLDR_JSON_VERSION:
        raise SystemExit("%s is cldr-json %s; this derivation uses %s"
                         % (cldr_json, package.get("version"), CLDR_JSON_VERSION))
    babel_cldr = str(get_cldr_version())
    json_cldr = CLDR_JSON_VERSION.split(".")[0]
    rows = []
    for locale in LOCALES:
        babel_names = Locale(locale).territories
        with open(os.path.join(cldr_json, "main", locale, "territories.json"), encoding="utf-8") as f:
            json_names = json.load(f)["main"][locale]["localeDisplayNames"]["territories"]
        for code in countries:
            name = babel_names.get(code)
            if not name:
                raise SystemExit("CLDR %s has no %s name for %s" % (babel_cldr, locale, code))
            seen = {name}
            rows.append((code, locale, "default", babel_cldr, name))
            older = json_names.get(code)
            if older and older not in seen:
                seen.add(older)
                rows.append((code, locale, "default", json_cldr, older))
            for key in sorted(k for k in json_names if k.startswith(code + "-alt-")):
                text = json_names[key]
                if text not in seen:
                    seen.add(text)
                    rows.append((code, locale, key.split("-alt-")[1], json_cldr, text))
    license_path = os.path.join(cldr_json, "LICENSE")
    with open(license_path, encoding="utf-8") as f:
        license_text = f.read()
    return rows, babel_cldr, json_cldr, license_text


# --------------------------------------------------------------------------------------------
# Derivation
# --------------------------------------------------------------------------------------------
def derive(entities, aliases, cldr_rows):
    codes = {e[0] for e in entities}
    owner = {}  # key -> set of codes that the warehouse already resolves it to
    for code, _kind, name_en, name_ar, iso3, num in entities:
        for value in (code, name_en, name_ar, iso3, num):
            if value:
                owner.setdefault(normalize(value), set()).add(code)
    for alias, code in aliases:
        owner.setdefault(normalize(alias), set()).add(code)

    # A normalization step (such as the fold of the "g" letters) must not make two
    # entities' names or aliases meet.
    problems = ["%r is a key of %s already" % (key, sorted(found)) for key, found in sorted(owner.items()) if len(found) > 1]
    ambiguous_keys = {}
    for name, pair in AMBIGUOUS:
        key = normalize(name)
        ambiguous_keys[key] = name
        if key in owner:
            problems.append("ambiguous %r already resolves to %s" % (name, sorted(owner[key])))
        for code in pair:
            if code not in codes:
                problems.append("ambiguous %r names unknown code %s" % (name, code))
    aggregates = {normalize(n) for n in AGGREGATE_NAMES}

    candidates = [(name, code, "CLDR %s %s" % (version, locale)) for code, locale, _f, version, name in cldr_rows]
    for source, language, lists in PUBLISHERS:
        for code in sorted(lists):
            if code not in codes:
                problems.append("%s list names unknown code %s" % (source, code))
            for name in lists[code]:
                candidates.append((name, code, "%s %s" % (source, language)))

    added = []  # (alias, code, source)
    already = 0
    for name, code, source in candidates:
        key = normalize(name)
        quick = _fast(name)
        if quick is not None and quick != _full(name):
            problems.append("%r: the mirror's two paths disagree" % name)
        if not key:
            problems.append("%r (%s) normalizes to nothing" % (name, source))
            continue
        if key in ambiguous_keys:
            problems.append("%r (%s, %s) is listed as ambiguous (%r)" % (name, code, source, ambiguous_keys[key]))
            continue
        if key in aggregates:
            problems.append("%r (%s, %s) is a total row's name" % (name, code, source))
            continue
        found = owner.get(key, set())
        if found == {code}:
            already += 1
            continue
        if found:
            problems.append("%r (%s, %s) already resolves to %s" % (name, code, source, sorted(found)))
            continue
        owner[key] = {code}
        added.append((name, code, source))
    return added, already, len(candidates), problems


# --------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------
def sql_str(value):
    return "'" + value.replace("'", "''") + "'"


def check_cell(value):
    if "\t" in value or "\n" in value or value != value.strip():
        raise SystemExit("cannot write %r in a TSV cell" % value)
    return value


def render_cldr_tsv(rows, babel_cldr, json_cldr):
    lines = [
        "# Territory names of Unicode CLDR in English (en) and Arabic (ar), for every ISO 3166-1",
        "# code of the warehouse's entities. Generated by Scripts/derive-cldr-names.py; do not edit.",
        "# default names: CLDR %s, as Babel %s carries it (Locale(...).territories);" % (babel_cldr, BABEL_VERSION),
        "# short, variant and chagos forms, and the default names CLDR %s changed: CLDR %s, from" % (babel_cldr, json_cldr),
        "# cldr-json %s (cldr-localenames-full/main/{en,ar}/territories.json)." % CLDR_JSON_VERSION,
        "# Copyright Unicode, Inc. Unicode License v3 (SPDX: Unicode-3.0): see LICENSE-CLDR.txt.",
        "code\tlocale\tform\tcldr\tname",
    ]
    for row in rows:
        lines.append("\t".join(check_cell(v) for v in row))
    return "\n".join(lines) + "\n"


def render_publishers_tsv():
    lines = [
        "# Country names as World Bank, IMF, UN and OWID tables write them, curated by hand in",
        "# Scripts/derive-cldr-names.py (which says where each list comes from); do not edit.",
        "code\tsource\tlanguage\tname",
    ]
    for source, language, lists in PUBLISHERS:
        for code in sorted(lists):
            for name in lists[code]:
                lines.append("\t".join(check_cell(v) for v in (code, source, language, name)))
    return "\n".join(lines) + "\n"


def render_ambiguous_tsv():
    lines = [
        "# Names that could mean two entities: the resolver refuses them and suggests both.",
        "# From AMBIGUOUS in Scripts/derive-cldr-names.py; do not edit.",
        "name\tcodes",
    ]
    for name, pair in AMBIGUOUS:
        lines.append(check_cell(name) + "\t" + ",".join(pair))
    return "\n".join(lines) + "\n"


def render_license(license_text, babel_cldr, json_cldr):
    return (
        "cldr-territories.tsv in this folder, and the aliases of Migrations/0010_cldr_names.sql\n"
        "taken from it, contain data from the Unicode Common Locale Data Repository (CLDR):\n"
        "CLDR %s as carried by Babel %s, and CLDR %s as published in cldr-json %s.\n"
        "They are used under the licence below, a copy of cldr-json's LICENSE file.\n"
        "\n" % (babel_cldr, BABEL_VERSION, json_cldr, CLDR_JSON_VERSION)
    ) + license_text


def render_sql(added, babel_cldr, json_cldr):
    lines = [
        "-- Sharehouse warehouse data, version 10: names as the world writes them (issue 13, part 9).",
        "--",
        "-- Generated by Scripts/derive-cldr-names.py; do not edit by hand: change the script and",
        "-- run it again. Every English and Arabic territory name of Unicode CLDR (CLDR %s as" % babel_cldr,
        "-- Babel %s carries it; the short and variant forms from cldr-json %s, CLDR %s)," % (
            BABEL_VERSION, CLDR_JSON_VERSION, json_cldr),
        "-- and the names World Bank, IMF, UN and OWID tables use, that did not already resolve",
        "-- to their entity. CLDR data: Copyright Unicode, Inc., Unicode License v3",
        "-- (Tests/Fixtures/names/LICENSE-CLDR.txt). Names that could mean two entities (\"Korea\")",
        "-- are never aliases; spellings that differ only in the letters of a foreign \"g\"",
        "-- (غ ج ق) or in ى/ي need no row: the resolver's normalization folds them.",
        "--",
        "-- OR IGNORE: an alias a user's own migration already added keeps the code it gave it.",
        "",
        "INSERT OR IGNORE INTO entity_aliases (alias, code) VALUES",
    ]
    rows = sorted(added, key=lambda a: (a[1], a[0]))
    for index, (alias, code, source) in enumerate(rows):
        end = "," if index < len(rows) - 1 else ";"
        lines.append("    (%s, %s)%s  -- %s" % (sql_str(alias), sql_str(code), end, source))
    text = "\n".join(lines) + "\n"
    for line in text.splitlines():
        if line != line.rstrip():
            raise SystemExit("trailing whitespace in output: %r" % line)
    return text


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cldr-json", required=True,
                        help="the cldr-localenames-full folder of cldr-json %s" % CLDR_JSON_VERSION)
    parser.add_argument("--no-write", action="store_true", help="check and report only")
    parser.add_argument("--verbose", action="store_true", help="list the aliases added")
    args = parser.parse_args(argv)

    entities, aliases = warehouse_names()
    countries = [e[0] for e in entities if e[1] == "country"]
    cldr_rows, babel_cldr, json_cldr, license_text = cldr_names(args.cldr_json, countries)
    added, already, total, problems = derive(entities, aliases, cldr_rows)
    for problem in problems:
        print("problem: " + problem, file=sys.stderr)
    if args.verbose:
        for alias, code, source in added:
            print("add %s %s (%s)" % (code, alias, source), file=sys.stderr)
    # The report: how many CLDR names resolved before this migration (with today's
    # normalization) and how many the migration adds.
    added_keys = {(normalize(a), c) for a, c, _s in added}
    for locale in LOCALES:
        rows = [r for r in cldr_rows if r[1] == locale]
        defaults = [r for r in rows if r[2] == "default" and r[3] == babel_cldr]
        missing = [r for r in rows if (normalize(r[4]), r[0]) in added_keys]
        missing_defaults = [r for r in defaults if (normalize(r[4]), r[0]) in added_keys]
        print("CLDR %s: %d default names (CLDR %s), %d unresolved before; %d forms in all, %d unresolved before"
              % (locale, len(defaults), babel_cldr, len(missing_defaults), len(rows), len(missing)), file=sys.stderr)
    print("%d candidate names, %d already resolved, %d aliases added, %d problems"
          % (total, already, len(added), len(problems)), file=sys.stderr)
    if problems:
        return 1
    if not args.no_write:
        write(os.path.join(FIXTURES, "cldr-territories.tsv"), render_cldr_tsv(cldr_rows, babel_cldr, json_cldr))
        write(os.path.join(FIXTURES, "publisher-names.tsv"), render_publishers_tsv())
        write(os.path.join(FIXTURES, "ambiguous-names.tsv"), render_ambiguous_tsv())
        write(os.path.join(FIXTURES, "LICENSE-CLDR.txt"), render_license(license_text, babel_cldr, json_cldr))
        write(OUTPUT_SQL, render_sql(added, babel_cldr, json_cldr))
        print("wrote %s and %s" % (os.path.relpath(OUTPUT_SQL, ROOT), os.path.relpath(FIXTURES, ROOT)),
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
