import Foundation

/// The filters of a stored derivation, read back from its canonical JSON.
enum DerivationOptions {
    private struct Stored: Decodable {
        var decimals: Int
        var minimum_downloads: Int
        var created_from: String?
        var derived_columns: Bool?
        var pipeline_tag: String?
    }

    static func request(from json: String) throws -> DerivationRequest {
        let stored = try JSONDecoder().decode(Stored.self, from: Data(json.utf8))
        return DerivationRequest(
            derivedColumns: stored.derived_columns ?? false, pipelineTag: stored.pipeline_tag,
            createdFrom: stored.created_from.flatMap { CalendarDate($0) }, minimumDownloads: stored.minimum_downloads,
            decimals: stored.decimals)
    }
}
