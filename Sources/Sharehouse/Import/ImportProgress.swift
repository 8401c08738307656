/// Progress of a running import, for a progress line.
public struct ImportProgress: Sendable {
    /// The file being read.
    public let file: String
    /// The rows read so far.
    public let rowsRead: Int
    /// The bytes read so far.
    public let bytesRead: Int
    /// The size of the input when known.
    public let totalBytes: Int?
}
