public import Sharehouse

/// Attribution tables as text: an import's receipt, the list of versions, one version
/// (as a table, or as CSV that imports again), and what changed between two versions.
public enum AttributionText {
    /// `attribution import`: a line for the file, then where its authors go and what
    /// changed from the version before.
    public static func receipt(_ receipt: AttributionReceipt) -> String {
        var table = TableRenderer([.left("FILE"), .left("OUTCOME"), .right("VERSION"), .right("AUTHORS"), .left("SOURCE")])
        table.append([receipt.file, outcome(receipt), String(receipt.version), String(receipt.authors), receipt.source])
        var lines = [table.render(), ""]
        lines.append("  by country: " + receipt.byCode.map { "\($0.code) \($0.authors)" }.joined(separator: ", "))
        if !receipt.addedSources.isEmpty {
            lines.append("  added: " + receipt.addedSources.map { "source \($0)" }.joined(separator: ", "))
        }
        if !receipt.matchedByName.isEmpty {
            lines.append("  names matched: " + receipt.matchedByName.map { "\($0.input) → \($0.code)" }.joined(separator: ", "))
        }
        switch receipt.outcome {
        case .unchanged:
            var line = "  the same table is already version \(receipt.version); nothing was written"
            if receipt.latestVersion != receipt.version {
                line += " (the latest version is \(receipt.latestVersion))"
            }
            lines.append(line)
        case .imported, .dryRun:
            guard let changes = receipt.changes else {
                lines.append("  the first attribution table of this warehouse")
                break
            }
            lines.append("  from version \(changes.from): " + summary(changes))
            if !changes.isEmpty {
                lines += diffTable(changes).render().split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func outcome(_ receipt: AttributionReceipt) -> String {
        switch receipt.outcome {
        case .imported: "imported"
        case .unchanged: "unchanged (already imported)"
        case .dryRun: "dry run (not written)"
        }
    }

    /// `attribution list`: a line per version, oldest first.
    public static func versionsTable(_ versions: [AttributionVersionSummary]) -> String {
        var table = TableRenderer([
            .right("VERSION"), .left("IMPORTED"), .right("AUTHORS"), .left("SOURCE"), .left("FILE"), .left("SHA-256"),
        ])
        for version in versions {
            table.append([
                String(version.version), version.importedAt, String(version.authors), version.source, version.fileName ?? "",
                String(version.contentSHA256.prefix(12)),
            ])
        }
        return table.render()
    }

    /// `attribution show`: the version's citation and counts, then a line per author.
    public static func table(_ table: AttributionTable) -> String {
        let summary = table.summary
        var lines = ["attribution version \(summary.version): \(summary.authors) authors, imported \(summary.importedAt)"]
        if let citation = table.citation {
            lines.append("  source: \(citation.key): \(citation.title)" + (citation.url.map { " <\($0)>" } ?? ""))
            if let note = citation.accessNote { lines.append("  access: \(note)") }
        } else {
            lines.append("  source: \(summary.source)")
        }
        lines.append("  by country: " + table.authorsByCode.map { "\($0.code) \($0.authors)" }.joined(separator: ", "))
        lines.append("")
        var rows = TableRenderer([.left("AUTHOR"), .left("COUNTRY"), .left("KIND"), .left("URL"), .left("NOTE")])
        for row in table.rows {
            rows.append([row.author, row.code, row.kind.rawValue, row.url ?? "", row.note ?? ""])
        }
        lines.append(rows.render())
        return lines.joined(separator: "\n")
    }

    /// `attribution show --format csv`: the version as a file `attribution import` reads
    /// again (the same rows and source give the same version: `unchanged`).
    public static func csv(_ table: AttributionTable) -> String {
        var data = ReportData(report: "attribution", columns: ["author", "country", "kind", "url", "note"])
        for row in table.rows {
            data.append([.text(row.author), .text(row.code), .text(row.kind.rawValue), .text(row.url), .text(row.note)])
        }
        return data.csv()
    }

    /// `attribution diff`: the counts, then a line per field that changed.
    public static func diff(_ diff: AttributionDiff) -> String {
        var lines = ["attribution version \(diff.from) → \(diff.to): " + summary(diff)]
        if !diff.isEmpty {
            lines.append("")
            lines.append(diffTable(diff).render())
        }
        return lines.joined(separator: "\n")
    }

    /// `attribution diff --format csv`: `change,author,field,before,after`, a record per
    /// field that changed (an added or removed author's whole row under `row`).
    public static func diffCSV(_ diff: AttributionDiff) -> String {
        var data = ReportData(report: "attribution_diff", columns: ["change", "author", "field", "before", "after"])
        for line in diffLines(diff) {
            data.append([.text(line.change), .text(line.author), .text(line.field), .text(line.before), .text(line.after)])
        }
        return data.csv()
    }

    private static func summary(_ diff: AttributionDiff) -> String {
        "\(diff.added.count) added, \(diff.removed.count) removed, \(diff.countryChanged.count) moved to another country, "
            + "\(diff.detailsChanged.count) otherwise changed, \(diff.unchanged) unchanged"
    }

    private static func diffTable(_ diff: AttributionDiff) -> TableRenderer {
        var table = TableRenderer([.left("CHANGE"), .left("AUTHOR"), .left("FIELD"), .left("BEFORE"), .left("AFTER")])
        for line in diffLines(diff) { table.append([line.change, line.author, line.field, line.before, line.after]) }
        return table
    }

    /// The changes as lines: moved authors first (what changes derived shares), then
    /// added, removed, and other changes; a line per field that changed.
    private static func diffLines(_ diff: AttributionDiff) -> [(
        change: String, author: String, field: String, before: String, after: String
    )] {
        func whole(_ row: Attribution) -> String {
            ([row.code, row.kind.rawValue] + [row.url, row.note].compactMap { $0 }).joined(separator: ", ")
        }
        func value(_ row: Attribution, _ field: AttributionDiff.Field) -> String {
            switch field {
            case .author: row.author
            case .country: row.code
            case .kind: row.kind.rawValue
            case .url: row.url ?? ""
            case .note: row.note ?? ""
            }
        }
        var lines: [(String, String, String, String, String)] = []
        for change in diff.countryChanged {
            for field in change.fields {
                lines.append(("moved", change.author, field.rawValue, value(change.before, field), value(change.after, field)))
            }
        }
        for row in diff.added { lines.append(("added", row.author, "row", "", whole(row))) }
        for row in diff.removed { lines.append(("removed", row.author, "row", whole(row), "")) }
        for change in diff.detailsChanged {
            for field in change.fields {
                lines.append(("changed", change.author, field.rawValue, value(change.before, field), value(change.after, field)))
            }
        }
        return lines
    }
}
