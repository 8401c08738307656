public import Foundation

/// How a page is asked for again: after a `5xx`, a dropped connection or a body that is not
/// a JSON array, up to `attempts` tries with a doubling delay from `baseDelay`; after a
/// `429`, as long as `Retry-After` (or `RateLimit`) says, up to `maxWaits` times a page.
public struct RetryPolicy: Sendable {
    /// Tries of one page in all, the first included.
    public var attempts: Int
    /// The delay before the second try; it doubles each try after, up to `maxDelay`.
    public var baseDelay: TimeInterval
    /// The longest delay between two tries, however many doublings.
    public var maxDelay: TimeInterval
    /// Rate-limited answers (`429`) waited out for one page before giving up.
    public var maxWaits: Int
    /// The longest wait a `429` is granted; a longer `Retry-After` is cut to this.
    public var maxWait: TimeInterval

    /// A policy; each bound has the default described on its property.
    public init(
        attempts: Int = 5, baseDelay: TimeInterval = 1, maxDelay: TimeInterval = 60, maxWaits: Int = 20, maxWait: TimeInterval = 600
    ) {
        self.attempts = max(1, attempts)
        self.baseDelay = max(0, baseDelay)
        self.maxDelay = max(self.baseDelay, maxDelay)
        self.maxWaits = max(0, maxWaits)
        self.maxWait = max(0, maxWait)
    }

    /// The delay after failed try `attempt` (1-based).
    public func delay(after attempt: Int) -> TimeInterval {
        min(maxDelay, baseDelay * pow(2, Double(max(0, attempt - 1))))
    }
}
