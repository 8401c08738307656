import Foundation
import SharehouseDB

/// How the monthly run derives the month's shares, kept in a JSON file beside the
/// warehouse (`sharehouse-monthly.json`) so that a scheduler runs one fixed command. Every
/// member may be left out; its default is the one given here.
public struct MonthlyConfiguration: Sendable, Hashable, Decodable {
    /// The catalogue source the month's listing is cited to.
    public var listingSource: String
    /// The days the listing's downloads cover (30 for the Hub's `downloads`).
    public var windowDays: Int
    /// The attribution table's version; nil for the latest.
    public var attributionVersion: Int64?
    /// The methods to derive by, each a pair of snapshots.
    public var methods: [DerivationMethod]
    /// Only models of this task (`text-generation`); nil for every model.
    public var pipelineTag: String?
    /// Only models with at least this many downloads in the window.
    public var minimumDownloads: Int
    /// The digits after the decimal point of the derived shares.
    public var decimals: Int
    /// Where the month's HTML report is written, relative to the configuration file.
    public var reportFolder: String
    /// `monthly --fetch`: the Hub's base URL (`https://huggingface.co`).
    public var endpoint: String
    /// `monthly --fetch`: stop after the page whose last model has fewer downloads (nil: no bound).
    public var fetchMinimumDownloads: Int64?
    /// `monthly --fetch`: at most this many pages a run (nil: no bound).
    public var fetchMaximumPages: Int?

    /// A configuration; every member left out takes its default.
    public init(
        listingSource: String, windowDays: Int = 30, attributionVersion: Int64? = nil, methods: [DerivationMethod] = [.publisher],
        pipelineTag: String? = nil, minimumDownloads: Int = 1, decimals: Int = 2, reportFolder: String = "reports"
    ) {
        self.listingSource = listingSource
        self.windowDays = windowDays
        self.attributionVersion = attributionVersion
        self.methods = methods
        self.pipelineTag = pipelineTag
        self.minimumDownloads = minimumDownloads
        self.decimals = decimals
        self.reportFolder = reportFolder
        self.endpoint = "https://huggingface.co"
    }

    private enum CodingKeys: String, CodingKey {
        case listingSource = "listing_source"
        case windowDays = "window_days"
        case attributionVersion = "attribution_version"
        case methods
        case pipelineTag = "pipeline_tag"
        case minimumDownloads = "min_downloads"
        case decimals
        case reportFolder = "report_folder"
        case endpoint
        case fetchMinimumDownloads = "fetch_min_downloads"
        case fetchMaximumPages = "fetch_max_pages"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = MonthlyConfiguration(listingSource: "")
        listingSource = try container.decode(String.self, forKey: .listingSource)
        windowDays = try container.decodeIfPresent(Int.self, forKey: .windowDays) ?? defaults.windowDays
        attributionVersion = try container.decodeIfPresent(Int64.self, forKey: .attributionVersion)
        let names = try container.decodeIfPresent([String].self, forKey: .methods)
        methods =
            try names.map { names in
                try names.map { name in
                    guard let method = DerivationMethod(rawValue: String(name.map { $0 == "-" ? "_" : $0 })) else {
                        throw DecodingError.dataCorruptedError(
                            forKey: .methods, in: container,
                            debugDescription: "\"\(name)\" is not a method: publisher, base-model or dataset-columns")
                    }
                    return method
                }
            } ?? defaults.methods
        pipelineTag = try container.decodeIfPresent(String.self, forKey: .pipelineTag)
        minimumDownloads = try container.decodeIfPresent(Int.self, forKey: .minimumDownloads) ?? defaults.minimumDownloads
        decimals = try container.decodeIfPresent(Int.self, forKey: .decimals) ?? defaults.decimals
        reportFolder = try container.decodeIfPresent(String.self, forKey: .reportFolder) ?? defaults.reportFolder
        endpoint = try container.decodeIfPresent(String.self, forKey: .endpoint) ?? defaults.endpoint
        fetchMinimumDownloads = try container.decodeIfPresent(Int64.self, forKey: .fetchMinimumDownloads)
        fetchMaximumPages = try container.decodeIfPresent(Int.self, forKey: .fetchMaximumPages)
    }

    /// The configuration in the JSON file at `path`, with a clear error for a bad one.
    public static func read(from path: String) throws -> MonthlyConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportError(
                file: path, reason: "no monthly configuration here",
                expected: "a JSON file such as {\"listing_source\": \"hf-hub-api\", \"methods\": [\"publisher\", \"base-model\"]}",
                category: .missingInput)
        }
        do {
            return try JSONDecoder().decode(MonthlyConfiguration.self, from: data)
        } catch let error as DecodingError {
            throw ImportError(
                file: path, reason: "not a monthly configuration: \(Self.describe(error))",
                expected: "the members of sharehouse-monthly.json in the README")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): "\(key.stringValue) is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            (context.codingPath.last.map { $0.stringValue + ": " } ?? "") + context.debugDescription
        @unknown default: "\(error)"
        }
    }

    /// The derivation this configuration asks for by `method`.
    func request(_ method: DerivationMethod, listing: Int64, dryRun: Bool) -> DerivationRequest {
        DerivationRequest(
            listing: .id(listing), attributionVersion: attributionVersion, method: method, pipelineTag: pipelineTag,
            minimumDownloads: minimumDownloads, decimals: decimals, dryRun: dryRun)
    }
}
