import SharehouseDB

/// Where the members a listing keeps lie in the bytes of one model's object, as
/// ``HubModelScanner`` found them: the contents of each string and the text of each
/// number, nil when a member is missing or null.
struct HubModelScan {
    var id: Range<Int>?
    var modelID: Range<Int>?
    var author: Range<Int>?
    var downloads: Range<Int>?
    var downloadsAllTime: Range<Int>?
    var createdAt: Range<Int>?
    var pipelineTag: Range<Int>?
    var library: Range<Int>?
    /// The tags that begin with `base_model:`, in order.
    var baseTags: [Range<Int>] = []

    /// True when the model has no downloads: its count is written `0`.
    func hasNoDownloads(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let downloads else { return false }
        return downloads.count == 1 && bytes[downloads.lowerBound] == UInt8(ascii: "0")
    }

    /// True when every value the listing would check is plainly right, decided on the
    /// bytes without a string: a plain id (and the same `modelId`, if given), an author or
    /// an id that names one, counts in digits, a timestamp, and bases with plain ids. It
    /// is for the models without downloads, which are checked and counted but not
    /// stored (most of a listing). False leaves the model to the checks that say what is
    /// wrong (``HubEntryDecoder``).
    func isPlainlyValid(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let id = id ?? modelID, ModelID.isPlain(bytes[id]) else { return false }
        if let modelID, !bytes[modelID].elementsEqual(bytes[id]) { return false }
        if let author, !author.isEmpty {
            guard ModelID.isPlainAuthor(bytes[author]) else { return false }
        } else if !bytes[id].contains(UInt8(ascii: "/")) {
            return false
        }
        guard let downloads, Self.isPlainCount(bytes[downloads]) else { return false }
        if let downloadsAllTime, !Self.isPlainCount(bytes[downloadsAllTime]) { return false }
        if let createdAt, ListingTimestamp.day(UnsafeBufferPointer(rebasing: bytes[createdAt])) == nil { return false }
        for tag in baseTags {
            // base_model:ORG/NAME or base_model:RELATION:ORG/NAME
            var base = bytes[tag].dropFirst(HubEntryDecoder.tagPrefix.utf8.count)
            if let colon = base.firstIndex(of: UInt8(ascii: ":")) { base = base[(colon + 1)...] }
            guard ModelID.isPlain(base) else { return false }
        }
        return true
    }

    /// The members as text, for the checks every model goes through; each placed at the
    /// object (a value found wrong sends the object to the strict parser, which places it).
    func fields(in bytes: UnsafeBufferPointer<UInt8>, location: SourceLocation) -> HubModelFields {
        func text(_ range: Range<Int>?) -> HubModelFields.Text? {
            range.map { .init(text: String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self), location: location) }
        }
        var fields = HubModelFields(location: location)
        fields.id = text(id)
        fields.modelID = text(modelID)
        fields.author = text(author)
        fields.downloads = text(downloads)
        fields.downloadsAllTime = text(downloadsAllTime)
        fields.createdAt = text(createdAt)
        fields.pipelineTag = text(pipelineTag)
        fields.library = text(library)
        fields.baseTags = baseTags.compactMap(text)
        return fields
    }

    /// A count in digits that fits any count (up to 18 digits, without a sign, a fraction
    /// or a leading zero, which the scanner refused already).
    private static func isPlainCount(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        !text.isEmpty && text.count <= 18 && text.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
