extension Measure {
    /// The fields of a measure that an amendment may change. Not the key, which figures
    /// name, nor the unit: a share read as a count would change every figure's meaning.
    /// The raw value is the column's name, as `catalog_changes.field` records it.
    public enum Field: String, Sendable, Hashable, Codable, CaseIterable {
        /// The measure's name.
        case name
        /// Which models and downloads are counted.
        case universe
        /// How a download is given a country.
        case attribution
        /// More about the measure; may be cleared.
        case description

        /// Whether a measure must have it, so that it can be changed but not cleared.
        public var isRequired: Bool { self != .description }
    }

    /// The field's value as the table stores it, nil for none.
    public func storedValue(of field: Field) -> String? {
        switch field {
        case .name: name
        case .universe: universe
        case .attribution: attribution
        case .description: description
        }
    }

    /// This measure with `field` as the table would store `value`.
    func replacing(_ field: Field, withStoredValue value: String?) -> Measure {
        Measure(
            key: key, name: field == .name ? value ?? name : name, unit: unit,
            universe: field == .universe ? value ?? universe : universe,
            attribution: field == .attribution ? value ?? attribution : attribution,
            description: field == .description ? value : description)
    }
}
