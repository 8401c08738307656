import SharehouseDB

/// A JSON value with the place it starts, as ``JSONParser`` reads it.
///
/// Numbers keep their text (`17.10` stays `17.10`): the precision a source published is
/// part of the figure. Objects keep their keys in order.
struct JSONNode: Sendable {
    indirect enum Value: Sendable {
        /// Members in order, each with where its name starts.
        case object([(key: String, keyLocation: SourceLocation, node: JSONNode)])
        case array([JSONNode])
        case string(String)
        case number(String)
        case bool(Bool)
        case null
    }

    let value: Value
    let location: SourceLocation

    /// The member called `key` of an object.
    subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.node
    }

    var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    /// What kind of value this is, for messages ("an object", "a number").
    var kindName: String {
        switch value {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "true or false"
        case .null: "null"
        }
    }
}
