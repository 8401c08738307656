import Foundation
import Sharehouse
import SharehouseDB
import SharehouseTestSupport
import Testing

/// The version is written once (`PackageVersion.current`), and the changelog and the
/// README's install instructions agree with it.
@Suite("Release")
struct ReleaseTests {
    static func read(_ file: String) throws -> String {
        try String(contentsOfFile: Repository.path(file), encoding: .utf8)
    }

    @Test func versionIsSemantic() {
        let parts = PackageVersion.current.split(separator: ".", omittingEmptySubsequences: false)
        #expect(parts.count == 3)
        #expect(parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && Int($0) != nil })
    }

    /// Keep a Changelog: an Unreleased section first, then releases newest first, each
    /// `## [X.Y.Z] - YYYY-MM-DD`; the newest release is this version, and names the schema
    /// version this build creates.
    @Test func changelogLeadsWithThisVersion() throws {
        let changelog = try Self.read("CHANGELOG.md")
        let headings = changelog.split(separator: "\n").filter { $0.hasPrefix("## ") }.map(String.init)
        #expect(headings.first == "## [Unreleased]")
        let releases = headings.dropFirst()
        #expect(!releases.isEmpty)
        let pattern = #"^## \[[0-9]+\.[0-9]+\.[0-9]+\] - [0-9]{4}-[0-9]{2}-[0-9]{2}$"#
        for heading in releases {
            #expect(heading.range(of: pattern, options: .regularExpression) != nil, "\(heading)")
        }
        #expect(releases.first?.hasPrefix("## [\(PackageVersion.current)] - ") == true)
        let versions = releases.map { $0.dropFirst(4).prefix { $0 != "]" } }
        #expect(Set(versions).count == versions.count, "each version once")
        let section = changelog.components(separatedBy: "## [\(PackageVersion.current)]")[1].components(separatedBy: "\n## ")[0]
        #expect(section.contains("Schema version \(WarehouseSchema.version)."), "the release names the schema version it creates")
        for kind in section.split(separator: "\n").filter({ $0.hasPrefix("### ") }) {
            #expect(["### Added", "### Changed", "### Deprecated", "### Removed", "### Fixed", "### Security"].contains(String(kind)))
        }
    }

    /// A consumer adds the package with this version, and the README says what the
    /// version covers and tells it from the schema version.
    @Test func readmeInstallsThisVersion() throws {
        let readme = try Self.read("README.md")
        #expect(readme.contains(#"from: "\#(PackageVersion.current)""#))
        #expect(readme.contains("## Versions"))
        #expect(readme.contains("CHANGELOG.md"))
        #expect(readme.contains("WarehouseSchema.version"))
    }
}
