import SharehouseDB

/// The study dataset's columns, and how their texts are read, whether they come from a
/// CSV field or an NDJSON member.
///
/// The dataset has many columns (`_id`, `annotator`, `org_type`, `merged_modality`...);
/// a listing needs these, and leaves the others unread.
enum StudyFields {
    static let model = "model"
    static let time = "time"
    static let downloadsAllTime = "downloadsAllTime"
    static let author = "author"
    static let created = "created"
    static let orgCountry = "org_country_single"
    static let derivedOrgCountry = "derived_org_country_single"
    static let derivedFrom = "merged_derived_from"

    static let required = [model, time, downloadsAllTime]
    static let optional = [author, created, orgCountry, derivedOrgCountry, derivedFrom]
    static let expectedColumns =
        "the study dataset's columns: model, time, downloadsAllTime (and author, created, org_country_single, "
        + "derived_org_country_single, merged_derived_from when given)"
    static let expectedCount = "a whole number of downloads since the model was created, 0 or more"

    /// Texts a dataframe writes for a missing value: an empty field, pandas' `nan`, R's
    /// `NA`, Python's `None`.
    static func isMissing(_ text: Substring) -> Bool {
        guard text.utf8.count <= 4 else { return false }
        return text.isEmpty || text == "nan" || text == "NaN" || text == "None" || text == "NA" || text == "null" || text == "<NA>"
    }

    /// The base models in `merged_derived_from`: one id, or a list as pandas writes it
    /// (`['a/b', 'c/d']`, or `['a/b' 'c/d']` for a NumPy array), as DuckDB writes it
    /// (`[a/b, c/d]`) or as JSON (`["a/b"]`). Model ids hold no quote, comma or space,
    /// so the ids are the runs between them. Nil when there is none.
    static func derivedFrom(_ text: Substring) -> [String]? {
        var body = Substring(String(text).trimmingSpaces)
        guard !isMissing(body) else { return nil }
        if body.first == "[", body.last == "]" { body = body.dropFirst().dropLast() }
        let ids = body.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "'" || $0 == "\"" || $0 == "\n" || $0 == "\t" })
            .map(String.init)
        return ids.isEmpty ? nil : ids
    }

    /// A row from the texts of its fields, by column name; `count` is the count's text,
    /// and whether the reader already knows it for a number.
    static func row(
        model: (text: Substring, location: SourceLocation?)?, time: (text: Substring, location: SourceLocation?)?,
        count: (text: Substring, location: SourceLocation?)?, optional: (String) throws -> (text: Substring, location: SourceLocation?)?,
        derivedFromList: [String]? = nil, fileName: String, line: Int, column: Int
    ) throws -> StudyRow {
        func missing(_ name: String) -> ImportError {
            ImportError(file: fileName, line: line, column: column, reason: "the row has no \"\(name)\"", expected: expectedColumns)
        }
        guard let model, !isMissing(model.text) else { throw missing(StudyFields.model) }
        let id = String(model.text)
        if let problem = ModelID.problem(id) {
            throw ImportError(file: fileName, at: model.location, reason: problem, expected: ModelID.expected)
        }
        guard let time, !isMissing(time.text) else { throw missing(StudyFields.time) }
        guard let day = ListingTimestamp.day(time.text) else {
            throw ImportError(
                file: fileName, at: time.location, reason: "\"time\" is \"\(time.text.prefix(60))\", not a date",
                expected: ListingTimestamp.expected)
        }
        guard let count, !isMissing(count.text) else {
            throw ImportError(
                file: fileName, at: count?.location ?? SourceLocation(line: line, column: column),
                reason: "the row has no \"downloadsAllTime\"",
                expected: expectedCount + " (leave out rows without one: WHERE downloadsAllTime IS NOT NULL)")
        }
        let reading = ListingCount.read(count.text, allowingPointZero: true)
        guard case .count(let cumulative) = reading else {
            throw ImportError(
                file: fileName, at: count.location, reason: ListingCount.problem(reading, field: downloadsAllTime, text: count.text),
                expected: expectedCount)
        }
        var row = StudyRow(model: id, time: day, downloadsAllTime: cumulative, line: line, column: column)
        if let author = try optional(author), !isMissing(author.text) {
            let name = String(author.text)
            if let problem = ModelID.authorProblem(name) {
                throw ImportError(file: fileName, at: author.location, reason: problem, expected: "the account that published the model")
            }
            row.author = name
        }
        if let created = try optional(created), !isMissing(created.text) {
            guard let day = ListingTimestamp.day(created.text) else {
                throw ImportError(
                    file: fileName, at: created.location, reason: "\"created\" is \"\(created.text.prefix(60))\", not a date",
                    expected: ListingTimestamp.expected)
            }
            row.createdOn = day
        }
        if let country = try optional(orgCountry), !isMissing(country.text) { row.orgCountry = String(country.text) }
        if let country = try optional(derivedOrgCountry), !isMissing(country.text) { row.derivedOrgCountry = String(country.text) }
        let derivedFromField = try optional(derivedFrom)
        if let bases = derivedFromList ?? derivedFromField.flatMap({ StudyFields.derivedFrom($0.text) }) {
            for base in bases {
                if let problem = ModelID.problem(base) {
                    throw ImportError(
                        file: fileName, at: derivedFromField?.location, reason: "\"merged_derived_from\" names no model: \(problem)",
                        expected: "a model id, or a list of them such as ['meta-llama/Llama-3.1-8B', 'Qwen/Qwen2.5-7B']")
                }
            }
            row.derivedFrom = bases.joined(separator: "\n")
        }
        return row
    }
}
