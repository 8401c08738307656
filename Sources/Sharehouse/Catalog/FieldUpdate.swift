/// What an amendment does to one field: give it a value, or clear it (a field a source or
/// measure must have cannot be cleared).
public enum FieldUpdate<Value: Sendable & Hashable>: Sendable, Hashable {
    /// Set the field to this value.
    case set(Value)
    /// Remove the field's value (only for a field that may be empty).
    case clear

    /// The value set, or nil for a clear.
    public var value: Value? {
        if case .set(let value) = self { value } else { nil }
    }
}
