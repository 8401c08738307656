/// How sure we are of a snapshot's figures.
public enum Verification: String, Sendable, Hashable, Codable, CaseIterable {
    /// Read in the primary source itself.
    case primary
    /// Quoted by a reputable secondary report; the primary could not be read.
    case secondary
    /// A claim from a single or low-authority page.
    case unverified
}

/// Whether a snapshot lists every entity of its universe or only the top ones.
public enum Coverage: String, Sendable, Hashable, Codable, CaseIterable {
    /// The source lists every entity.
    case complete
    /// A top-N list: the rest is not given, so totals and concentration are lower bounds.
    case topN = "top_n"
}
