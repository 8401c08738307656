/// What changed from one version of the attribution table to another, author by author
/// (authors compared without regard to case): rows added, rows removed, authors moved to
/// another country or bucket, and rows whose kind, basis, note or spelling changed.
public struct AttributionDiff: Sendable, Hashable, Encodable {
    /// A field of a row.
    public enum Field: String, Sendable, Hashable, Encodable, CaseIterable {
        /// The author's spelling (`qwen` to `Qwen`): the same account for the Hub.
        case author
        /// The entity code (country or bucket).
        case country
        /// The kind of account.
        case kind
        /// The basis's URL.
        case url
        /// The note.
        case note
    }

    /// One author in both versions, with both rows.
    public struct Change: Sendable, Hashable, Encodable {
        /// The author's row in the older version.
        public let before: Attribution
        /// The author's row in the newer version.
        public let after: Attribution
        /// The fields that differ, in the order of ``Field``.
        public let fields: [Field]

        /// The author as the newer version writes it.
        public var author: String { after.author }
    }

    /// The older version compared.
    public let from: Int
    /// The newer version compared.
    public let to: Int
    /// Authors only in the `to` version, by author key.
    public let added: [Attribution]
    /// Authors only in the `from` version.
    public let removed: [Attribution]
    /// Authors attributed to another country or bucket (other fields may differ too).
    public let countryChanged: [Change]
    /// Authors with the same country whose kind, url, note or spelling differ.
    public let detailsChanged: [Change]
    /// Authors with the same row in both.
    public let unchanged: Int

    /// True when the two versions attribute every author alike.
    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && countryChanged.isEmpty && detailsChanged.isEmpty }

    init(from: Int, to: Int, before: [Attribution], after: [Attribution]) {
        self.from = from
        self.to = to
        let old = Dictionary(before.map { ($0.authorKey, $0) }, uniquingKeysWith: { first, _ in first })
        let new = Dictionary(after.map { ($0.authorKey, $0) }, uniquingKeysWith: { first, _ in first })
        added = new.filter { old[$0.key] == nil }.sorted { $0.key < $1.key }.map(\.value)
        removed = old.filter { new[$0.key] == nil }.sorted { $0.key < $1.key }.map(\.value)
        var moved: [Change] = []
        var edited: [Change] = []
        var same = 0
        for (key, newer) in new.sorted(by: { $0.key < $1.key }) {
            guard let older = old[key] else { continue }
            let fields = Field.allCases.filter { field in
                switch field {
                case .author: older.author != newer.author
                case .country: older.code != newer.code
                case .kind: older.kind != newer.kind
                case .url: older.url != newer.url
                case .note: older.note != newer.note
                }
            }
            if fields.isEmpty {
                same += 1
            } else if fields.contains(.country) {
                moved.append(Change(before: older, after: newer, fields: fields))
            } else {
                edited.append(Change(before: older, after: newer, fields: fields))
            }
        }
        countryChanged = moved
        detailsChanged = edited
        unchanged = same
    }

    private enum CodingKeys: String, CodingKey {
        case from, to, added, removed, countryChanged, detailsChanged, unchanged
    }
}
