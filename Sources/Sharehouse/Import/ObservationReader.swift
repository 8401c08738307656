/// A reader of one snapshot file's observations.
protocol ObservationReader {
    /// The snapshot metadata the file itself carries (JSON snapshots do; CSV does not).
    var embeddedDescription: SnapshotDescription { get }
    /// The next observation, or nil at the end.
    mutating func next() throws -> RawObservation?
}
