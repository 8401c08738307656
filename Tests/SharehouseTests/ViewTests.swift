import Sharehouse
import SharehouseDB
import Testing

/// Two vintages of one measure and source, written straight into the tables (the
/// importer is a later capability): the first, published 2025-11-26, says CN 17.10 and
/// US 15.8 for 2024-09/2025-08; the second, published 2026-04-22, restates US as 15.86.
/// The source chain is article -> newspaper -> study. The figures are the real ones of
/// the seed article; the snapshot's content hashes are placeholders. Like the importer,
/// it records which periods each snapshot covers (snapshot_periods).
enum ViewFixture {
    static func load(into warehouse: Warehouse) throws {
        try warehouse.database.write { connection in
            try connection.executeScript(
                """
                INSERT INTO measures (key, name, unit, universe, attribution) VALUES
                    ('eoi_download_share_1y', 'Share of Hugging Face downloads, trailing 12 months', 'percent',
                     'models annotated by the Economies of Open Intelligence study', 'developer organisation''s country');
                INSERT INTO sources (key, title, publisher, url, published_on, kind) VALUES
                    ('eoi-2025', 'Economies of Open Intelligence', 'MIT and Hugging Face',
                     'https://arxiv.org/abs/2512.03073', '2025-11-27', 'study');
                INSERT INTO sources (key, title, publisher, url, published_on, kind, access_note, derived_from) VALUES
                    ('ft-2025-11-26', 'China leapfrogs US in global market for open AI models', 'Financial Times',
                     'https://www.ft.com/content/931c8218-a9d7-4cbd-8b08-27516637ff41', '2025-11-26', 'news',
                     'paywalled', 'eoi-2025'),
                    ('argaam-1862466', 'Open models article', 'Argaam',
                     'https://www.argaam.com/ar/article/articledetail/id/1862466', NULL, 'news', NULL, 'ft-2025-11-26');
                INSERT INTO periods (id, start_date, end_date) VALUES (1, '2024-09-01', '2025-08-31');
                INSERT INTO snapshots (id, measure, source, published_on, imported_at, content_sha256, verification, coverage)
                VALUES (1, 'eoi_download_share_1y', 'argaam-1862466', '2025-11-26', '2026-11-29T00:00:00Z',
                        '\(String(repeating: "a", count: 64))', 'unverified', 'top_n'),
                       (2, 'eoi_download_share_1y', 'argaam-1862466', '2026-04-22', '2026-11-29T00:00:01Z',
                        '\(String(repeating: "b", count: 64))', 'secondary', 'top_n');
                INSERT INTO observations (snapshot_id, period_id, entity_code, value, decimals) VALUES
                    (1, 1, 'CN', 17.1, 2), (1, 1, 'US', 15.8, 1), (1, 1, 'GB', 3.6, 1),
                    (2, 1, 'CN', 17.1, 1), (2, 1, 'US', 15.86, 2);
                INSERT INTO snapshot_periods (period_id, snapshot_id) VALUES (1, 1), (1, 2);
                """)
        }
    }
}

@Suite("Documented views")
struct ViewTests {
    let warehouse: Warehouse

    init() throws {
        warehouse = try Warehouse.inMemory()
        try ViewFixture.load(into: warehouse)
    }

    @Test func currentFiguresFollowTheLatestVintage() throws {
        let rows = try warehouse.database.read { connection in
            try connection.fetchAll(
                """
                SELECT entity_code, value_text, known_from, snapshot_id, period, entity_name_ar
                FROM current_figures ORDER BY value DESC
                """
            ) { row in
                [
                    try row.get(0) as String, try row.get(1) as String, try row.get(2) as String,
                    String(try row.get(3) as Int), try row.get(4) as String, try row.get(5) as String,
                ]
            }
        }
        // GB is not in the later vintage, which covers the period: it is no longer current.
        #expect(
            rows == [
                ["CN", "17.1", "2026-04-22", "2", "2024-09/2025-08", "الصين"],
                ["US", "15.86", "2026-04-22", "2", "2024-09/2025-08", "الولايات المتحدة"],
            ])
    }

    @Test func historyAnswersWhatWasKnownOnADate() throws {
        func knownOn(_ date: String) throws -> [String] {
            try warehouse.database.read { connection in
                try connection.fetchAll(
                    """
                    SELECT entity_code || '=' || value_text FROM figure_history
                    WHERE known_from <= ? AND (known_to IS NULL OR known_to > ?)
                    ORDER BY entity_code
                    """, date, date
                ) { try $0.get(0) as String }
            }
        }
        #expect(try knownOn("2025-11-25") == [])
        #expect(try knownOn("2025-11-26") == ["CN=17.10", "GB=3.6", "US=15.8"])
        #expect(try knownOn("2026-04-21") == ["CN=17.10", "GB=3.6", "US=15.8"])
        #expect(try knownOn("2026-04-22") == ["CN=17.1", "US=15.86"])
        let firstVintage = try warehouse.database.read { connection in
            try connection.fetchAll("SELECT DISTINCT known_to FROM figure_history WHERE snapshot_id = 1") {
                try $0.get(0) as String?
            }
        }
        #expect(firstVintage == ["2026-04-22"])
    }

    @Test func citationsFollowTheChainToTheStudy() throws {
        let chain = try warehouse.database.read { connection in
            try connection.fetchAll(
                """
                SELECT depth, source, publisher, access_note FROM citations WHERE snapshot_id = 1 ORDER BY depth
                """
            ) { row in
                "\(try row.get(0) as Int) \(try row.get(1) as String) \(try row.get(2) as String) \(try row.get(3) as String? ?? "-")"
            }
        }
        #expect(
            chain == [
                "0 argaam-1862466 Argaam -", "1 ft-2025-11-26 Financial Times paywalled",
                "2 eoi-2025 MIT and Hugging Face -",
            ])
    }

    @Test(arguments: [
        ("2025-08-01", "2025-08-31", "2025-08", 1 as Int?, 31),
        ("2024-02-01", "2024-02-29", "2024-02", 1, 29),
        ("2025-07-01", "2025-09-30", "2025-Q3", 3, 92),
        ("2025-01-01", "2025-12-31", "2025", 12, 365),
        ("2024-09-01", "2025-08-31", "2024-09/2025-08", 12, 365),
        ("2020-06-01", "2025-08-31", "2020-06/2025-08", 63, 1918),
        ("2025-02-26", "2026-02-25", "2025-02-26/2026-02-25", nil, 365),
        ("2025-08-15", "2025-08-15", "2025-08-15", nil, 1),
    ])
    func periodNames(_ start: String, _ end: String, _ name: String, _ months: Int?, _ days: Int) throws {
        let row = try warehouse.database.write { connection in
            try connection.execute("INSERT OR IGNORE INTO periods (start_date, end_date) VALUES (?, ?)", start, end)
            return try connection.fetchOne(
                """
                SELECT period, months, days FROM period_names WHERE start_date = ? AND end_date = ?
                """, start, end
            ) { row in (try row.get(0) as String, try row.get(1) as Int?, try row.get(2) as Int) }
        }
        let (period, foundMonths, foundDays) = try #require(row)
        #expect(period == name)
        #expect(foundMonths == months)
        #expect(foundDays == days)
    }
}
