public import Sharehouse

/// Import receipts as text: a table with a line per file, then what changed.
public enum ReceiptRenderer {
    /// Import receipts as the command line prints them.
    public static func render(_ receipts: [ImportReceipt]) -> String {
        var table = TableRenderer([
            .left("FILE"), .left("OUTCOME"), .right("SNAPSHOT"), .right("ROWS"), .left("PERIODS"),
            .right("NEW"), .right("CHANGED"), .right("DROPPED"),
        ])
        for receipt in receipts {
            let periods =
                receipt.periods.count == 1
                ? receipt.periods[0].description
                : "\(receipt.periods.first?.description ?? "")..\(receipt.periods.last?.description ?? "") (\(receipt.periods.count))"
            table.append([
                receipt.file, outcome(receipt), String(receipt.snapshotID), String(receipt.rowsRead), periods,
                String(receipt.differences.reduce(0) { $0 + $1.addedCount }),
                String(receipt.differences.reduce(0) { $0 + $1.changedCount }),
                String(receipt.differences.reduce(0) { $0 + $1.droppedCount }),
            ])
        }
        var lines = [table.render()]
        for receipt in receipts {
            let more = details(receipt)
            guard !more.isEmpty else { continue }
            lines.append("")
            lines.append(receipt.file + ":")
            lines += more
        }
        return lines.joined(separator: "\n")
    }

    private static func outcome(_ receipt: ImportReceipt) -> String {
        switch receipt.outcome {
        case .imported: receipt.corrects.isEmpty ? "imported" : "imported (correction)"
        case .unchanged: "unchanged (already imported)"
        case .dryRun: "dry run (not written)"
        }
    }

    private static func details(_ receipt: ImportReceipt) -> [String] {
        var lines: [String] = []
        if receipt.delimiterFound != nil || receipt.decimalCommasRead {
            let read = [
                receipt.delimiterFound.map { "\($0)-delimited (from its header)" }, receipt.decimalCommasRead ? "decimal commas" : nil,
            ]
            lines.append("  read as: " + read.compactMap { $0 }.joined(separator: ", "))
        }
        for warning in receipt.warnings {
            lines.append("  warning: " + ReportLanguage.english.text(warning))
        }
        if !receipt.addedMeasures.isEmpty || !receipt.addedSources.isEmpty {
            lines.append(
                "  added: "
                    + (receipt.addedMeasures.map { "measure \($0)" } + receipt.addedSources.map { "source \($0)" })
                    .joined(separator: ", "))
        }
        let names = Dictionary(grouping: receipt.matchedByName, by: \.code)
            .sorted { $0.key < $1.key }
            .map { code, matches in "\(matches.map(\.input).joined(separator: " / ")) → \(code)" }
        if !names.isEmpty, receipt.outcome != .unchanged {
            lines.append("  names matched: " + names.joined(separator: ", "))
        }
        for corrected in receipt.corrects {
            let origin = corrected.fileName.map { ", imported from \($0)" } ?? ""
            let figures = corrected.differingFigures == 1 ? "1 figure differs" : "\(corrected.differingFigures) figures differ"
            lines.append("  corrects snapshot \(corrected.snapshotID)\(origin): \(figures)")
        }
        for difference in receipt.differences {
            if !difference.becomesCurrent, let previous = difference.previousPublishedOn {
                lines.append("  \(difference.period): kept as history; the figures published \(previous) stay current")
            }
            for change in difference.changed {
                let sign = change.difference >= 0 ? "+" : "−"
                let amount = PublishedValue(
                    value: abs(change.difference),
                    decimals: max(change.before.decimals, change.after.decimals))
                lines.append("  \(difference.period) \(change.entity): \(change.before) → \(change.after) (\(sign)\(amount))")
            }
            for figure in difference.dropped {
                lines.append("  \(difference.period) \(figure.entity): \(figure.value) → (not in this snapshot)")
            }
        }
        if receipt.differencesTruncated { lines.append("  (more changes than shown; --format json lists them)") }
        if receipt.outcome == .unchanged {
            if let earlier = receipt.sameAsFileInThisRun {
                lines.append("  the same content as \(earlier), earlier in this run; nothing more was written")
            } else {
                lines.append("  the same content is already imported as snapshot \(receipt.snapshotID); nothing was written")
            }
            if let correction = receipt.correctedBy {
                lines.append(
                    "  snapshot \(receipt.snapshotID) was corrected by snapshot \(correction): its figures are not in force")
            }
        }
        return lines
    }
}
