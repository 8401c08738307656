import Foundation

/// A snapshot's metadata once the file, its sidecar and the command line are merged:
/// everything required is there, and the places that gave a field agree.
struct SnapshotMetadata {
    let measure: MeasureReference
    let source: SourceReference
    let relayedSources: [Source]
    let publishedOn: CalendarDate
    let verification: Verification
    let coverage: Coverage
    let note: String?
    let period: Period?

    /// Merges the descriptions, in order of the places named in `origins`. Two places that
    /// give one field differently are an error: which of them is right is for the user
    /// to say, not for the importer to guess.
    init(merging descriptions: [(origin: String, description: SnapshotDescription)], file: String) throws {
        func agreed<T: Equatable>(_ name: String, _ field: (SnapshotDescription) -> T?, show: (T) -> String) throws -> T? {
            var found: (origin: String, value: T)?
            for (origin, description) in descriptions {
                guard let value = field(description) else { continue }
                if let earlier = found, earlier.value != value {
                    throw ImportError(
                        file: file,
                        reason: "\(earlier.origin) gives \(name) \(show(earlier.value)) but "
                            + "\(origin) gives \(show(value))", expected: "one \(name), or the same one in both places")
                }
                found = found ?? (origin, value)
            }
            return found?.value
        }
        // Keys must agree; a definition anywhere is the one to ensure in the catalog.
        let measureKey = try agreed("the measure", { $0.measure?.key }, show: { $0 })
        let sourceKey = try agreed("the source", { $0.source?.key }, show: { $0 })
        let measureDefinitions = descriptions.compactMap { entry -> Measure? in
            if case .definition(let measure) = entry.description.measure { return measure }
            return nil
        }
        let sourceDefinitions = descriptions.compactMap { entry -> Source? in
            if case .definition(let source) = entry.description.source { return source }
            return nil
        }
        guard let measureKey else {
            throw ImportError(
                file: file, reason: "no measure: what the figures count must be said",
                expected: "--measure KEY, a sidecar FILE.json, or \"measure\" in the snapshot")
        }
        guard let sourceKey else {
            throw ImportError(
                file: file, reason: "no source: a figure without a citation cannot be imported",
                expected: "--source KEY, a sidecar FILE.json, or \"source\" in the snapshot")
        }
        guard let publishedOn = try agreed("published_on", { $0.publishedOn }, show: { $0.description }) else {
            throw ImportError(
                file: file, reason: "no publication date: a vintage is known from the day it was published",
                expected: "--published YYYY-MM-DD, or \"published_on\" in the snapshot or its sidecar")
        }
        if measureDefinitions.count > 1, Set(measureDefinitions).count > 1 {
            throw ImportError(file: file, reason: "the measure \(measureKey) is defined twice, differently")
        }
        if sourceDefinitions.count > 1, Set(sourceDefinitions).count > 1 {
            throw ImportError(file: file, reason: "the source \(sourceKey) is defined twice, differently")
        }
        measure = measureDefinitions.first.map { .definition($0) } ?? .key(measureKey)
        source = sourceDefinitions.first.map { .definition($0) } ?? .key(sourceKey)
        relayedSources = descriptions.flatMap(\.description.relayedSources)
        self.publishedOn = publishedOn
        verification = try agreed("verification", { $0.verification }, show: { $0.rawValue }) ?? .unverified
        coverage = try agreed("coverage", { $0.coverage }, show: { $0.rawValue }) ?? .topN
        note = try agreed("the note", { $0.note }, show: { "\"\($0)\"" })
        period = try agreed("the period", { $0.period }, show: { $0.description })
    }
}
