import SharehouseDB

/// The members of one model's object that a listing keeps, as text with their places,
/// however they were read: from the strict parser's tree (``HubEntryDecoder``) or by the
/// fast scanner (``HubModelScanner``). ``HubEntryDecoder/entry(_:)-(HubModelFields)``
/// checks them the same way for both.
struct HubModelFields {
    /// A string member (or a number's text) and where its value starts.
    struct Text {
        var text: String
        var location: SourceLocation
    }

    /// Where the object starts: the entry's place.
    var location: SourceLocation
    var id: Text?
    var modelID: Text?
    var author: Text?
    /// The number's text; nil when the member is missing or null.
    var downloads: Text?
    var downloadsAllTime: Text?
    var createdAt: Text?
    var pipelineTag: Text?
    var library: Text?
    /// The tags that begin with `base_model:`, in order (the others name no base).
    var baseTags: [Text] = []

    init(location: SourceLocation) {
        self.location = location
    }
}
