/// How a model derives from a base model its tags name.
public enum BaseRelation: String, Sendable, Hashable, Codable, CaseIterable {
    /// `base_model:ORG/NAME`, with no kind of derivation said (the study's
    /// `merged_derived_from` is always this).
    case base
    /// `base_model:finetune:ORG/NAME`: a fine-tune of the base.
    case finetune
    /// `base_model:quantized:ORG/NAME`: a quantization of the base.
    case quantized
    /// `base_model:adapter:ORG/NAME`: an adapter on the base.
    case adapter
    /// `base_model:merge:ORG/NAME`: a merge of several bases.
    case merge

    /// Which relation a model keeps when its tags name one base more than once: the Hub
    /// writes a plain `base_model:X` beside `base_model:finetune:X`, and the specific one
    /// says more. Between two specific relations (rare) the order of the cases decides,
    /// so that the stored relation never depends on the order of the tags.
    func isPreferred(over other: BaseRelation) -> Bool {
        guard self != other else { return false }
        if other == .base { return true }
        if self == .base { return false }
        return Self.allCases.firstIndex(of: self)! < Self.allCases.firstIndex(of: other)!
    }
}
