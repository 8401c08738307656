/// What to derive: from which listing, under which attribution table and method, over
/// which models, rounded how.
public struct DerivationRequest: Sendable, Hashable {
    /// A stored listing: its id, or the latest imported.
    public enum ListingChoice: Sendable, Hashable {
        /// The latest listing imported.
        case latest
        /// The listing with this id.
        case id(Int64)
    }

    /// The listing to derive from.
    public var listing: ListingChoice
    /// The attribution table's version; nil for the latest (unused by `datasetColumns`).
    public var attributionVersion: Int64?
    /// How downloads are attributed to countries.
    public var method: DerivationMethod
    /// With `datasetColumns`: `derived_org_country_single` (a derivative model counted for
    /// its base model's country) instead of `org_country_single`.
    public var derivedColumns: Bool
    /// Only models of this pipeline tag (`text-generation`).
    public var pipelineTag: String?
    /// Only models created on or after this day.
    public var createdFrom: CalendarDate?
    /// Only models with at least this many downloads in the window.
    public var minimumDownloads: Int
    /// The shares' decimals, rounded half away from zero.
    public var decimals: Int
    /// The verification the derived snapshots carry.
    public var verification: Verification
    /// Check and compute everything, write nothing.
    public var dryRun: Bool

    /// A request from its choices; every one has a default (the latest listing and table, by publisher).
    public init(
        listing: ListingChoice = .latest, attributionVersion: Int64? = nil, method: DerivationMethod = .publisher,
        derivedColumns: Bool = false, pipelineTag: String? = nil, createdFrom: CalendarDate? = nil,
        minimumDownloads: Int = 1, decimals: Int = 2, verification: Verification = .unverified, dryRun: Bool = false
    ) {
        self.listing = listing
        self.attributionVersion = attributionVersion
        self.method = method
        self.derivedColumns = derivedColumns
        self.pipelineTag = pipelineTag
        self.createdFrom = createdFrom
        self.minimumDownloads = minimumDownloads
        self.decimals = decimals
        self.verification = verification
        self.dryRun = dryRun
    }

    /// The filters and rounding as canonical JSON (keys sorted, no spaces), as the
    /// `derivations` table keeps them.
    var optionsJSON: String {
        var members = ["\"decimals\":\(decimals)", "\"minimum_downloads\":\(minimumDownloads)"]
        if let createdFrom { members.append("\"created_from\":\"\(createdFrom)\"") }
        if derivedColumns { members.append("\"derived_columns\":true") }
        if let pipelineTag { members.append("\"pipeline_tag\":" + JSONText.string(pipelineTag)) }
        return "{" + members.sorted().joined(separator: ",") + "}"
    }

    /// What sets the models apart in a measure's or source's key: the filters, never the
    /// rounding (another precision is the same measure).
    var filterKey: String {
        var parts: [String] = []
        if derivedColumns { parts.append("derived") }
        if let pipelineTag { parts.append("tag-" + Self.keyText(pipelineTag)) }
        if let createdFrom { parts.append("from-\(createdFrom)") }
        if minimumDownloads > 1 { parts.append("min-\(minimumDownloads)") }
        return parts.map { "_" + $0 }.joined()
    }

    /// The filters in words, for a measure's universe.
    var filterText: String {
        var parts: [String] = []
        if let pipelineTag { parts.append("pipeline tag \(pipelineTag)") }
        if let createdFrom { parts.append("created on or after \(createdFrom)") }
        if minimumDownloads > 1 { parts.append("at least \(minimumDownloads) downloads") }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
    }

    /// Lower-case letters, digits, `.` and `-`: what a key may hold.
    static func keyText(_ text: String) -> String {
        String(text.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") ? $0 : "-" })
    }
}
