public import Foundation
public import SharehouseDB

/// Why a query has no answer. Each message says what to ask instead.
public enum QueryError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError, CategorizedError {
    /// No measure has this key.
    case unknownMeasure(String)
    /// No source has this key.
    case unknownSource(String)
    /// No figures answer the question.
    case noData(String)
    /// The periods asked for are only in different measures: a difference between them
    /// would compare two different quantities.
    case differentMeasures(details: String)
    /// More than one measure has the figures asked for.
    case ambiguousMeasure(candidates: [String])
    /// The query needs shares, and the measure is a count.
    case notAShare(measure: String, query: String)
    /// The group has no members.
    case noMembers(group: String)
    /// An argument out of range (a top of 0, say).
    case invalid(String)

    public var description: String {
        switch self {
        case .unknownMeasure(let key):
            return "no measure \(key) in the warehouse (see `sharehouse measures list`)"
        case .unknownSource(let key):
            return "no source \(key) in the warehouse (see `sharehouse sources list`)"
        case .noData(let what):
            return "no figures for \(what)"
        case .differentMeasures(let details):
            return "not compared: \(details). Figures of different measures count different things "
                + "(another universe, window or attribution), so their difference would mislead; "
                + "`sharehouse report sources` shows them side by side with each measure's definition"
        case .ambiguousMeasure(let candidates):
            return "several measures have these figures (\(candidates.joined(separator: ", "))): choose one with --measure"
        case .notAShare(let measure, let query):
            return "\(query) needs shares, and the measure \(measure) counts"
        case .noMembers(let group):
            return "the group \(group) has no members listed, so its share cannot be derived"
        case .invalid(let message):
            return message
        }
    }

    public var errorDescription: String? { description }
    /// Always bad input: the question cannot be answered as asked.
    public var category: ErrorCategory { .badInput }
}
