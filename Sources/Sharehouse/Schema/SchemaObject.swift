import Foundation
import SharehouseDB

/// A table or view of a warehouse as its schema has it now, read from `sqlite_schema`:
/// what a tool that browses the file (Datasette, say) shows, and the migration that
/// defined it.
public struct SchemaObject: Sendable, Hashable, Encodable {
    /// Whether the object stores rows or computes them.
    public enum Kind: String, Sendable, Hashable, Encodable {
        /// A table (`CREATE TABLE`).
        case table
        /// A view (`CREATE VIEW`): a query over tables and other views.
        case view
    }

    /// The migration whose SQL last created an object.
    public struct Definition: Sendable, Hashable, Encodable {
        /// The migration set: ``WarehouseSchema/setName`` for the warehouse's own schema,
        /// another name for a user's migrations.
        public let set: String
        /// The migration's version within its set.
        public let version: Int64
        /// The migration's file name (`0008_corrections.sql`).
        public let fileName: String
    }

    /// The table's or view's name.
    public let name: String
    /// Table or view.
    public let kind: Kind
    /// Its columns, in order, as `SELECT *` returns them.
    public let columns: [String]
    /// The applied migration whose SQL last creates it, when one does (the migration
    /// history itself, `sharehouse_migrations`, is created by the engine).
    public let definedBy: Definition?
}

extension Warehouse {
    /// Every table and view of the warehouse as it is (SQLite's own tables left out), by
    /// name, with its columns and the migration that defined it: the warehouse's schema,
    /// any later migration's and a user's own.
    public func schemaObjects() throws -> [SchemaObject] {
        try database.read { connection in
            var columns: [String: [String]] = [:]
            var kinds: [String: SchemaObject.Kind] = [:]
            try connection.cachedStatement(
                """
                SELECT m.name, m.type, c.name
                FROM sqlite_schema AS m JOIN pragma_table_xinfo(m.name) AS c
                WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND c.hidden = 0
                ORDER BY m.name, c.cid
                """
            ).forEachRow { row in
                let name: String = try row.get(0)
                kinds[name] = SchemaObject.Kind(rawValue: try row.get(1))
                columns[name, default: []].append(try row.get(2))
            }
            let migrations = try connection.fetchAll(
                """
                SELECT migration_set, version, file_name, coalesce(sql, '') FROM sharehouse_migrations
                ORDER BY applied_at, migration_set <> ?, migration_set, version
                """, WarehouseSchema.setName
            ) { row in
                (SchemaObject.Definition(set: try row.get(0), version: try row.get(1), fileName: try row.get(2)), try row.get(3) as String)
            }
            return kinds.keys.sorted().map { name in
                let kind = kinds[name] ?? .table
                let definition = migrations.last { Self.creates($0.1, kind: kind, name: name) }?.0
                return SchemaObject(name: name, kind: kind, columns: columns[name] ?? [], definedBy: definition)
            }
        }
    }

    /// True when `sql` has a `CREATE TABLE|VIEW [IF NOT EXISTS] name` for `name`, bare or
    /// quoted, in any case and spacing.
    static func creates(_ sql: String, kind: SchemaObject.Kind, name: String) -> Bool {
        let text = sql.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let name = name.lowercased()
        let keyword = kind == .table ? "table" : "view"
        for prefix in ["create \(keyword) ", "create \(keyword) if not exists "] {
            for form in [name, "\"\(name)\"", "`\(name)`", "[\(name)]"] {
                var rest = text[...]
                while let found = rest.range(of: prefix + form) {
                    let next = text[found.upperBound...].first
                    if next.map({ !($0.isLetter || $0.isNumber || $0 == "_") }) ?? true { return true }
                    rest = text[found.upperBound...]
                }
            }
        }
        return false
    }
}
