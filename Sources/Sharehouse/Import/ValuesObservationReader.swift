import SharehouseDB

/// Observations given as Swift values (``ObservationInput``), for programs that embed
/// the library and have no file.
struct ValuesObservationReader: ObservationReader {
    let embeddedDescription: SnapshotDescription
    let observations: [ObservationInput]
    private var index = 0

    init(description: SnapshotDescription, observations: [ObservationInput]) {
        embeddedDescription = description
        self.observations = observations
    }

    mutating func next() throws -> RawObservation? {
        guard index < observations.count else { return nil }
        defer { index += 1 }
        let observation = observations[index]
        // The "line" of a value is its position in the array, counted from 1.
        let place = SourceLocation(line: index + 1, column: 1)
        return RawObservation(
            entity: observation.entity, entityLocation: place, period: observation.period,
            periodLocation: place, value: observation.value, valueLocation: place, line: index + 1)
    }
}
