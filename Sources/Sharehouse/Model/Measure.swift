/// What a figure counts. The measure is part of every figure's identity: 17.1% of one
/// study's model downloads and 41% of another report's are different measures, never one
/// series.
public struct Measure: Sendable, Hashable, Codable {
    /// What a measure's figures count.
    public enum Unit: String, Sendable, Hashable, Codable, CaseIterable {
        /// A share in percent, 0 to 100; one period's shares sum to at most 100.
        case percent
        /// A count (downloads), 0 or more.
        case count
    }

    /// A measure labelled synthetic in the catalogue: its attribution is `synthetic`, or
    /// its universe starts with `synthetic` (the bundled test series). Reports leave such
    /// measures out of the headline and the overview whenever a real one exists, unless
    /// it is asked for by key.
    public var isSynthetic: Bool {
        attribution.lowercased() == "synthetic" || universe.lowercased().hasPrefix("synthetic")
    }

    /// A short key: lower-case letters, digits, `_`, `.` and `-`.
    public let key: String
    /// The measure's name.
    public let name: String
    /// Percent (a share of downloads) or count (downloads); never changes.
    public let unit: Unit
    /// What is counted over: which models, which platform.
    public let universe: String
    /// How a figure is attributed to a country: the developer's country, the base model's.
    public let attribution: String
    /// More about the measure.
    public let description: String?

    /// A measure's definition.
    public init(key: String, name: String, unit: Unit, universe: String, attribution: String, description: String? = nil) {
        self.key = key
        self.name = name
        self.unit = unit
        self.universe = universe
        self.attribution = attribution
        self.description = description
    }
}
