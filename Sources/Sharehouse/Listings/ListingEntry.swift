import SharehouseDB

/// One model as a reader found and checked it, with its place: the file's number among
/// the listing's files and where its record starts.
struct ListingEntry {
    var model: ListingModel
    var file: Int
    var location: SourceLocation
}
