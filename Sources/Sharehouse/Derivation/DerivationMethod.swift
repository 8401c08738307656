/// How a model's downloads are attributed to a country when shares are derived from a
/// listing: the two ways the study counts a fine-tune, and the study's own columns.
public enum DerivationMethod: String, Sendable, Hashable, CaseIterable, Encodable {
    /// To the country of the account that published the model.
    case publisher
    /// To the country of the publisher of its root base model, following `base_model:`
    /// tags (a merge of several bases split equally among them).
    case baseModel = "base_model"
    /// The study dataset's own attribution (`org_country_single`, or with
    /// ``DerivationRequest/derivedColumns`` `derived_org_country_single`).
    case datasetColumns = "dataset_columns"

    /// The method's name on the command line (`base-model`).
    public var argument: String { String(rawValue.map { $0 == "_" ? "-" : $0 }) }

    /// What the measure's attribution says.
    var attributionText: String {
        switch self {
        case .publisher: "each model's downloads to the country of the account that published it, by an attribution table"
        case .baseModel:
            "each model's downloads to the country of the publisher of its root base model (base_model tags followed, "
                + "a merge split equally among its bases), by an attribution table"
        case .datasetColumns: "the country columns of the study's released dataset"
        }
    }
}
