extension Warehouse {
    /// The month's shares from a listing, in the configured steps: import the listing
    /// (`unchanged` when stored), derive by each method (`unchanged` when derived), and read
    /// what changed in the derived shares. A failure stops the run with nothing of its step
    /// kept; the steps before it stay stored, and a second run finishes the month.
    public func runMonth(
        listing inputs: [InputSource], retrievedOn: CalendarDate, configuration: MonthlyConfiguration, dryRun: Bool = false,
        step: (@Sendable (String) -> Void)? = nil
    ) throws -> MonthlyReceipt {
        let listing = try importListing(
            from: inputs,
            options: ListingImportOptions(
                source: configuration.listingSource, retrievedOn: retrievedOn, windowDays: configuration.windowDays, dryRun: dryRun))
        step?("listing: \(listing.outcome.rawValue) as listing \(listing.listingID) (\(listing.modelsStored) models with downloads)")
        guard !dryRun else {
            step?("derive: left out of a dry run (a derivation reads the stored listing)")
            return MonthlyReceipt(listing: listing, derivations: [], changes: nil)
        }
        var derivations: [DerivationReceipt] = []
        for method in configuration.methods {
            let receipt = try deriveShares(configuration.request(method, listing: listing.listingID, dryRun: false))
            let outcomes = receipt.snapshots.map { "\($0.measure) \($0.outcome.rawValue)" }.joined(separator: ", ")
            step?("derive \(method.argument): \(outcomes)")
            derivations.append(receipt)
        }
        var changes: ChangesResult?
        for receipt in derivations {
            let result = try self.changes(measure: receipt.shareMeasure, source: receipt.source)
            changes = changes.map { merged($0, result) } ?? result
        }
        step?("changes: \(changes?.sections.count ?? 0) period(s) of derived shares")
        return MonthlyReceipt(listing: listing, derivations: derivations, changes: changes)
    }

    /// Two results of `changes` as one, the second's citations renumbered after the first's.
    private func merged(_ first: ChangesResult, _ second: ChangesResult) -> ChangesResult {
        var list = CitationList()
        for citation in first.citations { _ = list.number(reusing: citation) }
        let sections = second.sections.map { section in
            ChangesResult.Section(
                measure: section.measure, source: section.source, snapshotID: section.snapshotID, publishedOn: section.publishedOn,
                period: section.period, baseline: section.baseline, baselinePeriod: section.baselinePeriod,
                baselineSnapshotID: section.baselineSnapshotID, baselinePublishedOn: section.baselinePublishedOn,
                citation: list.number(section.citation, in: second.citations),
                baselineCitation: section.baselineCitation.map { list.number($0, in: second.citations) }, rows: section.rows)
        }
        return ChangesResult(
            asOf: nil, sections: first.sections + sections, unchangedPeriods: first.unchangedPeriods + second.unchangedPeriods,
            citations: list.citations)
    }
}
