/// How a listing's counts were given.
public enum ListingShape: String, Sendable, Hashable, Codable, CaseIterable {
    /// The Hub's model listing API (`/api/models`): per model its `downloads` over the last
    /// 30 days, as JSON pages (arrays of objects) or NDJSON of the same objects.
    case hubAPI = "hub_api"
    /// The study's released dataset (`all_downloads_with_annotations`): weekly rows per
    /// model with the cumulative `downloadsAllTime`, as CSV or NDJSON; the downloads in
    /// the window are the growth of that count across it.
    case studyDataset = "study_dataset"

    /// The spelling on the command line: `hub-api`, `study-dataset`.
    public var argument: String {
        switch self {
        case .hubAPI: "hub-api"
        case .studyDataset: "study-dataset"
        }
    }

    /// A shape from its stored name (`hub_api`) or its command-line spelling (`hub-api`).
    public init?(spelling: String) {
        guard let shape = Self.allCases.first(where: { $0.rawValue == spelling || $0.argument == spelling }) else { return nil }
        self = shape
    }
}
