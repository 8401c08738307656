public import Sharehouse

/// A derivation's receipt as text: what it read, each country's downloads and share, the
/// snapshots it stored, and the authors to add to the attribution table.
public enum DerivationReceiptRenderer {
    /// The receipt as text, one line after another.
    public static func render(_ receipt: DerivationReceipt) -> String {
        var lines = [
            "Derived from listing \(receipt.listingID) (\(receipt.listingSource), retrieved \(receipt.retrievedOn))"
                + (receipt.attributionVersion.map { ", attribution table version \($0)" } ?? "")
                + ", method \(receipt.method.argument)",
            "  period \(receipt.period): \(whole(Double(receipt.modelsCounted))) models, \(whole(receipt.totalDownloads)) downloads",
            "",
        ]
        var table = TableRenderer([.left("ENTITY"), .right("DOWNLOADS"), .right("SHARE")])
        for figure in receipt.figures {
            table.append([figure.entity, whole(figure.downloads), figure.share.description + "%"])
        }
        lines.append(table.render())
        lines.append("")
        for snapshot in receipt.snapshots {
            let outcome =
                switch snapshot.outcome {
                case .imported:
                    snapshot.corrects.isEmpty
                        ? "imported"
                        : "imported (correction of snapshot \(snapshot.corrects.map { String($0.snapshotID) }.joined(separator: ", ")))"
                case .unchanged: "unchanged (already stored)"
                case .dryRun: "dry run (not written)"
                }
            lines.append("\(snapshot.measure): snapshot \(snapshot.snapshotID), \(outcome)")
            if let correction = snapshot.correctedBy {
                // The same figures were stored before and since corrected: they stay out of
                // force (a snapshot is stored once; another table version restates them).
                lines.append("  snapshot \(snapshot.snapshotID) was corrected by snapshot \(correction): its figures are not in force")
            }
            for difference in snapshot.differences where snapshot.outcome != .unchanged && difference.previousSnapshot != nil {
                for change in difference.changed {
                    lines.append("  \(change.entity): \(change.before) → \(change.after)")
                }
                for figure in difference.added { lines.append("  \(figure.entity): new, \(figure.value)") }
                for figure in difference.dropped { lines.append("  \(figure.entity): \(figure.value) → dropped") }
            }
        }
        lines.append("source \(receipt.source)")
        if receipt.modelsWithCycles > 0 || receipt.modelsWithBasesOutside > 0 {
            lines.append(
                "base models: \(receipt.modelsWithCycles) model(s) in a cycle of bases (counted where it closes), "
                    + "\(receipt.modelsWithBasesOutside) with a base outside the listing (counted by the base's author)")
        }
        if receipt.unmatchedCount > 0 {
            let what = receipt.method == .datasetColumns ? "country names" : "authors"
            lines.append(
                "not in the attribution table: \(receipt.unmatchedCount) \(receipt.unmatchedCount == 1 ? String(what.dropLast()) : what), \(whole(receipt.unmatchedDownloads)) downloads "
                    + "counted as UNKNOWN; the largest:")
            for unmatched in receipt.unmatched { lines.append("  \(unmatched.name)  \(whole(unmatched.downloads))") }
        }
        return lines.joined(separator: "\n")
    }

    /// A count with thousands separators, a split merge's fraction rounded.
    private static func whole(_ value: Double) -> String { DigitStyle.western.grouped(value, decimals: 0) }
}
