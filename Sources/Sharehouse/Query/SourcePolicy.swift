/// Which sources a query may take its figures from.
public enum SourcePolicy: Sendable, Hashable, Encodable {
    /// Figures of this source only.
    case only(String)
    /// For each period, the figures of one source, chosen in this order: the one that
    /// lists the most entities for the period, then the highest verification (primary,
    /// then secondary, then unverified), then the fewest relay steps from the primary
    /// study, then the latest publication, then the source's key (``SourceChoice``).
    /// Sources are never mixed within a period.
    case preferred

    /// The rule in words, as results state it.
    public var explanation: String {
        switch self {
        case .only(let key): "figures of the source \(key) only"
        case .preferred:
            "for each period, one source: the one that lists the most entities, then the best verified "
                + "(primary, secondary, unverified), then the fewest relays from the study, then the latest published, then by key"
        }
    }
}

extension SourcePolicy {
    private enum Key: String, CodingKey { case rule, source }

    /// `{"rule": "preferred"}` or `{"rule": "only", "source": "KEY"}`: the same fields
    /// whichever the policy, for whoever reads the JSON.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .only(let source):
            try container.encode("only", forKey: .rule)
            try container.encode(source, forKey: .source)
        case .preferred:
            try container.encode("preferred", forKey: .rule)
        }
    }
}
