public import Sharehouse

/// Listings as text for the terminal: an import's receipt, the stored listings, and one
/// listing with its top models.
public enum ListingText {
    /// `listing import`: what was stored (or found, or would be), and what was skipped.
    public static func receipt(_ receipt: ListingReceipt) -> String {
        let outcome =
            switch receipt.outcome {
            case .imported: "imported as listing \(receipt.listingID)"
            case .unchanged: "unchanged: the same listing is already imported as listing \(receipt.listingID); nothing was written"
            case .dryRun: "dry run (not written): it would be listing \(receipt.listingID)"
            }
        let files =
            receipt.files.count == 1 ? receipt.files[0] : "\(receipt.files.count) files (\(receipt.files[0]) ... \(receipt.files.last!))"
        var lines = [
            "Listing: \(outcome)",
            "  source:        \(receipt.source)",
            "  retrieved on:  \(receipt.retrievedOn), downloads of the \(receipt.windowDays) days up to it",
            "  shape:         \(receipt.shape.rawValue)",
            "  read:          \(files), \(receipt.rowsRead) \(receipt.shape == .hubAPI ? "models" : "weekly rows")",
            "  stored:        \(count(receipt.modelsStored, "model")) with downloads, \(count(receipt.basesStored, "base")) named",
            "  skipped:       \(count(receipt.modelsSkipped, "model")) without downloads in the window",
        ]
        if receipt.rowsAfterWindow > 0 {
            lines.append("  after window:  \(count(receipt.rowsAfterWindow, "row")) dated after \(receipt.retrievedOn), not counted")
        }
        return lines.joined(separator: "\n")
    }

    /// `listing list`: a line per listing.
    public static func listingsTable(_ listings: [ListingSummary]) -> String {
        var table = TableRenderer([
            .right("ID"), .left("RETRIEVED"), .right("WINDOW"), .left("SHAPE"), .left("SOURCE"), .right("MODELS"),
            .right("SKIPPED"), .right("DOWNLOADS"), .right("FILES"),
        ])
        for listing in listings {
            table.append([
                String(listing.id), listing.retrievedOn.description, "\(listing.windowDays) d", listing.shape.rawValue, listing.source,
                String(listing.models), String(listing.modelsSkipped), String(listing.downloads), String(listing.files.count),
            ])
        }
        return table.render()
    }

    /// `listing show`: a listing, its citation, and its top models with their bases.
    public static func describe(_ detail: ListingDetail) -> String {
        let summary = detail.summary
        var lines = [
            "Listing \(summary.id): \(count(summary.models, "model")) with downloads in the \(summary.windowDays) days up to \(summary.retrievedOn)",
            "  source:      \(summary.source)" + (detail.citation.map { ": \($0.title)" + ($0.url.map { " <\($0)>" } ?? "") } ?? ""),
            "  shape:       \(summary.shape.rawValue)",
            "  downloads:   \(summary.downloads)",
            "  authors:     \(detail.authors)",
            "  bases named: \(detail.bases)",
            "  skipped:     \(count(summary.modelsSkipped, "model")) without downloads in the window",
            "  imported:    \(summary.importedAt) from \(summary.files.count) file\(summary.files.count == 1 ? "" : "s")",
            "  content:     sha256 \(summary.contentSHA256)",
        ]
        guard !detail.topModels.isEmpty else { return lines.joined(separator: "\n") }
        var table = TableRenderer([
            .right("#"), .left("MODEL"), .left("AUTHOR"), .right("DOWNLOADS"), .left("CREATED"), .left("PIPELINE"), .left("BASES"),
        ])
        for (index, model) in detail.topModels.enumerated() {
            table.append([
                String(index + 1), model.model, model.author, String(model.downloads), model.createdOn?.description ?? "",
                model.pipelineTag ?? "", model.bases.map { "\($0.model) (\($0.relation.rawValue))" }.joined(separator: ", "),
            ])
        }
        lines.append("")
        lines.append("Top \(detail.topModels.count) by downloads:")
        lines.append(table.render())
        return lines.joined(separator: "\n")
    }

    /// `1 model`, `2 models`.
    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
