/// Progress of a running import, for a progress line.
public struct ImportProgress: Sendable {
    public let file: String
    public let rowsRead: Int
    public let bytesRead: Int
    /// The size of the input when known.
    public let totalBytes: Int?
}
