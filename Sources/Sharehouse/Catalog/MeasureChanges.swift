/// What ``Warehouse/amendMeasure(key:changes:reason:)`` changes: each field given is set
/// or cleared; nil leaves it as it is. The key never changes; a ``unit`` other than the
/// stored one is refused (``CatalogError/unitNeverChanges(key:unit:)``), since every
/// figure of the measure would change meaning.
public struct MeasureChanges: Sendable, Hashable {
    public var name: FieldUpdate<String>?
    public var universe: FieldUpdate<String>?
    public var attribution: FieldUpdate<String>?
    public var description: FieldUpdate<String>?
    /// The unit the caller believes the measure has: the stored one changes nothing.
    public var unit: Measure.Unit?

    public init(
        name: FieldUpdate<String>? = nil, universe: FieldUpdate<String>? = nil, attribution: FieldUpdate<String>? = nil,
        description: FieldUpdate<String>? = nil, unit: Measure.Unit? = nil
    ) {
        self.name = name
        self.universe = universe
        self.attribution = attribution
        self.description = description
        self.unit = unit
    }

    /// Clears `field` (refused by the amendment for the fields a measure must have).
    public mutating func clear(_ field: Measure.Field) {
        switch field {
        case .name: name = .clear
        case .universe: universe = .clear
        case .attribution: attribution = .clear
        case .description: description = .clear
        }
    }

    /// The fields given (set or cleared), in their order.
    public var fields: [Measure.Field] { updates.map(\.field) }

    /// Each field given, in the order of the fields.
    var updates: [(field: Measure.Field, update: FieldUpdate<String>)] {
        let all: [(Measure.Field, FieldUpdate<String>?)] = [
            (.name, name), (.universe, universe), (.attribution, attribution), (.description, description),
        ]
        return all.compactMap { field, update in update.map { (field, $0) } }
    }
}
