public import Foundation
public import SharehouseDB

/// Why an import failed, and where: `file:line:column: reason; expected ...`.
///
/// An import that throws this has written nothing.
public struct ImportError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError, CategorizedError {
    /// The file as the user named it (`-` is standard input).
    public let file: String
    /// The line of the problem, from 1; nil when it concerns the whole file.
    public let line: Int?
    /// The column of the problem, from 1; nil when it concerns a whole line or file.
    public let column: Int?
    /// What is wrong.
    public let reason: String
    /// What would have been right, when it can be said.
    public let expected: String?
    /// What kind of failure it is: bad input, missing input, a refusal to protect the data, or a failure.
    public let category: ErrorCategory
    /// The file's other problems, in file order, when it has more than one: an import
    /// checks every row before it gives up (up to 20 problems are listed).
    public internal(set) var otherProblems: [ImportError] = []
    /// Problems found beyond those listed.
    public internal(set) var unlistedProblems = 0
    /// True when the problem is one row's alone, so the rows after it can still be read
    /// and checked (a field that is not a number), unlike one that stops the reading (a
    /// quote never closed).
    var isRowProblem = false

    /// A problem at `file:line:column`, with the reason and what was expected.
    public init(
        file: String, line: Int? = nil, column: Int? = nil, reason: String, expected: String? = nil,
        category: ErrorCategory = .badInput
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = Self.bounded(reason)
        self.expected = expected.map(Self.bounded)
        self.category = category
    }

    /// The longest reason (or expectation) kept whole, in UTF-8 bytes.
    static let maximumMessageBytes = 1000

    /// `text`, or its start and end when it is longer than ``maximumMessageBytes``. A
    /// reason quotes the input ("\"…\" is not a number"), and the input may be a field of
    /// a megabyte: the message stays a line, and keeps its end, which says what is wrong.
    static func bounded(_ text: String) -> String {
        guard text.utf8.count > maximumMessageBytes else { return text }
        let head = text.prefix(400)
        let tail = text.suffix(400)
        return head + "…(\(text.count - head.count - tail.count) characters left out)…" + tail
    }

    /// A problem at a ``/SharehouseDB/SourceLocation`` of `file`.
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

    /// Every problem listed, a line each, and how many more there are.
    public var description: String {
        var text = Self.sentence(for: self)
        for other in otherProblems { text += "\n" + Self.sentence(for: other) }
        if unlistedProblems > 0 { text += "\nand \(unlistedProblems) more problem\(unlistedProblems == 1 ? "" : "s") in \(file)" }
        return text
    }

    /// All the problems this error stands for.
    public var problemCount: Int { 1 + otherProblems.count + unlistedProblems }

    private static func sentence(for problem: ImportError) -> String {
        var text = "\(problem.place): \(problem.reason)"
        if let expected = problem.expected { text += "; expected \(expected)" }
        return text
    }

    /// The same problem, marked as one row's alone.
    func ofOneRow() -> ImportError {
        var error = self
        error.isRowProblem = true
        return error
    }

    public var errorDescription: String? { description }
}
