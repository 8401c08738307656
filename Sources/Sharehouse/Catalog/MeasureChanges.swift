/// What ``Warehouse/amendMeasure(key:changes:reason:)`` changes: each field given is set
/// or cleared; nil leaves it as it is. The key never changes; a ``unit`` other than the
/// stored one is refused (``CatalogError/unitNeverChanges(key:unit:)``), since every
/// figure of the measure would change meaning.
public struct MeasureChanges: Sendable, Hashable {
    /// A new name, or nil to leave it.
    public var name: FieldUpdate<String>?
    /// A new universe (which models and downloads are counted), or nil to leave it.
    public var universe: FieldUpdate<String>?
    /// A new attribution (how a download gets a country), or nil to leave it.
    public var attribution: FieldUpdate<String>?
    /// A new description, a cleared one, or nil to leave it.
    public var description: FieldUpdate<String>?
    /// The unit the caller believes the measure has: the stored one changes nothing.
    public var unit: Measure.Unit?

    /// The changes to make; a field left nil is left as it is.
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
