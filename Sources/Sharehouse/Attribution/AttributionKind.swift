/// What kind of account an attribution row is about: the kinds the study's annotation
/// tells apart, so that a reader can leave out, say, individuals or communities.
public enum AttributionKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A company.
    case company
    /// A university.
    case university
    /// A non-profit organisation.
    case nonprofit
    /// A government body.
    case government
    /// An online or international community (`lmstudio-community`): attributed to `INTL`.
    case community
    /// A person's own account (`TheBloke`): attributed to `USER`, as the study does.
    case individual
}
