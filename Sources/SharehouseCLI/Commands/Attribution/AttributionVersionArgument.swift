import ArgumentParser

/// A version of the attribution table on the command line: a number, or `latest`.
enum AttributionVersionArgument: Equatable {
    case latest
    case number(Int)

    /// The number, or nil for the latest (the library's nil).
    var number: Int? {
        if case .number(let number) = self { return number }
        return nil
    }

    static func parse(_ text: String) throws -> AttributionVersionArgument {
        if text.lowercased() == "latest" { return .latest }
        guard let number = Int(text), number > 0 else { throw ValidationError("expected a version number (1, 2, ...) or latest") }
        return .number(number)
    }
}
