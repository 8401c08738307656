/// One weekly row of the study's dataset, as a reader found and checked it: a model's
/// cumulative downloads at one snapshot, and the attribution the dataset gives it then.
struct StudyRow {
    var model: String
    /// The snapshot's date (`time`).
    var time: CalendarDate
    /// Downloads since the model was created, as of `time` (`downloadsAllTime`).
    var downloadsAllTime: Int64
    var author: String?
    var createdOn: CalendarDate?
    var orgCountry: String?
    var derivedOrgCountry: String?
    /// The models it is derived from (`merged_derived_from`), one id a line, as staged.
    var derivedFrom: String?
    /// Where the row starts.
    var line: Int
    var column: Int
}
