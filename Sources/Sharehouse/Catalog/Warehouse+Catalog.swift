import SharehouseDB

extension Warehouse {
    /// Every measure, by key, as the catalogue had them on `day` (nil: as they are; a
    /// measure added after `day` is listed as it was added).
    public func measures(asOf day: CalendarDate? = nil) throws -> [Measure] {
        try database.read { try Catalog.measures(asOf: day, in: $0) }
    }

    /// The measure with this key, or nil, as the catalogue had it on `day` (nil: now).
    public func measure(key: String, asOf day: CalendarDate? = nil) throws -> Measure? {
        try database.read { try Catalog.measure(key: key, asOf: day, in: $0) }
    }

    /// Every source, by key, as the catalogue had them on `day` (nil: as they are; a
    /// source added after `day` is listed as it was added).
    public func sources(asOf day: CalendarDate? = nil) throws -> [Source] {
        try database.read { try Catalog.sources(asOf: day, in: $0) }
    }

    /// The source with this key, or nil, as the catalogue had it on `day` (nil: now).
    public func source(key: String, asOf day: CalendarDate? = nil) throws -> Source? {
        try database.read { try Catalog.source(key: key, asOf: day, in: $0) }
    }

    /// The source and the sources it relays, in order (article, newspaper, study), as the
    /// catalogue had them on `day` (nil: now).
    public func sourceChain(key: String, asOf day: CalendarDate? = nil) throws -> [Source] {
        try database.read { try Catalog.chain(of: key, asOf: day, in: $0) }
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
