/// What a fetch is doing, for a progress line.
public enum FetchEvent: Sendable {
    /// Page `number` is written with `models` models; `total` models in all the pages so far.
    case page(number: Int, models: Int, total: Int)
    /// Waiting `seconds` before asking again, and why (`429`, `503`, a dropped connection).
    case waiting(seconds: Double, reason: String)
}
