import Foundation
import GRDB
import GRDBSQLite

/// The rows of a query read through SQLite's C API: each column as bytes or a number, with no `Row`, `Data` or
/// `DatabaseValue` made per cell.
///
/// GRDB's row API copies every text column it hands out; on an export of 100,000 deliveries (400,000 figures)
/// those copies were most of the time. The bytes a column gives are valid until the next call to ``next()``.
struct RawRows {
    private let statement: Statement
    private let handle: SQLiteStatement

    /// A query; without `arguments`, its parameters are bound later with `bind`.
    init(_ db: Database, sql: String, arguments: StatementArguments? = nil) throws {
        statement = try db.makeStatement(sql: sql)
        if let arguments { try statement.setArguments(arguments) }
        handle = statement.sqliteStatement
    }

    /// Moves to the next row; false after the last.
    func next() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code),
                message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))),
                sql: statement.sql
            )
        }
    }

    func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(handle, column) == SQLITE_NULL
    }

    func int(_ column: Int32) -> Int {
        Int(sqlite3_column_int64(handle, column))
    }

    /// The column's text as UTF-8 bytes; nil when it is NULL.
    func bytes(_ column: Int32) -> UnsafeRawBufferPointer? {
        guard let text = sqlite3_column_text(handle, column) else { return nil }
        return UnsafeRawBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column)))
    }

    func string(_ column: Int32) -> String? {
        bytes(column).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The column as an archive date (`2026-12-01 01:00:00.000`, UTC); nil when it is NULL or not such a date.
    func date(_ column: Int32) -> Date? {
        bytes(column).flatMap(DatabaseDate.milliseconds).map { Date(timeIntervalSince1970: Double($0) / 1000) }
    }
}

extension RawRows {
    /// Makes the query ready to run again, with its parameters bound anew.
    func reset() {
        sqlite3_reset(handle)
    }

    /// Binds text (UTF-8 bytes, copied by SQLite) to the parameter at `index`, counted from 1.
    func bind(_ index: Int32, text: UnsafeRawBufferPointer) {
        bindText(handle, index, text)
    }

    /// Binds a number to the parameter at `index`, counted from 1.
    func bind(_ index: Int32, int: Int) {
        sqlite3_bind_int64(handle, index, Int64(int))
    }
}

/// Binds UTF-8 bytes as text, copied by SQLite. Empty text has no address, and SQLite reads a null address as
/// NULL, so it is bound from a static empty string instead.
private func bindText(_ handle: SQLiteStatement, _ index: Int32, _ bytes: UnsafeRawBufferPointer) {
    guard let base = bytes.baseAddress, !bytes.isEmpty else {
        sqlite3_bind_text(handle, index, "", 0, loaTransient)
        return
    }
    sqlite3_bind_text(handle, index, base.assumingMemoryBound(to: CChar.self), Int32(bytes.count), loaTransient)
}

/// `SQLITE_TRANSIENT`: SQLite copies the bytes before the call returns. The C macro does not import into Swift.
private let loaTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// `SQLITE_STATIC`: SQLite reads the bytes where they are, until the parameter is bound again or cleared.
private let loaStatic: sqlite3_destructor_type? = nil

/// A value bound to a statement through SQLite's C API; nil is NULL.
enum SQLValue {
    case text(String?)
    case integer(Int?)
    case real(Double?)
}

extension Statement {
    /// Runs a statement that returns no rows, with `values` bound through SQLite's C API.
    ///
    /// For the writes a fan-out makes per delivery: GRDB's `StatementArguments` box every value in an
    /// existential and convert it to a `DatabaseValue` first, which showed in every profile of a 10,000-post run.
    /// Text is bound where it lies, without SQLite copying it: each value's bytes stay valid until the statement has
    /// run, and its parameters are cleared before they are let go.
    func run(_ values: SQLValue...) throws {
        let handle = sqliteStatement
        sqlite3_reset(handle)
        let code = Self.bind(values[...], to: handle, from: 1) {
            defer { sqlite3_clear_bindings(handle) }
            let code = sqlite3_step(handle)
            sqlite3_reset(handle)
            return code
        }
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code),
                message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))),
                sql: sql
            )
        }
    }

    /// Binds `values` from parameter `index` on, then calls `step` while every text's bytes are still in reach.
    private static func bind(
        _ values: ArraySlice<SQLValue>,
        to handle: SQLiteStatement,
        from index: Int32,
        then step: () -> Int32
    ) -> Int32 {
        guard let value = values.first else { return step() }
        let rest = values.dropFirst()
        switch value {
        case .text(var text?):
            return text.withUTF8 { bytes in
                // Empty text has no address, and SQLite reads a null address as NULL.
                let base = bytes.isEmpty ? nil : bytes.baseAddress
                if let base {
                    let characters = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
                    sqlite3_bind_text(handle, index, characters, Int32(bytes.count), loaStatic)
                } else {
                    sqlite3_bind_text(handle, index, "", 0, loaTransient)
                }
                return bind(rest, to: handle, from: index + 1, then: step)
            }
        case .integer(let number?):
            sqlite3_bind_int64(handle, index, Int64(number))
        case .real(let number?):
            sqlite3_bind_double(handle, index, number)
        case .text(nil), .integer(nil), .real(nil):
            sqlite3_bind_null(handle, index)
        }
        return bind(rest, to: handle, from: index + 1, then: step)
    }
}
