import SharehouseDB

/// Checks the rows of an attribution file one by one, keeping every problem (with its
/// place) and the rows that passed. It writes nothing.
struct AttributionValidator {
    let file: String
    let resolver: EntityResolver
    private(set) var rows: [Attribution] = []
    private(set) var problems = ImportProblems()
    private(set) var nameMatches: [ImportReceipt.NameMatch] = []
    /// Each author key seen: the spelling and the line it was first on.
    private var seen: [String: (author: String, line: Int)] = [:]
    /// Countries resolved so far, by the text given.
    private var resolved: [String: String] = [:]

    /// The longest author or country taken: far beyond any Hub account or country name,
    /// and short enough that suggesting names for it stays quick.
    static let maximumNameBytes = 256

    static let countryExpected =
        "a code (CN), a name in English or Arabic (China, الصين), or a bucket: USER (individuals), "
        + "INTL (international or online communities), UNKNOWN"

    init(file: String, resolver: EntityResolver) {
        self.file = file
        self.resolver = resolver
    }

    mutating func add(_ problem: ImportError) {
        problems.add(problem)
    }

    /// Checks one row: its every problem is kept, or the row is.
    mutating func check(_ row: AttributionCSVReader.Row) {
        let count = problems.count
        let author = checkAuthor(row)
        let code = checkCountry(row)
        let kind = checkKind(row)
        let url = checkURL(row)
        if let code, let kind {
            // The study's buckets: an individual's account is counted as USER, never
            // as the country of the person (which the Hub does not say).
            if kind == .individual, code != "USER" {
                problem(
                    row, .country, "an individual's account is attributed to USER, not \(code)",
                    expected: "country USER for kind individual (or another kind if the account is an organisation's)")
            } else if code == "USER", kind != .individual {
                problem(
                    row, .kind, "USER is the bucket of individuals' accounts, and this row's kind is \(kind.rawValue)",
                    expected: "kind individual for country USER (or the organisation's country)")
            }
        }
        guard problems.count == count, let author, let code, let kind else { return }
        let note = row[.note]
        rows.append(Attribution(author: author, code: code, kind: kind, url: url, note: note.isEmpty ? nil : note))
    }

    private mutating func problem(
        _ row: AttributionCSVReader.Row, _ column: AttributionCSVReader.Column, _ reason: String, expected: String?
    ) {
        problems.add(ImportError(file: file, at: row.location(column), reason: reason, expected: expected))
    }

    private mutating func checkAuthor(_ row: AttributionCSVReader.Row) -> String? {
        let author = row[.author]
        let expected = "the Hub account (user or organisation) as in its address, such as meta-llama for https://huggingface.co/meta-llama"
        guard !author.isEmpty else {
            problem(row, .author, "the author is empty", expected: expected)
            return nil
        }
        guard author.utf8.count <= Self.maximumNameBytes else {
            problem(row, .author, "the author \"\(author.prefix(40))…\" is \(author.utf8.count) bytes long", expected: expected)
            return nil
        }
        if let slash = author.firstIndex(of: "/") {
            problem(
                row, .author, "\"\(author)\" is a model, not an author",
                expected: "the part before '/': \(author[..<slash])")
            return nil
        }
        // What the Hub allows in an account's name: ASCII letters, digits, '-', '_', '.'.
        guard
            author.utf8.allSatisfy({ byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    || byte == 0x2D || byte == 0x5F || byte == 0x2E
            })
        else {
            problem(
                row, .author, "\"\(author)\" is not a Hub account's name (letters, digits, '-', '_' and '.' only)",
                expected: expected)
            return nil
        }
        let key = Attribution.key(author)
        if let first = seen[key] {
            let same = first.author == author ? "\"\(author)\" is" : "\"\(author)\" is the same Hub account as \"\(first.author)\","
            problem(
                row, .author, "\(same) already on line \(first.line) (the Hub does not tell case apart)",
                expected: "one row per author")
            return nil
        }
        seen[key] = (author, row.line)
        return author
    }

    private mutating func checkCountry(_ row: AttributionCSVReader.Row) -> String? {
        let text = row[.country]
        guard !text.isEmpty else {
            problem(row, .country, "the country is empty", expected: Self.countryExpected)
            return nil
        }
        if let code = resolved[text] { return code }
        guard text.utf8.count <= Self.maximumNameBytes else {
            problem(row, .country, "\"\(text.prefix(40))…\" is too long for a country's name", expected: Self.countryExpected)
            return nil
        }
        let match: EntityMatch
        do {
            match = try resolver.resolve(text)
        } catch {
            problem(row, .country, error.description, expected: nil)
            return nil
        }
        // An author is in one country, or in a bucket of its own kind: not in a region
        // or group, nor in the catch-all that sources use for what they did not list.
        guard match.entity.kind == .country || ["USER", "INTL", "UNKNOWN"].contains(match.entity.code) else {
            problem(
                row, .country,
                "\"\(text)\" is \(match.entity.nameEnglish) (\(match.entity.code)), not a country or a bucket for one author",
                expected: Self.countryExpected)
            return nil
        }
        resolved[text] = match.entity.code
        if match.matchedBy != .code, !nameMatches.contains(where: { $0.input == text }) {
            nameMatches.append(.init(input: text, code: match.entity.code, matchedBy: match.matchedBy))
        }
        return match.entity.code
    }

    private mutating func checkKind(_ row: AttributionCSVReader.Row) -> AttributionKind? {
        let text = row[.kind]
        guard let kind = AttributionKind(rawValue: text.lowercased()) else {
            problem(
                row, .kind, text.isEmpty ? "the kind is empty" : "\"\(text)\" is not a kind of account",
                expected: "one of " + AttributionKind.allCases.map(\.rawValue).joined(separator: ", "))
            return nil
        }
        return kind
    }

    /// The basis: empty (the table's source is the citation), or an http(s) address.
    private mutating func checkURL(_ row: AttributionCSVReader.Row) -> String? {
        let url = row[.url]
        guard !url.isEmpty else { return nil }
        let rest = url.hasPrefix("https://") ? url.dropFirst(8) : url.hasPrefix("http://") ? url.dropFirst(7) : nil
        guard let rest, let host = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first, !host.isEmpty,
            !url.contains(where: \.isWhitespace)
        else {
            problem(
                row, .url, "\"\(url.prefix(80))\" is not an http:// or https:// address",
                expected: "the page the attribution rests on, such as https://about.meta.com/ (or nothing)")
            return nil
        }
        return url
    }
}
