public import Foundation

/// How long a `429` says to wait: `Retry-After` (seconds, or an HTTP date), else the
/// `RateLimit` header of the IETF draft the Hub sends (`"api";r=0;t=42`: `t` seconds until
/// the window resets), else `X-RateLimit-Reset` (seconds), else nil (the policy's backoff).
public enum RateLimitWait {
    /// How long a 429 asks to wait: `Retry-After` (seconds or a date), else RateLimit's `t=`, else `X-RateLimit-Reset`; nil when none says.
    public static func seconds(headers: [String: String], now: Date = Date()) -> TimeInterval? {
        func header(_ name: String) -> String? {
            headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value.trimmingCharacters(in: .whitespaces)
        }
        if let value = header("Retry-After") {
            if let seconds = TimeInterval(value), seconds >= 0 { return seconds }
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
            if let date = formatter.date(from: value) { return max(0, date.timeIntervalSince(now)) }
        }
        if let value = header("RateLimit") {
            for part in value.split(whereSeparator: { $0 == ";" || $0 == "," }) {
                let item = part.trimmingCharacters(in: .whitespaces)
                if item.hasPrefix("t="), let seconds = TimeInterval(item.dropFirst(2)), seconds >= 0 { return seconds }
            }
        }
        if let value = header("X-RateLimit-Reset"), let seconds = TimeInterval(value), seconds >= 0, seconds < 86_400 {
            return seconds
        }
        return nil
    }
}
