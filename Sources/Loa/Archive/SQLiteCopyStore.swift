import Foundation
import GRDB

/// The SQLite archive's side of `loa archive copy`: its tables read in one snapshot, or written in one
/// transaction, each value converted between SQLite's storage (times as text, flags as numbers) and
/// ``CopiedValue``.
struct SQLiteCopyStore: CopyStore {
    let archive: SQLiteArchive

    func reading<T>(_ work: (any CopyReading) throws -> T) throws -> T {
        try archive.database.read { db in try work(Side(db: db)) }
    }

    func writing<T>(_ work: (any CopyWriting) throws -> T) throws -> T {
        try archive.database.write { db in try work(Side(db: db)) }
    }

    private struct Side: CopyWriting {
        let db: Database

        func rows(of table: CopiedTable, _ body: ([CopiedValue]) throws -> Void) throws {
            let columns = table.columns.map(\.name).joined(separator: ", ")
            let order = table.key.joined(separator: ", ")
            let rows = try Row.fetchCursor(db, sql: "SELECT \(columns) FROM \(table.name) ORDER BY \(order)")
            while let row = try rows.next() {
                var values: [CopiedValue] = []
                values.reserveCapacity(table.columns.count)
                for (index, column) in table.columns.enumerated() {
                    values.append(try Self.value(row[index] as DatabaseValue, column, table))
                }
                try body(values)
            }
        }

        func isEmpty(_ table: CopiedTable) throws -> Bool {
            try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM \(table.name))") ?? true
        }

        func insert(_ rows: [[CopiedValue]], into table: CopiedTable) throws {
            let names = table.columns.map(\.name)
            let statement = try db.cachedStatement(
                sql: "INSERT INTO \(table.name) (\(names.joined(separator: ", "))) VALUES "
                    + "(\(Array(repeating: "?", count: names.count).joined(separator: ", ")))"
            )
            for row in rows {
                try statement.execute(arguments: StatementArguments(row.map(Self.stored)))
            }
        }

        func finish(_ table: CopiedTable) throws {}

        func finishAll() throws {
            try db.execute(sql: ArchiveSchema.countTries)
        }

        /// A value as SQLite keeps it.
        static func stored(_ value: CopiedValue) -> DatabaseValue {
            switch value {
            case .null: .null
            case .text(let text), .json(let text): text.databaseValue
            case .integer(let number): number.databaseValue
            case .real(let number): number.databaseValue
            case .time(let micro):
                DatabaseDate.text(milliseconds: Int(micro >= 0 ? micro / 1000 : (micro - 999) / 1000)).databaseValue
            case .flag(let flag): (flag ? 1 : 0).databaseValue
            }
        }

        /// A stored value as the copy carries it. SQLite lets any column hold any type; an archive Loa wrote
        /// holds each column's own, and a value that cannot be read as it is refused rather than changed.
        static func value(_ stored: DatabaseValue, _ column: CopiedTable.Column, _ table: CopiedTable) throws
            -> CopiedValue
        {
            let unreadable = ArchiveCopy.Failure.unreadable(table: table.name, column: column.name)
            switch (stored.storage, column.kind) {
            case (.null, _): return .null
            case (.string(let text), .text): return .text(text)
            case (.int64(let number), .text): return .text(String(number))
            case (.double(let number), .text): return .text(String(number))
            case (.int64(let number), .integer): return .integer(number)
            case (.int64(let number), .real): return .real(Double(number))
            case (.double(let number), .real): return .real(number)
            case (.int64(let number), .flag): return .flag(number != 0)
            case (.string(let text), .json): return .json(canonical: text)
            case (.string(var text), .time):
                let milliseconds = text.withUTF8 { DatabaseDate.milliseconds(UnsafeRawBufferPointer($0)) }
                guard let milliseconds else { throw unreadable }
                return .time(Int64(milliseconds) * 1000)
            default: throw unreadable
            }
        }
    }
}
