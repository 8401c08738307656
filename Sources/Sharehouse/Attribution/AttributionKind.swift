/// What kind of account an attribution row is about: the kinds the study's annotation
/// tells apart, so that a reader can leave out, say, individuals or communities.
public enum AttributionKind: String, Sendable, Hashable, Codable, CaseIterable {
    case company
    case university
    case nonprofit
    case government
    /// An online or international community (`lmstudio-community`): attributed to `INTL`.
    case community
    /// A person's own account (`TheBloke`): attributed to `USER`, as the study does.
    case individual
}
