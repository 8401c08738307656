/// Which source a period's figures come from under the default policy, and why: the
/// source that lists the most entities for the period; on a tie the better verified,
/// then the one fewer relay steps from the primary study, then the later publication,
/// then the key. Reports say it in one line.
public struct SourceChoice: Sendable, Hashable, Encodable {
    /// The first rule that told the chosen source from the next one.
    public enum Reason: String, Sendable, Hashable, Encodable {
        /// The only source for the period.
        case onlySource = "only_source"
        /// It lists some of the entities the query needs (a group's members) where the
        /// next source lists none.
        case listsMembers = "lists_members"
        /// It lists the most entities.
        case mostEntities = "most_entities"
        /// As many entities, and better verified.
        case betterVerification = "better_verification"
        /// As well verified, and fewer relay steps from the study.
        case fewerRelays = "fewer_relays"
        /// Equal on all that, and published later.
        case laterPublication = "later_publication"
        /// Equal on all that: the first key.
        case sourceKey = "source_key"
    }

    /// The chosen source's key.
    public let source: String
    /// The entities it lists for the period.
    public let entities: Int
    /// How many sources have figures of the measure for the period.
    public let sources: Int
    /// Why it was chosen.
    public let reason: Reason

    /// A choice of `source`, which lists `entities` of the period's `sources` sources, for `reason`.
    public init(source: String, entities: Int, sources: Int, reason: Reason) {
        self.source = source
        self.entities = entities
        self.sources = sources
        self.reason = reason
    }
}

/// A source's current vintage of one period, as the policy weighs it.
struct SourceCandidate {
    let vintage: Vintage
    /// The entities it lists for the period.
    let entities: Int
    /// False when the query needs entities this source does not list (a group's members):
    /// such a source comes after every one that lists some.
    var isEligible = true
    /// Steps from the source cited to the primary study: 0 for the study itself.
    let relaySteps: Int

    private static func rank(_ verification: Verification) -> Int {
        switch verification {
        case .primary: 0
        case .secondary: 1
        case .unverified: 2
        }
    }

    /// The rule that puts `self` before `other`, or nil when `other` comes first.
    func reason(over other: SourceCandidate) -> SourceChoice.Reason? {
        if isEligible != other.isEligible { return isEligible ? .listsMembers : nil }
        if entities != other.entities { return entities > other.entities ? .mostEntities : nil }
        let (a, b) = (Self.rank(vintage.verification), Self.rank(other.vintage.verification))
        if a != b { return a < b ? .betterVerification : nil }
        if relaySteps != other.relaySteps { return relaySteps < other.relaySteps ? .fewerRelays : nil }
        if vintage.publishedOn != other.vintage.publishedOn {
            return vintage.publishedOn > other.vintage.publishedOn ? .laterPublication : nil
        }
        if vintage.source != other.vintage.source { return vintage.source < other.vintage.source ? .sourceKey : nil }
        return vintage.snapshotID > other.vintage.snapshotID ? .sourceKey : nil
    }

    /// The candidate the policy picks, and why.
    static func choose(_ candidates: [SourceCandidate]) -> (SourceCandidate, SourceChoice)? {
        let ordered = candidates.sorted { $0.reason(over: $1) != nil }
        guard let first = ordered.first else { return nil }
        let reason = ordered.count > 1 ? first.reason(over: ordered[1]) ?? .sourceKey : .onlySource
        return (first, SourceChoice(source: first.vintage.source, entities: first.entities, sources: ordered.count, reason: reason))
    }
}
