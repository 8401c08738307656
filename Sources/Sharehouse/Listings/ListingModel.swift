/// One model of a listing, as stored: its downloads in the listing's window and what the
/// listing said of it.
public struct ListingModel: Sendable, Hashable, Codable {
    /// The repository id as the Hub writes it: `org/name` (or a bare name for old models).
    public let model: String
    /// The account that published it, as given, else the part of the id before `/`.
    public let author: String
    /// Downloads in the listing's window (always more than 0: models without are not stored).
    public let downloads: Int64
    /// Downloads since the model was published, when the listing says.
    public let downloadsAllTime: Int64?
    /// The day the model was created, when the listing says.
    public let createdOn: CalendarDate?
    /// Its task (`text-generation`), when the listing says.
    public let pipelineTag: String?
    /// Its library (`transformers`), when the listing says.
    public let library: String?
    /// The study dataset's own attribution (`org_country_single`,
    /// `derived_org_country_single`), as written there; nil for the Hub's listings.
    public let orgCountry: String?
    /// The study dataset's derived attribution (`derived_org_country_single`); nil for the Hub's listings.
    public let derivedOrgCountry: String?
    /// The base models it names, by id.
    public let bases: [ListingBase]

    /// A model of a listing, as stored.
    public init(
        model: String, author: String, downloads: Int64, downloadsAllTime: Int64? = nil, createdOn: CalendarDate? = nil,
        pipelineTag: String? = nil, library: String? = nil, orgCountry: String? = nil, derivedOrgCountry: String? = nil,
        bases: [ListingBase] = []
    ) {
        self.model = model
        self.author = author
        self.downloads = downloads
        self.downloadsAllTime = downloadsAllTime
        self.createdOn = createdOn
        self.pipelineTag = pipelineTag
        self.library = library
        self.orgCountry = orgCountry
        self.derivedOrgCountry = derivedOrgCountry
        self.bases = bases
    }
}
