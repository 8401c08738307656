/// Where an import reads from.
public enum InputSource: Sendable {
    /// A file by path.
    case file(String)
    /// Standard input (`-` on the command line).
    case standardInput
    /// Bytes already in memory, with a name for messages (and to pick the format).
    case bytes([UInt8], name: String)

    var isStandardInput: Bool {
        if case .standardInput = self { return true }
        return false
    }

    /// The name used in messages: the path as given, `-` for standard input.
    public var name: String {
        switch self {
        case .file(let path): path
        case .standardInput: "-"
        case .bytes(_, let name): name
        }
    }
}
