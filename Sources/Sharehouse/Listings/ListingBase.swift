/// A base model a listed model names, and how it derives from it. The base need not be in
/// the listing.
public struct ListingBase: Sendable, Hashable, Codable {
    public let model: String
    public let relation: BaseRelation

    public init(model: String, relation: BaseRelation) {
        self.model = model
        self.relation = relation
    }
}
