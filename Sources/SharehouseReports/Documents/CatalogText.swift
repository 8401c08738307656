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
}
