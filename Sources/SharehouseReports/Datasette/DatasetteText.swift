/// The words of ``DatasetteMetadata``: titles and descriptions of the documented views and
/// tables (README.md, "The SQL surface"), their columns with units, and under which terms
/// each may be used.
public enum DatasetteText {
    static let title = "Sharehouse: open-AI-model download shares by country, cited"
    static let description =
        "Who holds what share of open-AI-model downloads, per country (or group) and period, according to which source, "
        + "as published when. Every figure keeps its citation chain and every vintage; figures of different measures "
        + "(what is counted, over which universe) are never one series. Start with reported_figures (what the reports "
        + "print), current_figures (every source's figures in force) and citations (who says so)."
    static let databaseTitle = "The warehouse"
    static let databaseDescription =
        "One Sharehouse warehouse. The views reported_figures, current_figures, figure_history, citations and "
        + "period_names are the documented surface: their columns change only by addition. Tables under them may change "
        + "between versions."
    static let mixedLicense =
        "Each figure: its cited source's terms (citations.license). Entity names: LGPL-2.1-or-later (Debian iso-codes) "
        + "and Unicode-3.0 (CLDR). Schema: Apache-2.0."
    static let citedSources = "The publications each figure cites, with their sources: the citations view"
    static let queryDescription = "One of the example queries of Sharehouse's README (\"Ad-hoc SQL\")."

    /// Under which terms a table's rows may be used, and where they come from.
    enum Rights: Equatable {
        /// Rows as imported: each under the terms of the source it cites.
        case imported
        /// The countries' codes and names, from Debian's iso-codes.
        case isoCodes
        /// Spellings of names: iso-codes, CLDR and the maintainers'.
        case names
        /// Sharehouse's own: its schema and what its maintainers curated.
        case sharehouse

        static func of(_ table: String) -> Rights {
            switch table {
            case "entities": .isoCodes
            case "entity_aliases": .names
            case "group_members", "periods", "period_names", "sharehouse_migrations": .sharehouse
            default: .imported
            }
        }

        var license: String {
            switch self {
            case .imported: "Each row: the terms of the source it cites (its license in citations or sources)"
            case .isoCodes: "LGPL-2.1-or-later (names derived from Debian's iso-codes 4.15)"
            case .names: "LGPL-2.1-or-later (iso-codes names) and Unicode-3.0 (CLDR names); the maintainers' aliases Apache-2.0"
            case .sharehouse: "Apache-2.0"
            }
        }

        var licenseURL: String? {
            switch self {
            case .imported: nil
            case .isoCodes, .names: "https://spdx.org/licenses/LGPL-2.1-or-later.html"
            case .sharehouse: "https://www.apache.org/licenses/LICENSE-2.0"
            }
        }

        var source: String {
            switch self {
            case .imported: citedSources
            case .isoCodes: "Debian iso-codes 4.15 (ISO 3166-1 codes, English names, Arabic translations)"
            case .names: "Debian iso-codes 4.15, Unicode CLDR 48 and 49, and the World Bank's, IMF's, UN's and OWID's spellings"
            case .sharehouse: "Sharehouse"
            }
        }

        var sourceURL: String? {
            switch self {
            case .imported, .sharehouse: nil
            case .isoCodes: "https://salsa.debian.org/iso-codes-team/iso-codes"
            case .names: "https://cldr.unicode.org/"
            }
        }
    }

    struct Object {
        let title: String
        let description: String
        var sortDescending: String? = nil
    }

