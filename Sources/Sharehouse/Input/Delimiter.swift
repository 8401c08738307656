/// The byte that separates the fields of a delimited file: the ones CSV files use in
/// practice, each with the name messages give it.
public enum Delimiter: UInt8, Sendable, Hashable, CaseIterable {
    /// A comma.
    case comma = 0x2C
    /// A semicolon, as European spreadsheets export.
    case semicolon = 0x3B
    /// A tab.
    case tab = 0x09
    /// A vertical bar.
    case pipe = 0x7C

    /// The delimiter a command-line argument names: `,`, `;`, `|`, or a tab (`\t` as typed,
    /// or a tab character).
    public init?(argument: String) {
        switch argument {
        case ",": self = .comma
        case ";": self = .semicolon
        case "\t", "\\t": self = .tab
        case "|": self = .pipe
        default: return nil
        }
    }

    /// The byte itself.
    public var byte: UInt8 { rawValue }

    /// Its name in messages ("the file looks semicolon-delimited").
    public var name: String {
        switch self {
        case .comma: "comma"
        case .semicolon: "semicolon"
        case .tab: "tab"
        case .pipe: "vertical bar"
        }
    }
}
