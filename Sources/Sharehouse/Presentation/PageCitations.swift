/// One numbering of citations for a page built from several results, each of which
/// numbers its own: the same snapshot gets the same number wherever it is cited.
struct PageCitations {
    private(set) var citations: [Citation] = []
    private var numbers: [Int64: Int] = [:]

    /// The page's number for citation `number` of a result whose citations are `list`.
    mutating func number(_ number: Int, in list: [Citation]) -> Int {
        guard let citation = list.first(where: { $0.number == number }) else { return number }
        return self.number(citation)
    }

    mutating func number(_ citation: Citation) -> Int {
        if let known = numbers[citation.snapshotID] { return known }
        let number = citations.count + 1
        numbers[citation.snapshotID] = number
        citations.append(Citation(number: number, snapshotID: citation.snapshotID, measure: citation.measure,
                                  publishedOn: citation.publishedOn, verification: citation.verification,
                                  coverage: citation.coverage, sources: citation.sources))
        return number
    }
}
