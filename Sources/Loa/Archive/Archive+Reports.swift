import Foundation
import GRDB

extension Archive {
    /// The names a report can be filtered by: every unit of an announcement and every channel of a delivery the
    /// archive holds.
    public struct ReportNames: Sendable, Equatable {
        public var units: [String]
        public var channels: [String]
    }

    /// The units and channels reports can be filtered by, so that a name nothing has is caught before an empty
    /// report is written.
    public func reportNames() throws -> ReportNames {
        try writer.read { db in
            ReportNames(
                units: try String.fetchAll(db, sql: "SELECT DISTINCT unit FROM announcements ORDER BY unit"),
                channels: try String.fetchAll(db, sql: "SELECT DISTINCT channel FROM deliveries ORDER BY channel")
            )
        }
    }
}