    /// The documented views, and the tables README.md names.
    static let objects: [String: Object] = [
        "reported_figures": Object(
            title: "Reported figures: what the reports print",
            description:
                "For each measure, period and entity, the figure in force of the one source the default policy chooses "
                + "for that period: the one that lists the most entities, then the better verified, then the fewer relay "
                + "steps, then the later publication, then the key. choice_reason says why.",
            sortDescending: "value"),
        "current_figures": Object(
            title: "Current figures: every source's figures in force",
            description:
                "For each measure, source and period, the figures of the latest-published snapshot that covers the period "
                + "(ties: the later import). Sources are side by side, never mixed.",
            sortDescending: "value"),
        "figure_history": Object(
            title: "Figure history: every figure ever imported, with its vintage",
            description:
                "Every figure of every snapshot, with when it became known (known_from) and until when it was the current "
                + "one (known_to, exclusive; empty while current). What was known on a day D: known_from <= D and (known_to "
                + "is empty or known_to > D)."),
        "citations": Object(
            title: "Citations: who says so",
            description:
                "For each snapshot, the source it cites (depth 0) and each source that one relays (depth 1, 2, ...), with "
                + "title, publisher, authors, address, dates, language, kind, licence and access note."),
        "period_names": Object(
            title: "Periods and their names",
            description: "Every period with its canonical name as Sharehouse prints it: 2025-08, 2025-Q3, 2025, 2024-09/2025-08."),
        "catalog_changes": Object(
            title: "Changes to sources and measures",
            description:
                "Each change of one field of a source or measure (sources amend, measures amend), oldest first: the old "
                + "and new value, when (UTC) and why. Sources and measures change only with such a row."),
        "entities": Object(
            title: "Entities: countries, groups and buckets",
            description:
                "The 249 ISO 3166-1 countries and territories with English and Arabic names, and the groups (EU, EUROPE) "
                + "and buckets real sources report as if they were countries (INTL, USER, UNKNOWN, OTHER)."),
        "entity_aliases": Object(
            title: "Other names of entities",
            description:
                "Spellings that resolve to an entity (USA, Britain, أمريكا, Korea, Rep.), as real tables write them. The "
                + "resolver also ignores case, accents and Arabic letter variants, so one row covers every variant."),
        "group_members": Object(
            title: "Members of groups",
            description: "Which entities belong to a group (the EU), and when: the UK left the EU on 2020-01-31."),
        "measures": Object(
            title: "Measures: what is counted",
            description:
                "What a figure measures: the unit, the universe (which models and downloads) and the attribution (how a "
                + "download is given a country). Figures of different measures are never one series."),
        "sources": Object(
            title: "Sources: the citations",
            description: "Each cited publication, with the source it relays (derived_from)."),
        "periods": Object(
            title: "Periods",
            description: "Windows of time, inclusive at both ends; period_names gives their canonical names."),
        "snapshots": Object(
            title: "Snapshots: one import each",
            description: "One vintage of one measure from one source, as published on a date. Never updated or deleted."),
        "observations": Object(
            title: "Observations: the figures",
            description:
                "The figures of each snapshot, by period and entity, with the precision as published. Read them through "
                + "figure_history, current_figures or reported_figures."),
        "snapshot_periods": Object(
            title: "Which periods each snapshot covers",
            description: "Derived from observations when a snapshot is imported, so that the vintage rule reads a few rows."),
        "snapshot_corrections": Object(
            title: "Corrections",
            description: "Which snapshot corrects which: the same measure, source and publication date, other figures."),
        "sharehouse_migrations": Object(
            title: "Migrations applied",
            description:
                "The migrations applied to this warehouse, each with its checksum, its time, its SQL and the Sharehouse version that ran it."
        ),
        "listings": Object(
            title: "Listings: the Hub's per-model counts",
            description: "One retrieval of per-model download counts, cited by a source and dated, never changed."),
        "listing_models": Object(
            title: "Models of a listing",
            description: "Each model of a listing with its author and its downloads as retrieved."),
        "listing_bases": Object(
            title: "Base models",
            description: "The models a listed model names as its base (fine-tune, quantization, adapter, merge)."),
        "attribution_versions": Object(
            title: "Attribution tables",
            description: "Each version of an attribution table (Hub author to country or bucket), imported whole and never changed."),
        "attributions": Object(
            title: "Attributions",
            description:
                "The rows of each attribution table version: a Hub author, its country or bucket, the kind of account and the basis."),
        "derivations": Object(
            title: "Derivations",
            description: "What each snapshot derived from a listing read: the listing, the attribution table version and the method."),
    ]

