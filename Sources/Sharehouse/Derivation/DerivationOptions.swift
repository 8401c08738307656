import Foundation

/// The filters of a stored derivation, read back from its canonical JSON.
enum DerivationOptions {
    private struct Stored: Decodable {
        var decimals: Int
        var minimumDownloads: Int
        var createdFrom: String?
        var derivedColumns: Bool?
        var pipelineTag: String?
    }

    static func request(from json: String) throws -> DerivationRequest {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let stored = try decoder.decode(Stored.self, from: Data(json.utf8))
        return DerivationRequest(
            derivedColumns: stored.derivedColumns ?? false, pipelineTag: stored.pipelineTag,
            createdFrom: stored.createdFrom.flatMap { CalendarDate($0) }, minimumDownloads: stored.minimumDownloads,
            decimals: stored.decimals)
    }
}
