public import ArgumentParser
public import Sharehouse
public import SharehouseReports

// The library's own values read straight from the command line: no mirror enums to keep
// in step. An enum whose raw values are the spellings needs nothing more.

/// Dates and periods are read by these, so that a wrong one is told the forms it may take
/// ("The value '2025-99' is invalid for '--from <period>': expected a period such as ...").
enum ArgumentValue {
    static func date(_ text: String) throws -> CalendarDate {
        guard let date = CalendarDate(text) else { throw ValidationError("expected \(CalendarDate.expectedText) that exists") }
        return date
    }

    static func period(_ text: String) throws -> Period {
        guard let period = Period(text) else { throw ValidationError("expected \(Period.expectedForms)") }
        return period
    }
}

extension ReportLanguage: ExpressibleByArgument {}
extension DigitStyle: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}
extension InputFormat: ExpressibleByArgument {}
extension Verification: ExpressibleByArgument {}
extension Coverage: ExpressibleByArgument {}
extension Source.Kind: ExpressibleByArgument {}
extension Measure.Unit: ExpressibleByArgument {}
extension EntityKind: ExpressibleByArgument {}
extension BareDates: ExpressibleByArgument {}
extension ValueScale: ExpressibleByArgument {}
extension ExportFileFormat: ExpressibleByArgument {}

/// `--shape hub-api` (the stored `hub_api` is taken too).
extension ListingShape: ExpressibleByArgument {
    public init?(argument: String) {
        guard let shape = ListingShape(spelling: argument) else { return nil }
        self = shape
    }

    public static var allValueStrings: [String] { allCases.map(\.argument) }
}

/// A field to clear, as its option is spelled (`access-note`) or its column (`access_note`).
extension Source.Field: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: String(argument.map { $0 == "-" ? "_" : $0 }))
    }

    public var argument: String { String(rawValue.map { $0 == "_" ? "-" : $0 }) }
    public static var allValueStrings: [String] { allCases.map(\.argument) }
}

extension Measure.Field: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: String(argument.map { $0 == "-" ? "_" : $0 }))
    }

    public var argument: String { rawValue }
    public static var allValueStrings: [String] { allCases.map(\.argument) }
}

/// Derivation methods are written with hyphens on the command line (`base-model`).
extension DerivationMethod: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: String(argument.map { $0 == "-" ? "_" : $0 }))
    }

    public static var allValueStrings: [String] { allCases.map(\.argument) }
    public var defaultValueDescription: String { argument }
}
