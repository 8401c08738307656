/// A model of the Hub's listing as ``HubListingReader`` gives it: one with downloads in
/// the window, to store, or one without, which was checked and is counted but not stored
/// (most of a listing: the reader builds nothing for them).
enum HubRecord {
    case model(ListingEntry)
    case withoutDownloads
}
