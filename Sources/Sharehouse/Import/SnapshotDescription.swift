/// A measure named by key (already in the warehouse) or defined in full.
public enum MeasureReference: Sendable, Hashable {
    /// A measure already in the catalogue.
    case key(String)
    /// A measure's whole definition: added when new, checked against the stored one otherwise.
    case definition(Measure)

    /// The measure's key, however it is given.
    public var key: String {
        switch self {
        case .key(let key): key
        case .definition(let measure): measure.key
        }
    }
}

/// A source named by key (already in the warehouse) or defined in full.
public enum SourceReference: Sendable, Hashable {
    /// A source already in the catalogue.
    case key(String)
    /// A source's whole definition: added when new, checked against the stored one otherwise.
    case definition(Source)

    /// The source's key, however it is given.
    public var key: String {
        switch self {
        case .key(let key): key
        case .definition(let source): source.key
        }
    }
}

/// What a snapshot is: its measure, its source, when it was published and how sure we
/// are of it. Every field is optional here because it may come from the file, a sidecar
/// or the command line; the importer merges them and requires what must be there.
public struct SnapshotDescription: Sendable, Hashable {
    /// How to read the file this describes, as a sidecar may say (`delimiter`,
    /// `decimal_comma`, `periods`, `scale`, `entity_column`...).
    public var reading = ReadingHints()
    /// What the figures measure.
    public var measure: MeasureReference?
    /// Who published them.
    public var source: SourceReference?
    /// Further sources the file defines, such as the ones its source relays.
    public var relayedSources: [Source]
    /// When the source published these figures. Required.
    public var publishedOn: CalendarDate?
    /// Default: unverified.
    public var verification: Verification?
    /// Default: top_n (a partial list), so that totals are never overstated.
    public var coverage: Coverage?
    /// What a reader should know about the snapshot.
    public var note: String?
    /// The period of observations that give none.
    public var period: Period?

    /// A snapshot's metadata; what is left nil comes from the file or its sidecar.
    public init(
        measure: MeasureReference? = nil, source: SourceReference? = nil, relayedSources: [Source] = [],
        publishedOn: CalendarDate? = nil, verification: Verification? = nil, coverage: Coverage? = nil,
        note: String? = nil, period: Period? = nil
    ) {
        self.measure = measure
        self.source = source
        self.relayedSources = relayedSources
        self.publishedOn = publishedOn
        self.verification = verification
        self.coverage = coverage
        self.note = note
        self.period = period
    }
}

/// One figure given as Swift values. The value is text, so the published precision is
/// kept (`"17.10"`); ``init(entity:period:value:decimals:)`` takes a number instead.
public struct ObservationInput: Sendable, Hashable {
    /// The entity: a code, or an English or Arabic name or alias.
    public var entity: String
    /// The period (`2025-08`, `2024-09/2025-08`); nil for the snapshot's default period.
    public var period: String?
    /// The figure as published (`17.10`, `17,1`, `١٧٫١`).
    public var value: String

    /// A figure given as text, its precision as written.
    public init(entity: String, period: String? = nil, value: String) {
        self.entity = entity
        self.period = period
        self.value = value
    }

    /// A figure given as a number, with the digits after the decimal point to keep.
    public init(entity: String, period: String? = nil, value: Double, decimals: Int) {
        self.init(entity: entity, period: period, value: PublishedValue(value: value, decimals: decimals).description)
    }
}
