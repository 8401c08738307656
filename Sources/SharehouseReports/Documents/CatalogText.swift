public import Sharehouse

/// The warehouse's catalog as text for the terminal: its sources, measures and entities,
/// names resolved to entities, and the files an export wrote.
public enum CatalogText {
    /// `sources list`: a line per source.
    public static func sourcesTable(_ sources: [Source]) -> String {
        var table = TableRenderer([
            .left("KEY"), .left("KIND"), .left("PUBLISHED"), .left("PUBLISHER"), .left("DERIVED FROM"), .left("TITLE"),
        ])
        for source in sources {
            table.append([
                source.key, source.kind.rawValue, source.publishedOn?.description ?? "", source.publisher ?? "",
                source.derivedFrom ?? "", source.title,
            ])
        }
        return table.render()
    }

    /// `measures list`: a line per measure.
    public static func measuresTable(_ measures: [Measure]) -> String {
        var table = TableRenderer([.left("KEY"), .left("UNIT"), .left("NAME")])
        for measure in measures { table.append([measure.key, measure.unit.rawValue, measure.name]) }
        return table.render()
    }

    /// `measures show`: a measure's definition as a short block of text.
    public static func describe(_ measure: Measure) -> String {
        var lines = [
            "\(measure.key): \(measure.name)", "  unit:        \(measure.unit.rawValue)",
            "  universe:    \(measure.universe)", "  attribution: \(measure.attribution)",
        ]
        if let description = measure.description { lines.append("  \(description)") }
        return lines.joined(separator: "\n")
    }

    /// `measures show`: as of a day when asked, the measure's definition, then its amendments.
    public static func describe(_ details: MeasureDetails) -> String {
        var blocks = [describe(details.measure)]
        if let asOf = details.asOf { blocks.insert("as of \(asOf):", at: 0) }
        let history = CatalogHistoryText.section(details.history, laterChanges: details.laterChanges, asOf: details.asOf)
        if !history.isEmpty { blocks.append(history.joined(separator: "\n")) }
        return blocks.joined(separator: "\n\n")
    }

    /// `entities list`: a line per entity, with its Arabic name and ISO codes where it has them.
    public static func entitiesTable(_ entities: [Entity]) -> String {
        var table = TableRenderer([.left("CODE"), .left("KIND"), .left("NAME"), .left("NAME (AR)"), .left("ISO3"), .left("NUM")])
        for entity in entities {
            table.append([
                entity.code, entity.kind.rawValue, entity.nameEnglish, entity.nameArabic ?? "",
                entity.iso3 ?? "", entity.isoNumeric ?? "",
            ])
        }
        return table.render()
    }

    /// `entities resolve`: a line per name resolved, with the entity and what it matched.
    public static func matchesTable(_ matches: [EntityMatch]) -> String {
        var table = TableRenderer([.left("INPUT"), .left("CODE"), .left("NAME"), .left("MATCHED BY")])
        for match in matches {
            table.append([
                match.input, match.entity.code, match.entity.nameEnglish, "\(match.matchedBy.rawValue): \(match.matchedText)",
            ])
        }
        return table.render()
    }

    /// `export`: a line per file written, with its snapshot and how many figures it holds.
    public static func exportTable(_ files: [ExportedFile]) -> String {
        var table = TableRenderer([.right("SNAPSHOT"), .right("FIGURES"), .left("FILE")])
        for file in files { table.append([String(file.snapshotID), String(file.observations), file.path]) }
        return table.render()
    }

    /// `export figures|listings`: a line per file (its table, rows, what was done with it,
    /// its path under the folder), then how many files were written, replaced and left alone.
    public static func partitionedExportTable(_ receipt: PartitionedExportReceipt) -> String {
        var table = TableRenderer([.left("TABLE"), .right("ROWS"), .left("OUTCOME"), .left("FILE")])
        for file in receipt.files { table.append([file.table, String(file.rows), file.outcome.rawValue, file.path]) }
        let files = receipt.files.count
        let summary =
            "\(files) file\(files == 1 ? "" : "s") (\(receipt.format.rawValue)) in \(receipt.directory): "
            + "\(receipt.count(.written)) written, \(receipt.count(.replaced)) replaced, \(receipt.count(.unchanged)) unchanged; "
            + "\(receipt.rows) row\(receipt.rows == 1 ? "" : "s")"
        return files == 0 ? summary : table.render() + "\n" + summary
    }
}
