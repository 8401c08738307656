import Crypto
import Foundation
import SharehouseDB

/// The measures and the source that derived snapshots belong to. A measure is one per
/// window, method and filters, so that month after month the derived figures form one
/// series (and never mix with published shares, another measure); the source is one per
/// listing source, method and filters, relaying the listing's source.
enum DerivedCatalog {
    static func measures(request: DerivationRequest, windowDays: Int) -> (count: Measure, share: Measure) {
        // The share's key is the longer: when it does not fit, both keys take the same short
        // hash of the filters instead of their words, so the two stay a pair.
        var filters = request.filterKey
        if ("hub_download_share_\(windowDays)d_\(request.method.rawValue)" + filters).count > 64 { filters = "_f" + hash(filters) }
        let tail = "\(windowDays)d_\(request.method.rawValue)\(filters)"
        let what =
            "\(windowDays)-day window, \(request.method.argument)\(request.derivedColumns ? ", derived columns" : "")"
            + request.filterText.replacingOccurrences(of: " (", with: ", ").replacingOccurrences(of: ")", with: "") + ", derived"
        let universe = "Hugging Face Hub models with downloads in the \(windowDays) days to the listing's retrieval" + request.filterText
        var attribution = request.method.attributionText
        if request.derivedColumns { attribution += " (derived_org_country_single: a derivative counted for its base model's country)" }
        let description =
            "Derived by Sharehouse from a model listing; `sharehouse report contributors` names the models behind each figure."
        return (
            Measure(
                key: "hub_downloads_" + tail, name: "Hugging Face downloads by country (\(what))", unit: .count,
                universe: universe, attribution: attribution, description: description),
            Measure(
                key: "hub_download_share_" + tail, name: "Share of Hugging Face downloads by country (\(what))",
                unit: .percent, universe: universe, attribution: attribution, description: description)
        )
    }

    static func source(request: DerivationRequest, listing: StoredListing, on connection: Connection) throws -> Source {
        let listingSource = try Catalog.source(key: listing.source, in: connection)
        let listingTitle = listingSource?.title ?? listing.source
        // The figures' address is the listing's: where the counts can be fetched again.
        return Source(
            key: key("derived-\(listing.source)-\(request.method.argument)\(request.filterKey)"),
            title: "Country shares derived by Sharehouse from \(listingTitle) (method \(request.method.argument)"
                + request.filterText + ")",
            publisher: "Sharehouse (derived)", url: listingSource?.url, kind: .dataset,
            accessNote: "derived: each snapshot names its listing and attribution table (table derivations)",
            derivedFrom: listing.source)
    }

    /// `text`, or when longer than a key may be (64), its start and a hash of the whole.
    static func key(_ text: String) -> String {
        guard text.count > 64 else { return text }
        return String(text.prefix(55)) + "-" + hash(text)
    }

    /// Eight hex digits of the SHA-256 of `text`.
    static func hash(_ text: String) -> String {
        SHA256.hash(data: Array(text.utf8)).prefix(4).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