    /// Columns whose meaning is the same wherever they appear.
    static let columns: [String: String] = [
        "measure": "The measure's key (measures.key): what is counted, over which universe.",
        "measure_name": "The measure's name.",
        "unit": "The measure's unit: percent (a share of downloads, 0-100) or count (downloads).",
        "source": "The cited source's key (sources.key).",
        "period": "The period's canonical name: 2025-08 (a month), 2025-Q3, 2025, 2024-09/2025-08 (whole months), or a span of days.",
        "period_id": "The period's id (periods.id).",
        "start_date": "The period's first day (ISO 8601 date).",
        "end_date": "The period's last day, inclusive (ISO 8601 date).",
        "entity_code": "The entity's code: ISO 3166-1 alpha-2 for a country (CN, US), or a group or bucket (EU, INTL, USER, UNKNOWN).",
        "entity_name": "The entity's English name.",
        "entity_name_ar": "The entity's Arabic name.",
        "entity_kind": "country, group or other.",
        "value":
            "The figure, in the measure's unit: percent of downloads (0-100) when unit is percent, a number of downloads when "
            + "unit is count.",
        "decimals": "Digits after the decimal point as published (17.10: 2).",
        "value_text": "The figure with its published digits, as text (17.10 stays 17.10), in the measure's unit.",
        "snapshot_id": "The snapshot (one import, one vintage) the figure comes from (snapshots.id).",
        "verification": "How directly the source was checked: primary, secondary or unverified.",
        "coverage": "complete (the source lists every entity) or top_n (only its leaders: the rest is not broken down).",
        "known_from": "The snapshot's publication date: from when the figure was known (ISO 8601 date).",
        "known_to":
            "When the next vintage of the same measure, source and period was published (ISO 8601 date, exclusive); empty while current.",
        "is_current": "1 while the figure is in force, 0 once a later vintage replaced it.",
        "corrects_snapshot_id": "The vintage before this one, when this one corrects it (snapshots.id); else empty.",
        "corrected_by_snapshot_id": "The vintage after this one, when that one corrects it (snapshots.id); else empty.",
        "months": "The period's length in whole months (count); empty when it is not whole months.",
        "days": "The period's length in days, both ends counted (count).",
        "title": "The publication's title.",
        "publisher": "Who published it.",
        "authors": "Its authors.",
        "url": "Its address (http or https).",
        "accessed_on": "When it was read (ISO 8601 date).",
        "language": "Its language (ISO 639-1 code: en, ar).",
        "license": "Its licence, where it states one (SPDX identifier or words); empty when it states none.",
        "access_note": "How it can be read: paywalled, mirror, date inferred, unverified.",
        "derived_from": "The source it relays (sources.key): article, then newspaper, then study.",
    ]

    /// Columns whose meaning depends on the table.
    static let tableColumns: [String: [String: String]] = [
        "reported_figures": [
            "published_on": "The chosen snapshot's publication date (ISO 8601 date).",
            "source_entities": "How many entities the chosen source lists for the period (count).",
            "sources_for_period": "How many sources give the measure for the period (count).",
            "choice_reason":
                "Why this source: only_source, most_entities, better_verification, fewer_relays, later_publication or source_key.",
        ],
        "citations": [
            "depth": "0 for the source the snapshot cites, 1 for what that one relays, and so on.",
            "snapshot_published_on": "The snapshot's publication date (ISO 8601 date).",
            "source": "This step's source key (sources.key).",
            "published_on": "The source's publication date (ISO 8601 date).",
            "kind": "study, news, dataset or report.",
            "corrects_snapshot_id": "The snapshot this one corrects (the latest, when more than one); empty for a first publication.",
        ],
        "catalog_changes": [
            "id": "The change's number, oldest first.",
            "kind": "source or measure.",
            "key": "The source's or measure's key.",
            "field": "The column that changed.",
            "old_value": "The value before, as the column stores it; empty for none.",
            "new_value": "The value after, as the column stores it; empty for none.",
            "changed_at": "When, in UTC (2026-03-01T09:30:00Z).",
            "reason": "Why, as given (--reason).",
        ],
        "entities": [
            "code": "ISO 3166-1 alpha-2 for a country, or the group's or bucket's code.",
            "kind": "country, group or other.",
            "name_en": "The English name.",
            "name_ar": "The Arabic name.",
            "iso3": "ISO 3166-1 alpha-3 (countries only).",
            "iso_numeric": "ISO 3166-1 numeric, three digits (countries only).",
            "description": "What a group or bucket stands for.",
        ],
        "entity_aliases": [
            "alias": "Another name, as written.",
            "code": "The entity it names (entities.code).",
        ],
        "sources": [
            "key": "The source's key, which snapshots and citations name.",
            "published_on": "Its publication date (ISO 8601 date).",
            "kind": "study, news, dataset or report.",
        ],
        "measures": [
            "key": "The measure's key.",
            "name": "Its name.",
            "universe": "Which models and downloads are counted.",
            "attribution": "How a download is given a country.",
            "description": "More about it.",
        ],
        "snapshots": [
            "id": "The snapshot's id.",
            "published_on": "The publication date: when its figures became known (ISO 8601 date).",
            "imported_at": "When it was imported (UTC).",
            "content_sha256": "SHA-256 of its canonical content: the same figures again are the same snapshot.",
            "file_name": "The file it came from.",
            "note": "What its source does not print, and other notes.",
        ],
    ]

    /// A column's description in a table: the table's own words for it, else the shared
    /// ones; nil for a column neither knows.
    public static func column(_ column: String, of table: String) -> String? {
        tableColumns[table]?[column] ?? columns[column]
    }

    /// The views (and the table) README.md documents: each of their columns has a
    /// description.
    public static let documented = [
        "reported_figures", "current_figures", "figure_history", "citations", "period_names", "catalog_changes",
    ]
}
