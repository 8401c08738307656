public import ArgumentParser
public import Sharehouse
public import SharehouseReports

// The library's own values read straight from the command line: no mirror enums to keep
// in step. An enum whose raw values are the spellings needs nothing more.

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension Period: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
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
