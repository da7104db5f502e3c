import Foundation
import GRDB

/// The SQLite archive's side of `loa archive copy`: its tables read in one snapshot, or written in one
/// transaction, each value converted between SQLite's storage (times as text, flags as numbers) and
/// ``CopiedValue``.
struct SQLiteCopyStore: CopyStore {
    let archive: SQLiteArchive

    func reading<T>(_ work: (any CopyReading) throws -> T) throws -> T {
        try inWords { try archive.database.read { db in try work(Side(db: db, path: archive.database.path)) } }
    }

    func writing<T>(_ work: (any CopyWriting) throws -> T) throws -> T {
        try inWords { try archive.database.write { db in try work(Side(db: db, path: archive.database.path)) } }
    }

    /// SQLite's errors in words that name this archive, which may not be the one loa.yml names.
    private func inWords<T>(_ work: () throws -> T) throws -> T {
        do {
            return try work()
        } catch let error as DatabaseError {
            throw ArchiveProblem(error, archive: archive.database.path) ?? error
        }
    }

    private struct Side: CopyWriting {
        let db: Database
        let path: String

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
            do {
                for row in rows {
                    try statement.execute(arguments: StatementArguments(row.map(Self.stored)))
                }
            } catch let error as DatabaseError {
                throw ArchiveCopy.Failure.refused(
                    table: table.name,
                    reason: ArchiveProblem.reason(error, archive: path)
                )
            }
        }

        func start(_ table: CopiedTable) throws {}

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
            case .time(let micro): DatabaseDate.text(milliseconds: Int(CopiedValue.milliseconds(micro))).databaseValue
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
            case (.string(let text), .json): return .json(text)
            case (.string(var text), .time):
                // Only the archive's own form, read back to the same text: a time in another form (an offset,
                // more digits) would be read as another instant, alike on both sides of the check.
                let milliseconds = text.withUTF8 { DatabaseDate.milliseconds(UnsafeRawBufferPointer($0)) }
                guard let milliseconds, DatabaseDate.text(milliseconds: milliseconds) == text else { throw unreadable }
                return .time(Int64(milliseconds) * 1000)
            default: throw unreadable
            }
        }
    }
}
