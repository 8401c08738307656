#!/usr/bin/env python3
"""Derive Migrations/0002_entities.sql from the Debian iso-codes data.

Run once by a developer (standard library only):

    python3 Scripts/derive-entities.py            # writes Migrations/0002_entities.sql
    python3 Scripts/derive-entities.py --check    # also checks the names/aliases for clashes
    python3 Scripts/derive-entities.py --check --no-write   # check only

Inputs (Debian package `iso-codes`, LGPL-2.1-or-later):
    /usr/share/iso-codes/json/iso_3166-1.json
    /usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo

The program never reads these files at run time: the generated SQL is the shipped data.
Everything that is not in iso-codes (Arabic names iso-codes lacks or gets wrong, aliases,
the group/other entities and EU membership dates) is curated by hand below.
The output has no timestamps, so every run on the same iso-codes version is byte-identical.
"""

import gettext
import json
import os
import subprocess
import sys
import unicodedata

ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
ISO_AR_MO = "/usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo"
HERE = os.path.dirname(os.path.abspath(__file__))
OUTPUT = os.path.join(os.path.dirname(HERE), "Migrations", "0002_entities.sql")

# --------------------------------------------------------------------------------------------
# Hand-filled Arabic names (name_ar). Every entry overrides what iso-codes gives; the
# iso-codes form (diacritics removed), when there is one and it is not plain wrong, is kept
# as an alias automatically.
# --------------------------------------------------------------------------------------------
ARABIC_NAME_OVERRIDES = {
    # Missing: iso-codes has no Arabic translation for "Türkiye".
    "TR": "تركيا",
    # Wrong: iso-codes translates the common_name "Moldova" as "المالديف" (the Maldives).
    # That form is NOT kept as an alias (it would send Maldives rows to Moldova).
    "MD": "مولدوفا",
    # Inverted "X، Y" forms: the plain name people write.
    "KR": "كوريا الجنوبية",  # iso-codes: كوريا، جمهورية كوريا
    "KP": "كوريا الشمالية",  # iso-codes: كوريا، جمهورية كوريا الشعبية الديموقراطية
    "IR": "إيران",  # iso-codes: إيران، الجمهورية الإسلامية الإيرانية
    "CD": "جمهورية الكونغو الديمقراطية",  # iso-codes: الكونغو، جمهورية الكونغو الديموقراطية
    "FM": "ميكرونيزيا",  # iso-codes: ميكرونيزيا، ولايات ميكرونيزيا الموحدة
    "VG": "جزر العذراء البريطانية",  # iso-codes: فيرجن، جزر فيرجن البريطانية
    "VI": "جزر العذراء الأمريكية",  # iso-codes: فيرجن، جزر فيرجن الأميركية
    # Long official form where name_en uses the short common_name (iso-codes has no Arabic
    # for the common_name): keep name_ar as short as name_en.
    "LA": "لاوس",  # iso-codes: جمهورية لاو الديموقراطية الشعبية
    "SY": "سوريا",  # iso-codes: الجمهورية العربية السورية
    # Incomplete: iso-codes drops Ascension ("ساينت هيلينا، تريستان دا كونا").
    "SH": "سانت هيلينا وأسينشين وتريستان دا كونا",
    # Mistranslated: iso-codes writes "المقعد المقدس" (a literal "holy seat").
    "VA": "الفاتيكان",
    # Dated or unusual spellings; the modern spelling used by Arabic news media.
    "VN": "فيتنام",  # iso-codes: الفيتنام / الفييتنام
    "LT": "ليتوانيا",  # iso-codes: لثوانيا
    "RS": "صربيا",  # iso-codes: صربية
    "ME": "الجبل الأسود",  # iso-codes: المنتنيغرو (a transliteration; Arabic uses the calque)
    "HU": "المجر",  # iso-codes: المجر (هنغاريا); هنغاريا is an alias
}

# iso-codes Arabic strings that are wrong and must not become aliases either.
WRONG_ARABIC = {
    "MD": {"المالديف"},
}

