/// A reader of one listing file's records (the Hub's models, the study's weekly rows),
/// so that the importer reads every file the same way (``ListingImporter``).
protocol ListingRecordReader {
    associatedtype Record
    /// The bytes under the reader, for progress.
    var chunks: ChunkedReader { get }
    mutating func next() throws -> Record?
}

extension HubListingReader: ListingRecordReader {}
extension StudyRowReader: ListingRecordReader {}
