/// A value that JSON holds as its text: a date as `"2025-11-26"`, a period as
/// `"2024-09/2025-08"`. Decoding refuses text that does not read back as the value.
public protocol TextCodable: Codable, CustomStringConvertible {
    /// The value a text stands for; nil when it is not one.
    init?(_ text: String)
    /// What the text should look like, for the decoding error.
    static var expectedText: String { get }
}

extension TextCodable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not \(Self.expectedText): \(text)"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
