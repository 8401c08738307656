import Foundation
import SharehouseTestSupport
import Testing

/// Everything a user types reaches SQL as a bound parameter, never spliced into the text:
/// this reads every source file and lists each interpolation inside a string literal that
/// looks like SQL. Only the ones below, which splice constants of the code itself, may be
/// there; a new one fails the test until it is bound instead (or shown to be a constant
/// and added here, with the reason).
@Suite("SQL text is never built from input")
struct SQLIsBoundTests {
    /// File name -> interpolated expressions allowed in its SQL, and why.
    static let allowed: [String: Set<String>] = [
        "Catalog.swift": ["sourceColumns"],  // a constant column list
        "Connection+Transactions.swift": ["kind.rawValue", "name"],  // DEFERRED/IMMEDIATE; savepoint names made from a counter
        "Migrator.swift": ["Int32(clamping: migration.version)", "Int32(clamping: last.version)"],  // integers
        "MigrationLedger.swift": ["table"],  // the ledger's table name, a constant
        "Connection+ReadOnlySQL.swift": ["pragma"],  // an error message, not SQL
        "MigrationStatementPolicy.swift": ["pragma.lowercased()"],  // an error message, not SQL
        "Connection+PageCache.swift": ["kibibytes", "previous"],  // integers: the code's constants, and what SQLite said
    ]

    static let sqlWord = try! NSRegularExpression(
        pattern:
            #"\b(SELECT|INSERT|UPDATE|DELETE|REPLACE|PRAGMA|CREATE|DROP|ALTER|BEGIN|SAVEPOINT|RELEASE|ROLLBACK|ATTACH|VACUUM|VALUES|WHERE)\b"#
    )

    /// The string literals of Swift source text (single-line and multi-line; raw strings
    /// are not used in Sources/), each with its interpolated expressions.
    static func literals(in text: String) -> [(text: String, interpolations: [String])] {
        let scalars = Array(text.unicodeScalars)
        var result: [(String, [String])] = []
        var index = 0
        func starts(_ token: String, at position: Int) -> Bool {
            let tokenScalars = Array(token.unicodeScalars)
            return position + tokenScalars.count <= scalars.count
                && Array(scalars[position..<position + tokenScalars.count]) == tokenScalars
        }
        while index < scalars.count {
            if starts("//", at: index) {  // a comment to the end of the line
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
                continue
            }
            guard scalars[index] == "\"" else {
                index += 1
                continue
            }
            let multiline = starts("\"\"\"", at: index)
            index += multiline ? 3 : 1
            var literal = String.UnicodeScalarView()
            var interpolations: [String] = []
            while index < scalars.count {
                if multiline ? starts("\"\"\"", at: index) : scalars[index] == "\"" {
                    index += multiline ? 3 : 1
                    break
                }
                if starts("\\(", at: index) {
                    // The expression up to the matching parenthesis.
                    var depth = 1
                    var end = index + 2
                    while end < scalars.count, depth > 0 {
                        if scalars[end] == "(" { depth += 1 }
                        if scalars[end] == ")" { depth -= 1 }
                        end += 1
                    }
                    interpolations.append(String(String.UnicodeScalarView(scalars[(index + 2)..<(end - 1)])))
                    literal.append("?")
                    index = end
                    continue
                }
                if scalars[index] == "\\" {
                    literal.append(scalars[index])
                    index += 1
                }
                if index < scalars.count { literal.append(scalars[index]) }
                index += 1
            }
            result.append((String(literal), interpolations))
        }
        return result
    }

    @Test func theScannerFindsInterpolationsInSQL() {
        let found = Self.literals(
            in: #"""
                let a = "SELECT * FROM t WHERE k = '\(key)'"
                // "DELETE FROM t WHERE \(ignored)"
                let b = """
                    UPDATE t SET v = \(value(of: x)) WHERE k = ?
                    """
                """#)
        #expect(found.map(\.interpolations) == [["key"], ["value(of: x)"]])
    }

    @Test func everyInterpolationInSQLIsAKnownConstant() throws {
        let sources = Repository.path("Sources")
        let files = try #require(FileManager.default.enumerator(atPath: sources)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && !$0.hasSuffix("EmbeddedMigrations.swift") }
        #expect(files.count > 50, "the scan reads the sources")
        var unexpected: [String] = []
        var seen: [String: Set<String>] = [:]
        for file in files {
            let text = try String(contentsOfFile: sources + "/" + file, encoding: .utf8)
            let name = (file as NSString).lastPathComponent
            for literal in Self.literals(in: text) where !literal.interpolations.isEmpty {
                let range = NSRange(literal.text.startIndex..., in: literal.text)
                guard Self.sqlWord.firstMatch(in: literal.text, range: range) != nil else { continue }
                for expression in literal.interpolations {
                    seen[name, default: []].insert(expression)
                    if Self.allowed[name]?.contains(expression) != true {
                        unexpected.append("\(file): \\(\(expression)) in \"\(literal.text.prefix(80))\"")
                    }
                }
            }
        }
        #expect(unexpected.isEmpty, "SQL built from values; bind them instead:\n\(unexpected.joined(separator: "\n"))")
        // The allowlist stays true: an entry no longer needed is removed.
        for (file, expressions) in Self.allowed {
            #expect(expressions.isSubset(of: seen[file] ?? []), "\(file): \(expressions.subtracting(seen[file] ?? [])) no longer spliced")
        }
    }
}
