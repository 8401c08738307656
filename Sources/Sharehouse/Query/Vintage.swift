/// One snapshot as a query sees it.
struct Vintage: Sendable, Hashable {
    let snapshotID: Int64
    let source: String
    let publishedOn: CalendarDate
    let verification: Verification
    let coverage: Coverage
}