# --------------------------------------------------------------------------------------------
# Group and other entities (not in ISO 3166-1).
# --------------------------------------------------------------------------------------------
NON_COUNTRIES = [
    # code, kind, name_en, name_ar, description
    ("EU", "group", "European Union", "الاتحاد الأوروبي",
     "The European Union; membership with dates is in group_members "
     "(dates before 1993 are those of the European Communities it grew from)."),
    ("EUROPE", "group", "Europe", "أوروبا",
     "Europe as a region, as in the ATOM report's mapping of organisations to regions; "
     "the sources do not define its membership, so no members are listed."),
    ("INTL", "other", "International/Online", "دولي/عبر الإنترنت",
     "Unaffiliated or online-community organisations with no single country, "
     "as in the Economies of Open Intelligence study."),
    ("USER", "other", "Individual users", "مستخدمون أفراد",
     "Individual user accounts rather than organisations, reported as their own bucket."),
    ("UNKNOWN", "other", "Unknown", "غير معروف",
     "Origin not known to the source."),
    ("OTHER", "other", "Other", "أخرى",
     "All other origins, as a source reports them without breaking them down."),
]

# EU membership: member_from is the date of accession (1958-01-01 = Treaties of Rome in
# force for the six founders); member_until is the last day of membership.
EU_MEMBERS = [
    # Founders (EEC, 1958).
    ("BE", "1958-01-01", None), ("DE", "1958-01-01", None), ("FR", "1958-01-01", None),
    ("IT", "1958-01-01", None), ("LU", "1958-01-01", None), ("NL", "1958-01-01", None),
    # 1973 enlargement.
    ("DK", "1973-01-01", None), ("IE", "1973-01-01", None),
    ("GB", "1973-01-01", "2020-01-31"),  # left at the end of 2020-01-31 (Brexit)
    # 1981, 1986, 1995.
    ("GR", "1981-01-01", None),
    ("ES", "1986-01-01", None), ("PT", "1986-01-01", None),
    ("AT", "1995-01-01", None), ("FI", "1995-01-01", None), ("SE", "1995-01-01", None),
    # 2004 enlargement.
    ("CY", "2004-05-01", None), ("CZ", "2004-05-01", None), ("EE", "2004-05-01", None),
    ("HU", "2004-05-01", None), ("LT", "2004-05-01", None), ("LV", "2004-05-01", None),
    ("MT", "2004-05-01", None), ("PL", "2004-05-01", None), ("SI", "2004-05-01", None),
    ("SK", "2004-05-01", None),
    # 2007, 2013.
    ("BG", "2007-01-01", None), ("RO", "2007-01-01", None),
    ("HR", "2013-07-01", None),
]

