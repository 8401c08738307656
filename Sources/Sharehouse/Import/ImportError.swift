public import Foundation
public import SharehouseDB

/// Why an import failed, and where: `file:line:column: reason; expected ...`.
///
/// An import that throws this has written nothing.
public struct ImportError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError, CategorizedError {
    /// The file as the user named it (`-` is standard input).
    public let file: String
    public let line: Int?
    public let column: Int?
    /// What is wrong.
    public let reason: String
    /// What would have been right, when it can be said.
    public let expected: String?
    public let category: ErrorCategory

    public init(file: String, line: Int? = nil, column: Int? = nil, reason: String, expected: String? = nil,
                category: ErrorCategory = .badInput) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
        self.expected = expected
        self.category = category
    }

    public init(file: String, at location: SourceLocation?, reason: String, expected: String? = nil) {
        self.init(file: file, line: location?.line, column: location?.column, reason: reason, expected: expected)
    }

    /// `file:line:column`, as far as it is known.
    public var place: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }

    public var description: String {
        var text = "\(place): \(reason)"
        if let expected { text += "; expected \(expected)" }
        return text
    }

    public var errorDescription: String? { description }
}
