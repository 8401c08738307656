import SharehouseDB

extension Warehouse {
    /// Imports an attribution table (CSV with the header `author,country,kind,url,note`)
    /// as a new version, cited by `source`, in one transaction.
    ///
    /// `country` is a code, an English or Arabic name, or a bucket (`USER`, `INTL`,
    /// `UNKNOWN`); `kind` is an ``AttributionKind``; `url` (the basis) is empty or an
    /// http(s) address. A sidecar `FILE.json` beside the file may define the source
    /// (`{"source": {...}}`), which is then added to the catalogue.
    ///
    /// The same table (rows and source) imported again is `unchanged` and writes nothing.
    /// On any problem nothing is written, and the ``ImportError`` lists every problem (up
    /// to 20) at its file:line:column: an unknown country (with suggestions), an
    /// ambiguous one, an unknown kind, an author twice (in any case), an empty author, a
    /// url that is not http(s).
    @discardableResult
    public func importAttribution(from input: InputSource, source: String, dryRun: Bool = false) throws -> AttributionReceipt {
        let importer = AttributionImporter(input: input, source: source, resolver: try entityResolver())
        return try database.withConnection { connection in
            try connection.transaction(.immediate, keepingChangesIf: { (receipt: AttributionReceipt) in !dryRun }) {
                var receipt = try importer.run(on: connection)
                // A dry run writes the version as an import would, to number it and diff
                // it, and the transaction rolls it back.
                if dryRun, receipt.outcome == .imported { receipt.outcome = .dryRun }
                return receipt
            }
        }
    }

    /// Every version of the attribution table, oldest first.
    public func attributionVersions() throws -> [AttributionVersionSummary] {
        try database.read { try AttributionStore.versions(in: $0) }
    }

    /// One version of the attribution table (nil: the latest), with its lookup by author.
    /// - Throws: ``AttributionError/noVersions``, ``AttributionError/unknownVersion(_:latest:)``.
    public func attribution(version: Int?) throws -> AttributionTable {
        try database.read { try AttributionStore.table(version: version, in: $0) }
    }

    /// What changed from version `from` to version `to` (either may be the later one).
    public func attributionDiff(from: Int, to: Int) throws -> AttributionDiff {
        try database.read { connection in
            let before = try AttributionStore.table(version: from, in: connection)
            let after = try AttributionStore.table(version: to, in: connection)
            return AttributionDiff(from: from, to: to, before: before.rows, after: after.rows)
        }
    }
}
