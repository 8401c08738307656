/// Something a reader must know to read a result's figures right: a lower bound,
/// overlapping windows, periods left out. Results carry notes as these values, never as
/// sentences: SharehouseReports words each case in every report language, and JSON
/// writes the case as data (`{"kind": "tie_at_cut", "rank": 3}`).
public enum ReportNote: Sendable, Hashable {
    /// The source lists only its top entities; `rest` (for shares: 100 minus every
    /// listed figure) is what it does not break down, nil when unknown.
    case topEntitiesOnly(rest: PublishedValue?)
    /// A tie at the last rank shown keeps every tied entity.
    case tieAtCut(rank: Int)
    /// Some figures come from top-N lists: entities not listed are not zero.
    case topNListsIncluded
    /// Two compared periods overlap in `shared`: the change reflects only what they do
    /// not share.
    case periodsOverlap(shared: Period)
    /// Two compared periods differ in length.
    case periodLengthsDiffer(PeriodLength, PeriodLength)
    /// Two compared periods come from different sources of one measure.
    case sourcesDiffer(String, String)
    /// Where a source lists only its top entities, HHI and CR are lower bounds.
    case concentrationLowerBound
    /// Columns of several measures side by side: never read across them as one series.
    case measuresSideBySide(count: Int)
    /// Some columns only overlap the period asked for.
    case columnsOnlyOverlap(Period)
    /// The two entities do not change places in these periods.
    case noCrossing(String, String)
    /// A group's figure (the group's code) is derived: the sum of its members' figures,
    /// a lower bound.
    case derivedFromMembers(group: String)
    /// Periods of other lengths were left out: a series keeps to one length.
    case otherLengthsLeftOut(count: Int, lengths: [PeriodLength])
    /// Each point is a window of several months; consecutive windows overlap.
    case overlappingWindows(months: Int)
    /// The period's figures come from this source (its publisher named), chosen so.
    case sourceChosen(SourceChoice, publisher: String)

    /// The case's name in JSON, snake_case like every key Sharehouse writes.
    public var kind: String {
        switch self {
        case .topEntitiesOnly: "top_entities_only"
        case .tieAtCut: "tie_at_cut"
        case .topNListsIncluded: "top_n_lists_included"
        case .periodsOverlap: "periods_overlap"
        case .periodLengthsDiffer: "period_lengths_differ"
        case .sourcesDiffer: "sources_differ"
        case .concentrationLowerBound: "concentration_lower_bound"
        case .measuresSideBySide: "measures_side_by_side"
        case .columnsOnlyOverlap: "columns_only_overlap"
        case .noCrossing: "no_crossing"
        case .derivedFromMembers: "derived_from_members"
        case .otherLengthsLeftOut: "other_lengths_left_out"
        case .overlappingWindows: "overlapping_windows"
        case .sourceChosen: "source_chosen"
        }
    }
}

extension ReportNote: Encodable {
    private enum Key: String, CodingKey {
        case kind, rest, rank, period, lengths, sources, entities, group, count, months, choice, publisher
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .topEntitiesOnly(let rest): try container.encodeIfPresent(rest, forKey: .rest)
        case .tieAtCut(let rank): try container.encode(rank, forKey: .rank)
        case .topNListsIncluded, .concentrationLowerBound: break
        case .periodsOverlap(let shared): try container.encode(shared, forKey: .period)
        case .periodLengthsDiffer(let a, let b): try container.encode([a, b], forKey: .lengths)
        case .sourcesDiffer(let a, let b): try container.encode([a, b], forKey: .sources)
        case .measuresSideBySide(let count): try container.encode(count, forKey: .count)
        case .columnsOnlyOverlap(let period): try container.encode(period, forKey: .period)
        case .noCrossing(let a, let b): try container.encode([a, b], forKey: .entities)
        case .derivedFromMembers(let group): try container.encode(group, forKey: .group)
        case .otherLengthsLeftOut(let count, let lengths):
            try container.encode(count, forKey: .count)
            try container.encode(lengths, forKey: .lengths)
        case .overlappingWindows(let months): try container.encode(months, forKey: .months)
        case .sourceChosen(let choice, let publisher):
            try container.encode(choice, forKey: .choice)
            try container.encode(publisher, forKey: .publisher)
        }
    }
}

extension ReportNote {
    /// The note every query adds when some of its figures come from top-N lists.
    static func coverage(_ vintages: [Vintage]) -> [ReportNote] {
        vintages.contains { $0.coverage == .topN } ? [.topNListsIncluded] : []
    }
}