# --------------------------------------------------------------------------------------------
# Hand-curated aliases: spellings real download-share tables and news articles use.
# The resolver already matches code, iso3, iso_numeric, name_en and name_ar up to case,
# diacritics, Arabic letter variants, punctuation, a leading "the" and "&"/"and", so only
# spellings that differ beyond that are listed (--check fails on redundant ones).
# Deliberately absent (ambiguous): "Korea" (KR/KP), "Congo"/"الكونغو" alone (CG/CD; note
# that CG's ISO name already is "Congo"), "Guinea" beyond GN's own name, "Virgin Islands"
# (VG/VI), "Saint Martin"/"St. Martin" (MF/SX), "Timor", "England" (not the UK), and
# "World", "Total", "Global", "All" (the importer must reject those rows).
# --------------------------------------------------------------------------------------------
ALIASES = {
    # --- English ---------------------------------------------------------------------------
    "US": ["U.S.", "U.S.A.", "America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "RU": ["Russia"],
    "KR": ["Republic of Korea", "Korea, South", "S. Korea", "ROK"],
    "KP": ["Korea, North", "DPRK", "DPR Korea"],
    "LA": ["Lao PDR"],
    "TW": ["Chinese Taipei"],
    "TR": ["Turkey", "Republic of Turkey"],
    "NL": ["Holland", "Netherlands (Kingdom of the)", "Nederland"],
    "CI": ["Ivory Coast"],
    "MM": ["Burma"],
    "SZ": ["Swaziland"],
    "MK": ["Macedonia", "Republic of Macedonia"],
    "CV": ["Cape Verde"],
    "TL": ["East Timor"],
    "VA": ["Vatican", "Vatican City", "Holy See"],
    "PS": ["Palestine", "Palestinian Territories", "Occupied Palestinian Territory"],
    "BN": ["Brunei"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "SA": ["KSA"],
    "CN": ["PRC", "P.R. China", "PR China", "Mainland China", "China (Mainland)",
           "China, People's Republic of"],
    "HK": ["Hong Kong SAR", "Hong Kong, China", "Hong Kong SAR, China", "Hongkong"],
    "MO": ["Macau", "Macao SAR", "Macau SAR", "Macao, China", "Macau, China"],
    "CD": ["Democratic Republic of the Congo", "DR Congo", "DRC", "Congo-Kinshasa",
           "Congo, Dem. Rep."],
    "CG": ["Congo-Brazzaville", "Congo, Rep."],
    "BA": ["Bosnia", "Bosnia-Herzegovina"],
    "KN": ["St. Kitts and Nevis"],
    "LC": ["St. Lucia"],
    "VC": ["St. Vincent and the Grenadines"],
    "VI": ["US Virgin Islands", "U.S. Virgin Islands"],
    "FK": ["Falkland Islands"],
    "BY": ["Belorussia", "Byelorussia"],
    "KG": ["Kirghizia"],
    # World Bank style "Name, Qualifier" spellings, common in data tables.
    "KR_wb": ["Korea, Rep."],
    "KP_wb": ["Korea, Dem. People's Rep."],
    "IR_wb": ["Iran, Islamic Rep."],
    "EG_wb": ["Egypt, Arab Rep."],
    "VE_wb": ["Venezuela, RB"],
    "YE_wb": ["Yemen, Rep."],
    "MO_wb": ["Macao SAR, China"],
    "GM_wb": ["Gambia, The"],
    "BS_wb": ["Bahamas, The"],
    "FM_wb": ["Micronesia, Fed. Sts."],
    # --- Arabic ----------------------------------------------------------------------------
    "US_ar": ["أمريكا", "أميركا", "الولايات المتحدة الأمريكية"],
    "GB_ar": ["بريطانيا", "بريطانيا العظمى"],
    "RU_ar": ["روسيا", "روسيا الاتحادية"],
    "KR_ar": ["جمهورية كوريا"],
    "KP_ar": ["جمهورية كوريا الديمقراطية الشعبية"],
    "SY_ar": ["سورية"],
    "CZ_ar": ["تشيكيا"],
    "NL_ar": ["الأراضي المنخفضة"],
    "AE_ar": ["الإمارات", "دولة الإمارات", "دولة الإمارات العربية المتحدة"],
    "PS_ar": ["فلسطين", "الأراضي الفلسطينية"],
    "CN_ar": ["الصين الشعبية"],
    "FR_ar": ["الجمهورية الفرنسية"],  # iso-codes' official form lacks the article
    "GR_ar": ["الجمهورية الهيلينية"],  # iso-codes writes "الهلنستية" (Hellenistic)
    "TR_ar": ["جمهورية تركيا", "الجمهورية التركية"],
    "CI_ar": ["كوت ديفوار"],
    "MM_ar": ["بورما"],
    "SZ_ar": ["سوازيلاند"],
    "MK_ar": ["مقدونيا"],
    "BY_ar": ["بيلاروسيا"],
    "NZ_ar": ["نيوزيلندا"],
    "HK_ar": ["هونج كونج"],
    "MO_ar": ["ماكاو"],
    "BN_ar": ["بروناي"],
    "TL_ar": ["تيمور الشرقية"],
    "ME_ar": ["مونتينيغرو"],
    "HU_ar": ["هنغاريا"],
    "VA_ar": ["الكرسي الرسولي", "دولة الفاتيكان", "مدينة الفاتيكان"],
    "CD_ar": ["الكونغو الديمقراطية", "الكونغو كينشاسا"],
    "CG_ar": ["الكونغو برازافيل"],
    "IM_ar": ["جزيرة مان"],
    "GG_ar": ["غيرنزي"],
    "VI_ar": ["جزر فيرجن الأمريكية"],
    "MD_ar": ["مولدافيا"],
    # --- Groups and other buckets -----------------------------------------------------------
    "EU": ["E.U.", "European Union (EU)"],
    "EU_ar": ["الاتحاد الأوربي"],
    "EUROPE": ["European region"],
    "EUROPE_ar": ["أوربا"],
    "INTL": ["International", "Online", "Unaffiliated", "Community", "Online community",
             "Online communities", "International and online"],
    "INTL_ar": ["دولي", "دولية", "عبر الإنترنت", "مجتمعات الإنترنت", "غير منتسب"],
    "USER": ["Users", "Individual user", "Individuals", "Individual"],
    "USER_ar": ["مستخدم", "مستخدمون", "المستخدمون", "أفراد", "مستخدم فردي"],
    "UNKNOWN": ["Unspecified", "Not specified", "Not known", "Unknown origin"],
    "UNKNOWN_ar": ["غير معروفة", "غير محدد", "مجهول"],
    "OTHER": ["Others", "Other countries", "All others", "Rest of world", "Rest of the world"],
    "OTHER_ar": ["دول أخرى", "غير ذلك", "بقية العالم", "باقي العالم"],
}

# Keys that must never resolve to anything: the importer rejects such rows.
FORBIDDEN_KEYS = {"world", "total", "global", "all", "العالم", "المجموع", "الاجمالي"}

# --------------------------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------------------------
ARABIC_DIACRITICS = {chr(c) for c in range(0x064B, 0x0653)} | {"\u0670"}


def strip_tashkeel(s):
    """Remove Arabic diacritics (tashkeel) and tidy spacing, as modern Arabic text is shown."""
    s = "".join(ch for ch in s if ch not in ARABIC_DIACRITICS)
    return " ".join(s.split())


def tidy_arabic(s):
    """Display form: no tashkeel, and the conjunction waw attached ("X و Y" -> "X وY")."""
    return strip_tashkeel(s).replace(" و ", " و")


APOSTROPHES = {"'", "\u2019", "\u2018", "\u02bc", "`", "\u00b4"}
ARABIC_FOLD = {"ى": "ي", "ة": "ه", "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"}


def normalize(s):
    """The resolver's matching key (mirrors the Swift resolver's documented rules)."""
    s = unicodedata.normalize("NFKC", s)
    s = unicodedata.normalize("NFD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = unicodedata.normalize("NFC", s).lower()
    s = "".join(ARABIC_FOLD.get(ch, ch) for ch in s)
    s = s.replace("\u0640", "")  # tatweel
    s = "".join(ch for ch in s if ch not in APOSTROPHES)
    s = s.replace("&", " and ")
    out = []
    for ch in s:
        cat = unicodedata.category(ch)
        out.append(" " if cat[0] in "PSZ" or ch.isspace() else ch)
    words = "".join(out).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def sql_str(v):
    if v is None:
        return "NULL"
    if '"' in v:
        raise ValueError("double quote in value: %r" % v)
    return "'" + v.replace("'", "''") + "'"


def iso_codes_version():
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
                             capture_output=True, text=True, check=True).stdout.strip()
        return out or "unknown"
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


# --------------------------------------------------------------------------------------------
# Derivation
# --------------------------------------------------------------------------------------------
def derive():
    with open(ISO_JSON, encoding="utf-8") as f:
        countries = json.load(f)["3166-1"]
    with open(ISO_AR_MO, "rb") as f:
        ar = gettext.GNUTranslations(f)

    def tr(msgid):
        """Arabic translation, or None when missing or just the English text."""
        if not msgid:
            return None
        t = ar.gettext(msgid)
        if not t or t == msgid:
            return None
        return t

    entities = []  # (code, kind, name_en, name_ar, iso3, numeric, description)
    aliases = []  # (alias, code, generated?)
    hand_filled = {}

    for c in sorted(countries, key=lambda c: c["alpha_2"]):
        code = c["alpha_2"]
        name = c["name"]
        common = c.get("common_name")
        official = c.get("official_name")
        name_en = common or name
        wrong = WRONG_ARABIC.get(code, set())

        iso_ar = [t for t in (tr(common), tr(name), tr(official)) if t]
        iso_ar = [t for t in iso_ar if strip_tashkeel(t) not in wrong]
        if code in ARABIC_NAME_OVERRIDES:
            name_ar = ARABIC_NAME_OVERRIDES[code]
            hand_filled[code] = name_ar
        else:
            first = tr(common) or tr(name)
            if first is None:
                raise SystemExit("no Arabic name for %s (%s): add it to ARABIC_NAME_OVERRIDES"
                                 % (code, name))
            name_ar = tidy_arabic(first)

        entities.append((code, "country", name_en, name_ar, c["alpha_3"], c["numeric"], None))

        # Generated aliases: the ISO forms that are not name_en / name_ar.
        if common and name != common:
            aliases.append((name, code, True))
        if official:
            aliases.append((official, code, True))
        for t in iso_ar:
            aliases.append((strip_tashkeel(t), code, True))  # iso-codes form as written
            aliases.append((tidy_arabic(t), code, True))  # same with the waw attached

    for code, kind, name_en, name_ar, desc in NON_COUNTRIES:
        entities.append((code, kind, name_en, name_ar, None, None, desc))

    codes = {e[0] for e in entities}
    for key, names in ALIASES.items():
        code = key.split("_")[0]
        if code not in codes:
            raise SystemExit("alias list for unknown code %s" % code)
        for n in names:
            aliases.append((n, code, False))

    # Drop aliases whose key is already covered by the entity itself or by an earlier alias
    # of the same code. Generated ones are dropped silently; hand-curated ones are reported
    # by --check (they should be removed from ALIASES).
    own_keys = {}
    for code, _kind, name_en, name_ar, iso3, num, _d in entities:
        for v in (code, name_en, name_ar, iso3, num):
            if v:
                own_keys.setdefault(normalize(v), set()).add(code)
    kept = {}
    redundant = []
    for alias, code, generated in aliases:
        k = normalize(alias)
        if code in own_keys.get(k, set()) or (k in kept and kept[k][1] == code):
            if not generated:
                redundant.append((alias, code))
            continue
        if k in kept:
            # Same key, different code: keep the first, --check reports the clash.
            redundant.append((alias, code))
            continue
        kept[k] = (alias, code)
    alias_rows = sorted(kept.values())

    members = sorted(("EU", m, f, u) for m, f, u in EU_MEMBERS)
    return entities, alias_rows, members, hand_filled, redundant, aliases


def render(entities, alias_rows, members, version):
    countries = [e for e in entities if e[1] == "country"]
    others = [e for e in entities if e[1] != "country"]
    lines = [
        "-- Sharehouse warehouse data, version 2: entities (countries, groups, other buckets),",
        "-- their aliases and the EU's membership.",
        "--",
        "-- Generated by Scripts/derive-entities.py from Debian iso-codes version %s" % version,
        "-- (ISO 3166-1 codes, English names and Arabic translations; iso-codes is licensed",
        "-- LGPL-2.1-or-later). Do not edit by hand: change the script and run it again.",
        "-- name_en is the iso-codes common_name when there is one, else its name; name_ar is",
        "-- the iso-codes Arabic translation without tashkeel, except the names filled in by hand",
        "-- in the script (ARABIC_NAME_OVERRIDES). The group and other entities, the EU",
        "-- membership dates and the aliases beyond the iso-codes names are curated by hand",
        "-- in the script.",
        "",
        "-- ISO 3166-1 countries and territories.",
        "INSERT INTO entities (code, kind, name_en, name_ar, iso3, iso_numeric, description) VALUES",
    ]

    def rows(rs, fmt):
        return [fmt(r) + ("," if i < len(rs) - 1 else ";") for i, r in enumerate(rs)]

    fmt_entity = lambda e: "    (" + ", ".join(sql_str(v) for v in e) + ")"
    lines += rows(countries, fmt_entity)
    lines += [
        "",
        "-- Groups and other buckets that sources report as if they were countries.",
        "INSERT INTO entities (code, kind, name_en, name_ar, iso3, iso_numeric, description) VALUES",
    ]
    lines += rows(others, fmt_entity)
    lines += [
        "",
        "-- EU membership: member_from = accession, member_until = last day (NULL: still a member).",
        "INSERT INTO group_members (group_code, member_code, member_from, member_until) VALUES",
    ]
    lines += rows(members, lambda m: "    (" + ", ".join(sql_str(v) for v in m) + ")")
    lines += [
        "",
        "-- Other spellings real tables use (the resolver normalizes case, diacritics, Arabic",
        "-- letter variants and punctuation when it loads them).",
        "INSERT INTO entity_aliases (alias, code) VALUES",
    ]
    lines += rows(alias_rows, lambda a: "    (" + sql_str(a[0]) + ", " + sql_str(a[1]) + ")")
    text = "\n".join(lines) + "\n"
    for ln in text.splitlines():
        if ln != ln.rstrip():
            raise SystemExit("trailing whitespace in output: %r" % ln)
    return text


def check(entities, alias_rows, redundant):
    """Fail if two different codes share a normalized key, or a forbidden key resolves."""
    problems = []
    owner = {}

    def add(value, code, what):
        k = normalize(value)
        if not k:
            problems.append("%s %r of %s normalizes to nothing" % (what, value, code))
            return
        if k in FORBIDDEN_KEYS:
            problems.append("%s %r of %s is a forbidden key %r" % (what, value, code, k))
        prev = owner.get(k)
        if prev and prev[0] != code:
            problems.append("clash on %r: %s %r of %s vs %s %r of %s"
                            % (k, prev[2], prev[1], prev[0], what, value, code))
        owner.setdefault(k, (code, value, what))

    for code, _kind, name_en, name_ar, iso3, num, _d in entities:
        add(code, code, "code")
        add(name_en, code, "name_en")
        if name_ar:
            add(name_ar, code, "name_ar")
        if iso3:
            add(iso3, code, "iso3")
        if num:
            add(num, code, "iso_numeric")
    for alias, code in alias_rows:
        add(alias, code, "alias")
    for alias, code in redundant:
        problems.append("hand-curated alias %r of %s is redundant or clashes" % (alias, code))
    codes = {e[0] for e in entities}
    for code, m, _f, _u in [("EU",) + m for m in EU_MEMBERS]:
        if m not in codes:
            problems.append("EU member %s is not an entity" % m)
    for p in problems:
        print("check: " + p, file=sys.stderr)
    print("check: %d entities, %d aliases, %d keys, %d problems"
          % (len(entities), len(alias_rows), len(owner), len(problems)), file=sys.stderr)
    return not problems


def main(argv):
    entities, alias_rows, members, hand_filled, redundant, _ = derive()
    ok = True
    if "--check" in argv:
        ok = check(entities, alias_rows, redundant)
    if "--no-write" not in argv:
        text = render(entities, alias_rows, members, iso_codes_version())
        with open(OUTPUT, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        print("wrote %s (%d entities, %d aliases, %d group members)"
              % (OUTPUT, len(entities), len(alias_rows), len(members)), file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
