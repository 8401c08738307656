/// JSON text for exported snapshots, written by hand so that numbers keep their published
/// digits and the output is the same bytes every time.
enum SnapshotJSONWriter {
    static func string(_ text: String) -> String { JSONText.string(text) }

    static func optional(_ text: String?) -> String { text.map(string) ?? "null" }

    static func measure(_ measure: Measure) -> String {
        "{\"key\": \(string(measure.key)), \"name\": \(string(measure.name)), \"unit\": \(string(measure.unit.rawValue)), "
            + "\"universe\": \(string(measure.universe)), \"attribution\": \(string(measure.attribution)), "
            + "\"description\": \(optional(measure.description))}"
    }

    static func source(_ source: Source) -> String {
        "{\"key\": \(string(source.key)), \"title\": \(string(source.title)), \"publisher\": \(optional(source.publisher)), "
            + "\"authors\": \(optional(source.authors)), \"url\": \(optional(source.url)), "
            + "\"published_on\": \(optional(source.publishedOn?.description)), \"accessed_on\": \(optional(source.accessedOn?.description)), "
            + "\"language\": \(optional(source.language)), \"kind\": \(string(source.kind.rawValue)), "
            + "\"license\": \(optional(source.license)), \"access_note\": \(optional(source.accessNote)), "
            + "\"derived_from\": \(optional(source.derivedFrom))}"
    }
}
