public import Foundation
public import SharehouseDB

/// Why shares could not be derived. Each message says what to do.
public enum DerivationError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError, CategorizedError {
    /// No listing with that id (nil: no listing at all).
    case noListing(Int64?)
    /// No attribution table with that version (nil: none at all).
    case noAttribution(Int64?)
    /// dataset-columns needs a listing of the study's dataset, which has the columns.
    case notAStudyDataset(listing: Int64)
    /// No model of the listing passes the filters.
    case noModels(listing: Int64)
    /// A derived figure asked for by entity and period that no derivation explains.
    case notDerived(String)

    public var description: String {
        switch self {
        case .noListing(let id?): "no listing \(id): `sharehouse listing list` shows the stored ones"
        case .noListing(nil): "no listing is stored: import one with `sharehouse listing import`"
        case .noAttribution(let version?): "no attribution table version \(version): `sharehouse attribution list` shows them"
        case .noAttribution(nil):
            "no attribution table is stored: import one with `sharehouse attribution import` (Fixtures/attribution has a starter)"
        case .notAStudyDataset(let listing):
            "listing \(listing) is not the study's dataset, which alone has country columns: use --method publisher or base-model"
        case .noModels(let listing): "no model of listing \(listing) passes the filters: nothing to derive"
        case .notDerived(let what): "\(what) is not a derived figure: `report contributors` explains shares derived from a listing"
        }
    }

    public var errorDescription: String? { description }

    public var category: ErrorCategory {
        switch self {
        case .noListing, .noAttribution, .notDerived: .missingInput
        case .notAStudyDataset, .noModels: .badInput
        }
    }
}
