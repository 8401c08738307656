import Foundation

/// What the whole picture shows, as data: the headline (the fullest source's leaders),
/// the leaders over time and the same period in every source. SharehouseReports renders it as one HTML page.
public struct Overview: Sendable {
    /// The latest period's leaders under the asked scope.
    public let headline: LeadersResult
    /// The leaders (or the asked entities) over time, with the points a later
    /// publication revised; nil when no share measure has three periods of them.
    public let series: OverviewSeries?
    /// The headline period in every source and measure.
    public let crossSource: CrossSourceResult?
    /// When shares derived from a listing exist: the organisations behind the leading
    /// country of the latest of them.
    public let behindLeader: ContributorsResult?
    /// The warehouse's file name, for the page's last line.
    public let fileName: String
}

/// The series an overview draws, in its measure.
public struct OverviewSeries: Sendable {
    /// The series itself.
    public let result: SeriesResult
    /// Its points that a later publication revised.
    public let revised: Set<SeriesPointKey>
    /// False when the headline's measure has no series and this one is another measure's.
    public let isHeadlineMeasure: Bool
    /// The series' measure.
    public var measure: Measure { result.context.measure }
}

/// What an overview is asked for; what it does not say comes from ``ReportDefaults``.
public struct OverviewRequest: Sendable {
    /// The measure, sources and as-of date of the headline.
    public var scope: QueryScope
    /// Entities of the series over time (default: the headline's top
    /// ``ReportDefaults/overviewSeriesEntities``).
    public var entities: [String]
    /// How many leaders the overview shows.
    public var top: Int

    /// A request for the overview; the defaults pick the headline's measure and its leaders.
    public init(scope: QueryScope = QueryScope(), entities: [String] = [], top: Int = ReportDefaults.top) {
        self.scope = scope
        self.entities = entities
        self.top = top
    }
}

extension Warehouse {
    /// The whole picture: the headline, the leaders, the series over time and the same period in every source, cited.
    public func overview(_ request: OverviewRequest = OverviewRequest()) throws -> Overview {
        let headline = try leaders(top: request.top, scope: request.scope)
        let across = try? crossSource(period: headline.period, asOf: request.scope.asOf)
        return Overview(
            headline: headline, series: try overviewSeries(leaders: headline, request: request),
            crossSource: across, behindLeader: try derivedLeaderContributors(asOf: request.scope.asOf),
            fileName: (path as NSString).lastPathComponent)
    }

    /// The leaders (or the chosen entities) over time, in the headline's measure when it
    /// has several periods, else in the share measure with the most periods.
    private func overviewSeries(leaders: LeadersResult, request: OverviewRequest) throws -> OverviewSeries? {
        // Synthetic measures only when asked for by key, or when no real one exists.
        let shares = try measures(asOf: request.scope.asOf).filter { $0.unit == .percent }
        let real = shares.filter { !$0.isSynthetic || $0.key == request.scope.measure }
        let candidates = real.isEmpty ? shares : real
        var best: SeriesResult?
        let codes =
            request.entities.isEmpty ? Array(leaders.rows.prefix(ReportDefaults.overviewSeriesEntities).map(\.entity)) : request.entities
        guard !codes.isEmpty else { return nil }
        for measure in candidates {
            var scope = request.scope
            scope.measure = measure.key
            guard let result = try? series(entities: codes, scope: scope) else { continue }
            let periods = Set(result.points.map(\.period)).count
            let isHeadline = measure.key == leaders.context.measure.key
            if periods >= 3, isHeadline {
                best = result
                break
            }
            if periods >= 3, periods > (best.map { Set($0.points.map(\.period)).count } ?? 0) { best = result }
        }
        guard let best else { return nil }
        return OverviewSeries(
            result: best, revised: try revisedPoints(of: best, scope: request.scope),
            isHeadlineMeasure: best.context.measure.key == leaders.context.measure.key)
    }
}
