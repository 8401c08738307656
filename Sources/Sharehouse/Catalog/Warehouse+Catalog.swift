import SharehouseDB

extension Warehouse {
    /// Every measure, by key.
    public func measures() throws -> [Measure] {
        try database.read { try Catalog.measures(in: $0) }
    }

    /// The measure with this key, or nil.
    public func measure(key: String) throws -> Measure? {
        try database.read { try Catalog.measure(key: key, in: $0) }
    }

    /// Every source, by key.
    public func sources() throws -> [Source] {
        try database.read { try Catalog.sources(in: $0) }
    }

    /// The source with this key, or nil.
    public func source(key: String) throws -> Source? {
        try database.read { try Catalog.source(key: key, in: $0) }
    }

    /// The source and the sources it relays, in order (article, newspaper, study).
    public func sourceChain(key: String) throws -> [Source] {
        try database.read { try Catalog.chain(of: key, in: $0) }
    }

    /// Adds a measure. Adding one that is there with the same definition does nothing;
    /// with another definition it is refused (``CatalogError/conflict(kind:key:differences:)``).
    /// - Returns: true when it was added.
    @discardableResult
    public func addMeasure(_ measure: Measure) throws -> Bool {
        try database.write { try Catalog.ensure(measure, in: $0) }
    }

    /// Adds a source, under the same rules as ``addMeasure(_:)``. The source it is derived
    /// from must be in the warehouse already.
    @discardableResult
    public func addSource(_ source: Source) throws -> Bool {
        try database.write { try Catalog.ensure(source, in: $0) }
    }
}
