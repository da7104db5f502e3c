import Foundation

/// The names a report can be filtered by: every unit of an announcement and every channel of a delivery the
/// archive holds.
public struct ReportNames: Sendable, Equatable {
    public var units: [String]
    public var channels: [String]

    public init(units: [String], channels: [String]) {
        self.units = units
        self.channels = channels
    }
}

/// What ``importRows(_:now:)`` did with one file's rows.
public struct ImportCount: Sendable, Equatable {
    /// Deliveries the archive did not have.
    public var added = 0
    /// Deliveries it had, with a field or a figure changed.
    public var updated = 0
    /// Deliveries it had exactly so.
    public var unchanged = 0
    /// Deliveries of this archive's own (same delivery id and unit), left out: they are reported already.
    public var own = 0
    /// The units the file's rows belong to.
    public var units: Set<String> = []
}

/// Reports and imports, for callers that need one operation (each in a transaction of its own).
extension Archive {
    /// The units and channels reports can be filtered by.
    public func reportNames() throws -> ReportNames {
        try read { try $0.reportNames() }
    }

    /// Every metric figures were recorded under, this archive's and imported ones.
    public func reportMetrics() throws -> [String] {
        try read { try $0.reportMetrics() }
    }

    /// How many deliveries a filter covers.
    public func reportCount(_ filter: ReportFilter, timeZone: TimeZone) throws -> Int {
        try read { try $0.reportCount(filter, timeZone: timeZone) }
    }

    /// The deliveries a filter covers, in report order; with `history`, every figure snapshot too.
    public func reportRows(_ filter: ReportFilter, timeZone: TimeZone, history: Bool = false) throws -> [ReportRow] {
        try read { try $0.reportRows(filter, timeZone: timeZone, history: history) }
    }

    /// Calls `body` with each delivery a filter covers, in report order, in one read transaction.
    public func forEachReportRow(
        _ filter: ReportFilter,
        timeZone: TimeZone,
        _ body: (ReportRow) throws -> Void
    ) throws {
        try read { try $0.forEachReportRow(filter, timeZone: timeZone, body) }
    }

    /// Takes other units' report rows in as imported records, all files in one transaction.
    public func importRows(_ files: [(file: String, rows: [ReportRow])], now: Date) throws -> [ImportCount] {
        try write { try $0.importRows(files, now: now) }
    }
}
