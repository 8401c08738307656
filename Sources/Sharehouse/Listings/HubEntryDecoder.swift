import SharehouseDB

/// One model of the Hub's listing from its JSON object, as `/api/models` returns it:
/// `id` (or `modelId`), `author`, `downloads` (the last 30 days), `downloadsAllTime`,
/// `createdAt`, `pipeline_tag`, `library_name` and `tags`, whose `base_model:ORG/NAME`
/// and `base_model:RELATION:ORG/NAME` name its bases. Other members (`likes`, `private`,
/// `_id`, ...) are left alone. Every problem is placed at its value.
struct HubEntryDecoder {
    static let tagPrefix = "base_model:"
    static let expectedCount = "a whole number of downloads, 0 or more"

    let fileName: String
    let fileIndex: Int

    func entry(_ node: JSONNode) throws -> ListingEntry {
        guard case .object = node.value else {
            throw ImportError(
                file: fileName, at: node.location, reason: "the record is \(node.kindName), not a model",
                expected: "an object with the model's \"id\" and \"downloads\", as the Hub's /api/models lists it")
        }
        let id = try text(node, "id")
        let modelID = try text(node, "modelId")
        guard let model = id?.text ?? modelID?.text else {
            throw ImportError(
                file: fileName, at: node.location, reason: "the model has no \"id\" (nor \"modelId\")", expected: ModelID.expected)
        }
        let idLocation = id?.location ?? modelID?.location ?? node.location
        if let id, let modelID, id.text != modelID.text {
            throw ImportError(
                file: fileName, at: modelID.location,
                reason: "\"modelId\" is \"\(modelID.text)\" but \"id\" is \"\(id.text)\"", expected: "the same id in both")
        }
        if let problem = ModelID.problem(model) {
            throw ImportError(file: fileName, at: idLocation, reason: problem, expected: ModelID.expected)
        }
        let author: String
        if let given = try text(node, "author"), !given.text.isEmpty {
            if let problem = ModelID.authorProblem(given.text) {
                throw ImportError(file: fileName, at: given.location, reason: problem, expected: "the account that published the model")
            }
            author = given.text
        } else if let named = ModelID.author(of: model) {
            author = named
        } else {
            throw ImportError(
                file: fileName, at: idLocation, reason: "the model \"\(model)\" has no \"author\", and its id names none",
                expected: "an \"author\", or an id org/name")
        }
        guard let downloadsNode = node["downloads"], !downloadsNode.isNull else {
            throw ImportError(
                file: fileName, at: node.location, reason: "the model \(model) has no \"downloads\"",
                expected: "its downloads over the last 30 days, as the Hub's \"downloads\" field gives them")
        }
        let downloads = try count(downloadsNode, "downloads")
        let allTime = try node["downloadsAllTime"].flatMap { $0.isNull ? nil : try count($0, "downloadsAllTime") }
        var createdOn: CalendarDate?
        if let created = try text(node, "createdAt") {
            guard let day = ListingTimestamp.day(created.text[...]) else {
                throw ImportError(
                    file: fileName, at: created.location, reason: "\"createdAt\" is \"\(created.text.prefix(60))\", not a timestamp",
                    expected: ListingTimestamp.expected)
            }
            createdOn = day
        }
        let pipelineTag = try text(node, "pipeline_tag").flatMap { $0.text.isEmpty ? nil : $0.text }
        let library = try text(node, "library_name").flatMap { $0.text.isEmpty ? nil : $0.text }
        return ListingEntry(
            model: ListingModel(
                model: model, author: author, downloads: downloads, downloadsAllTime: allTime, createdOn: createdOn,
                pipelineTag: pipelineTag, library: library, bases: try bases(node["tags"])),
            file: fileIndex, location: node.location)
    }

    /// The bases the tags name.
    private func bases(_ tags: JSONNode?) throws -> [ListingBase] {
        guard let tags, !tags.isNull else { return [] }
        guard case .array(let elements) = tags.value else {
            throw ImportError(
                file: fileName, at: tags.location, reason: "\"tags\" is \(tags.kindName), not an array", expected: "an array of strings")
        }
        var bases: [ListingBase] = []
        for element in elements {
            guard case .string(let tag) = element.value else {
                throw ImportError(
                    file: fileName, at: element.location, reason: "a tag is \(element.kindName), not a string",
                    expected: "an array of strings")
            }
            guard tag.hasPrefix(Self.tagPrefix) else { continue }
            // base_model:ORG/NAME, or base_model:RELATION:ORG/NAME (a model id has no ':').
            // A relation the Hub may add later still names a base: it is kept as `base`.
            let rest = tag.dropFirst(Self.tagPrefix.count)
            var base = String(rest)
            var relation = BaseRelation.base
            if let colon = rest.firstIndex(of: ":") {
                relation = BaseRelation(rawValue: String(rest[..<colon])) ?? .base
                base = String(rest[rest.index(after: colon)...])
            }
            if let problem = ModelID.problem(base) {
                throw ImportError(
                    file: fileName, at: element.location, reason: "the tag \"\(tag.prefix(80))\" names no model: \(problem)",
                    expected: "base_model:ORG/NAME or base_model:finetune:ORG/NAME (quantized, adapter, merge)")
            }
            bases.append(ListingBase(model: base, relation: relation))
        }
        return ModelID.distinct(bases)
    }

    /// The string member `key`, nil when it is missing or null.
    private func text(_ node: JSONNode, _ key: String) throws -> (text: String, location: SourceLocation)? {
        guard let member = node[key], !member.isNull else { return nil }
        guard case .string(let text) = member.value else {
            throw ImportError(
                file: fileName, at: member.location, reason: "\"\(key)\" is \(member.kindName), not a string",
                expected: "a string or null")
        }
        return (text, member.location)
    }

    /// A count: a JSON number that is a whole number, 0 or more.
    private func count(_ node: JSONNode, _ key: String) throws -> Int64 {
        guard case .number(let text) = node.value else {
            let shown = if case .string(let text) = node.value { " (\"\(text.prefix(40))\")" } else { "" }
            throw ImportError(
                file: fileName, at: node.location, reason: "\"\(key)\" is \(node.kindName)\(shown), not a number",
                expected: Self.expectedCount)
        }
        let reading = ListingCount.read(text[...])
        guard case .count(let value) = reading else {
            throw ImportError(
                file: fileName, at: node.location, reason: ListingCount.problem(reading, field: key, text: text),
                expected: Self.expectedCount)
        }
        return value
    }
}
