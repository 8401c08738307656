/// A folder of a Hive-style partitioned table, `name=value`, as Hive, Spark, DuckDB and
/// BigQuery read it: the readers take the column `name` with the value from the path.
///
/// Characters that cannot stand in a path segment, or that Hive escapes, are written
/// `%XX` (uppercase hex), as Hive's `FileUtils.escapePathName` does and as DuckDB and Spark
/// decode on reading: the period `2024-09/2025-08` is the folder `period=2024-09%2F2025-08`
/// and reads back as `2024-09/2025-08`.
struct HivePartition: Sendable, Hashable {
    /// The column's name.
    let name: String
    /// The column's value, unescaped.
    let value: String

    /// The folder's name: `name=value`, the value escaped.
    var folder: String { name + "=" + Self.escape(value) }

    /// `value` with Hive's escapes: control characters, `"#%'*/:=?\{[]^` and DEL as `%XX`;
    /// anything else, non-ASCII letters too, as it is.
    static func escape(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || escaped.contains(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static let escaped = Set("\"#%'*/:=?\\{[]^".unicodeScalars)
}
