import Foundation
import SharehouseTestSupport
import Testing

/// Every file of the repository says under which licence it may be used: REUSE.toml
/// matches it, and the licence it names has its text in LICENSES/.
@Suite("Licensing")
struct LicensingTests {
    /// One `[[annotations]]` table of REUSE.toml: its path globs and licence expression.
    struct Annotation {
        var paths: [String] = []
        var license = ""
        var copyright: [String] = []
    }

    /// The subset of TOML that REUSE.toml uses: tables of `key = "text"` or
    /// `key = ["text", ...]` on one line each.
    static func annotations() throws -> [Annotation] {
        let text = try String(contentsOfFile: Repository.path("REUSE.toml"), encoding: .utf8)
        var result: [Annotation] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = line.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#") || line.isEmpty { continue }
            if line == "[[annotations]]" {
                result.append(Annotation())
                continue
            }
            guard let equals = line.firstIndex(of: "="), !result.isEmpty else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            let strings = value.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 1 }.map { String($0.element) }
            switch key {
            case "path": result[result.count - 1].paths = strings
            case "SPDX-License-Identifier": result[result.count - 1].license = strings.first ?? ""
            case "SPDX-FileCopyrightText": result[result.count - 1].copyright = strings
            default: break
            }
        }
        return result
    }

    /// REUSE's globs: `**` matches anything, `*` anything but `/`.
    static func matches(_ glob: String, _ path: String) -> Bool {
        var pattern = "^"
        var characters = Substring(glob)
        while let first = characters.first {
            if characters.hasPrefix("**") {
                pattern += ".*"
                characters = characters.dropFirst(2)
            } else if first == "*" {
                pattern += "[^/]*"
                characters = characters.dropFirst()
            } else {
                pattern += NSRegularExpression.escapedPattern(for: String(first))
                characters = characters.dropFirst()
            }
        }
        return path.range(of: pattern + "$", options: .regularExpression) != nil
    }

    /// The licence that applies to a file: the last annotation that matches it.
    static func license(of path: String, in annotations: [Annotation]) -> String? {
        annotations.last { annotation in annotation.paths.contains { matches($0, path) } }?.license
    }

    /// The repository's files: tracked or new, never ignored (so not .build).
    static func repositoryFiles() throws -> [String] {
        let listed = try runProcess(
            "/usr/bin/env", ["git", "-C", Repository.root, "ls-files", "--cached", "--others", "--exclude-standard"])
        try #require(listed.status == 0, "git ls-files: \(listed.stderr)")
        return listed.stdout.split(separator: "\n").map(String.init).filter {
            FileManager.default.fileExists(atPath: Repository.path($0))
        }
    }

    @Test func everyFileHasALicenceWithItsText() throws {
        let annotations = try Self.annotations()
        #expect(annotations.count >= 5)
        #expect(annotations.allSatisfy { !$0.paths.isEmpty && !$0.license.isEmpty && !$0.copyright.isEmpty })
        let texts = Set(
            try FileManager.default.contentsOfDirectory(atPath: Repository.path("LICENSES")).map {
                ($0 as NSString).deletingPathExtension
            })
        var used = Set<String>()
        for annotation in annotations {
            let identifiers = annotation.license.components(separatedBy: " AND ").flatMap { $0.components(separatedBy: " OR ") }
            for identifier in identifiers {
                #expect(texts.contains(identifier), "LICENSES/\(identifier).txt is missing")
                used.insert(identifier)
            }
        }
        #expect(used == texts, "every text in LICENSES/ is a licence REUSE.toml names")

        let files = try Self.repositoryFiles()
        #expect(files.count > 300)
        #expect(files.contains("Sources/Sharehouse/Schema/WarehouseSchema.swift"))
        for file in files {
            #expect(Self.license(of: file, in: annotations) != nil, "\(file) has no licence in REUSE.toml")
        }
    }

    /// The data's licences are those its files state: iso-codes for the entities, CLDR
    /// for the names, the citations' terms for the real fixtures, CC0 for the synthetic.
    @Test func dataCarriesItsOwnLicence() throws {
        let annotations = try Self.annotations()
        let expected: [String: String] = [
            "Sources/Sharehouse/Query/CompareQuery.swift": "Apache-2.0",
            "Migrations/0001_create_core.sql": "Apache-2.0",
            "Migrations/0002_entities.sql": "LGPL-2.1-or-later",
            "Migrations/0010_cldr_names.sql": "Unicode-3.0",
            "Tests/Fixtures/names/cldr-territories.tsv": "Unicode-3.0",
            "Sources/Sharehouse/Schema/EmbeddedMigrations.swift": "Apache-2.0 AND LGPL-2.1-or-later AND Unicode-3.0",
            "Fixtures/eoi-12m-argaam-2025-11.json": "LicenseRef-Cited-Figures",
            "Fixtures/synthetic/monthly-shares-2026-01.csv": "CC0-1.0",
            "Fixtures/synthetic/monthly-shares-2026-01.json": "CC0-1.0",
            "Fixtures/listings/synthetic-hub-2026-06/page-0001.json": "CC0-1.0",
            "Fixtures/listings/synthetic-study-dataset-weekly.csv": "CC0-1.0",
            "Fixtures/listings/README.md": "Apache-2.0",
            "Fixtures/attribution/starter-attribution.csv": "Apache-2.0",
            "Fixtures/attribution/starter-attribution.json": "Apache-2.0",
            "Fixtures/README.md": "Apache-2.0",
        ]
        for (file, license) in expected {
            #expect(Self.license(of: file, in: annotations) == license, "\(file)")
        }
        // The files say so themselves where they can.
        let entities = try String(contentsOfFile: Repository.path("Migrations/0002_entities.sql"), encoding: .utf8)
        #expect(entities.prefix(2000).contains("LGPL-2.1-or-later"))
        let cldr = try String(contentsOfFile: Repository.path("Tests/Fixtures/names/LICENSE-CLDR.txt"), encoding: .utf8)
        #expect(cldr.contains("SPDX-License-Identifier: Unicode-3.0"))
        for file in ["monthly-shares-2026-01.json", "monthly-shares-2026-02.json"] {
            let sidecar = try String(contentsOfFile: Repository.path("Fixtures/synthetic/" + file), encoding: .utf8)
            #expect(sidecar.contains("\"license\": \"CC0-1.0\""))
        }
        let license = try String(contentsOfFile: Repository.path("LICENSE"), encoding: .utf8)
        #expect(license.contains("Apache License") && license.contains("Version 2.0, January 2004"))
        let readme = try String(contentsOfFile: Repository.path("README.md"), encoding: .utf8)
        for words in ["## Licence", "Apache-2.0", "LGPL-2.1-or-later", "Unicode-3.0", "CC0-1.0", "REUSE.toml"] {
            #expect(readme.contains(words), "README: \(words)")
        }
    }
}
