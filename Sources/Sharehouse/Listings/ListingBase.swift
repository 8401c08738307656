/// A base model a listed model names, and how it derives from it. The base need not be in
/// the listing.
public struct ListingBase: Sendable, Hashable, Codable {
    /// The base model's id.
    public let model: String
    /// How the model derives from it.
    public let relation: BaseRelation

    /// A base `model` with its `relation`.
    public init(model: String, relation: BaseRelation) {
        self.model = model
        self.relation = relation
    }
}
