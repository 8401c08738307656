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

    /// The model the object `node` describes: its members' types are checked here, the
    /// rest as for any model (``entry(_:)-(HubModelFields)``).
    func entry(_ node: JSONNode) throws -> ListingEntry {
        try entry(fields(of: node))
    }

    /// The members of `node` a listing keeps, each of the type it must have.
    private func fields(of node: JSONNode) throws -> HubModelFields {
        guard case .object = node.value else {
            throw ImportError(
                file: fileName, at: node.location, reason: "the record is \(node.kindName), not a model",
                expected: "an object with the model's \"id\" and \"downloads\", as the Hub's /api/models lists it")
        }
        var fields = HubModelFields(location: node.location)
        fields.id = try text(node, "id")
        fields.modelID = try text(node, "modelId")
        fields.author = try text(node, "author")
        fields.downloads = try number(node, "downloads")
        fields.downloadsAllTime = try number(node, "downloadsAllTime")
        fields.createdAt = try text(node, "createdAt")
        fields.pipelineTag = try text(node, "pipeline_tag")
        fields.library = try text(node, "library_name")
        if let tags = node["tags"], !tags.isNull {
            guard case .array(let elements) = tags.value else {
                throw ImportError(
                    file: fileName, at: tags.location, reason: "\"tags\" is \(tags.kindName), not an array",
                    expected: "an array of strings")
            }
            for element in elements {
                guard case .string(let tag) = element.value else {
                    throw ImportError(
                        file: fileName, at: element.location, reason: "a tag is \(element.kindName), not a string",
                        expected: "an array of strings")
                }
                if tag.hasPrefix(Self.tagPrefix) { fields.baseTags.append(.init(text: tag, location: element.location)) }
            }
        }
        return fields
    }

    /// The model `fields` describe, every value checked and placed.
    func entry(_ fields: HubModelFields) throws -> ListingEntry {
        let id = fields.id
        let modelID = fields.modelID
        guard let model = id?.text ?? modelID?.text else {
            throw ImportError(
                file: fileName, at: fields.location, reason: "the model has no \"id\" (nor \"modelId\")", expected: ModelID.expected)
        }
        let idLocation = id?.location ?? modelID?.location ?? fields.location
        if let id, let modelID, id.text != modelID.text {
            throw ImportError(
                file: fileName, at: modelID.location,
                reason: "\"modelId\" is \"\(modelID.text)\" but \"id\" is \"\(id.text)\"", expected: "the same id in both")
        }
        if let problem = ModelID.problem(model) {
            throw ImportError(file: fileName, at: idLocation, reason: problem, expected: ModelID.expected)
        }
        let author: String
        if let given = fields.author, !given.text.isEmpty {
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
        guard let downloadsText = fields.downloads else {
            throw ImportError(
                file: fileName, at: fields.location, reason: "the model \(model) has no \"downloads\"",
                expected: "its downloads over the last 30 days, as the Hub's \"downloads\" field gives them")
        }
        let downloads = try count(downloadsText, "downloads")
        let allTime = try fields.downloadsAllTime.map { try count($0, "downloadsAllTime") }
        var createdOn: CalendarDate?
        if let created = fields.createdAt {
            guard let day = ListingTimestamp.day(created.text[...]) else {
                throw ImportError(
                    file: fileName, at: created.location, reason: "\"createdAt\" is \"\(created.text.prefix(60))\", not a timestamp",
                    expected: ListingTimestamp.expected)
            }
            createdOn = day
        }
        let pipelineTag = fields.pipelineTag.flatMap { $0.text.isEmpty ? nil : $0.text }
        let library = fields.library.flatMap { $0.text.isEmpty ? nil : $0.text }
        return ListingEntry(
            model: ListingModel(
                model: model, author: author, downloads: downloads, downloadsAllTime: allTime, createdOn: createdOn,
                pipelineTag: pipelineTag, library: library, bases: try bases(fields.baseTags)),
            file: fileIndex, location: fields.location)
    }

    /// The bases the `base_model:` tags name.
    private func bases(_ tags: [HubModelFields.Text]) throws -> [ListingBase] {
        guard !tags.isEmpty else { return [] }
        var bases: [ListingBase] = []
        for tag in tags {
            // base_model:ORG/NAME, or base_model:RELATION:ORG/NAME (a model id has no ':').
            // A relation the Hub may add later still names a base: it is kept as `base`.
            let rest = tag.text.dropFirst(Self.tagPrefix.count)
            var base = String(rest)
            var relation = BaseRelation.base
            if let colon = rest.firstIndex(of: ":") {
                relation = BaseRelation(rawValue: String(rest[..<colon])) ?? .base
                base = String(rest[rest.index(after: colon)...])
            }
            if let problem = ModelID.problem(base) {
                throw ImportError(
                    file: fileName, at: tag.location, reason: "the tag \"\(tag.text.prefix(80))\" names no model: \(problem)",
                    expected: "base_model:ORG/NAME or base_model:finetune:ORG/NAME (quantized, adapter, merge)")
            }
            bases.append(ListingBase(model: base, relation: relation))
        }
        return ModelID.distinct(bases)
    }

    /// The string member `key`, nil when it is missing or null.
    private func text(_ node: JSONNode, _ key: String) throws -> HubModelFields.Text? {
        guard let member = node[key], !member.isNull else { return nil }
        guard case .string(let text) = member.value else {
            throw ImportError(
                file: fileName, at: member.location, reason: "\"\(key)\" is \(member.kindName), not a string",
                expected: "a string or null")
        }
        return .init(text: text, location: member.location)
    }

    /// The number member `key`'s text, nil when it is missing or null.
    private func number(_ node: JSONNode, _ key: String) throws -> HubModelFields.Text? {
        guard let member = node[key], !member.isNull else { return nil }
        guard case .number(let text) = member.value else {
            let shown = if case .string(let text) = member.value { " (\"\(text.prefix(40))\")" } else { "" }
            throw ImportError(
                file: fileName, at: member.location, reason: "\"\(key)\" is \(member.kindName)\(shown), not a number",
                expected: Self.expectedCount)
        }
        return .init(text: text, location: member.location)
    }

    /// A count: a number's text that is a whole number, 0 or more.
    private func count(_ number: HubModelFields.Text, _ key: String) throws -> Int64 {
        let reading = ListingCount.read(number.text[...])
        guard case .count(let value) = reading else {
            throw ImportError(
                file: fileName, at: number.location, reason: ListingCount.problem(reading, field: key, text: number.text),
                expected: Self.expectedCount)
        }
        return value
    }
}
