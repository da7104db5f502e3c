import Foundation
import GRDB
import GRDBSQLite
import Testing

@testable import Loa

/// Values bound and read through SQLite's C API (`Statement.run`, `RawRows`), on a real SQLite file.
@Suite("SQLite's C API on the hot paths")
struct RawSQLiteTests {
    @Test("text, empty text, NULL, whole and fractional numbers go in and come out as they were")
    func roundTrip() throws {
        let folder = try TemporaryWorkspace()
        let queue = try DatabaseQueue(path: folder.url("raw.sqlite").path)
        let nfd = "Đoàn phường An Hòa".decomposedStringWithCanonicalMapping
        let rows: [(String?, Int?, Double?)] = [
            ("Thành đoàn Cần Thơ", 42, 12.5), ("", 0, 0), (nil, nil, nil), (nfd, -7, 1e-3),
        ]
        let read = try queue.write { db -> [(String?, Bool, Int, Bool)] in
            try db.execute(sql: "CREATE TABLE t (n INTEGER PRIMARY KEY, a TEXT, b INTEGER, c REAL)")
            let insert = try db.makeStatement(sql: "INSERT INTO t (a, b, c) VALUES (?, ?, ?)")
            for (text, number, real) in rows { try insert.run(.text(text), .integer(number), .real(real)) }
            // Text is bound where it lies; once run, the statement holds none of it: stepped again without binding,
            // it inserts NULLs, not the last row's values.
            sqlite3_reset(insert.sqliteStatement)
            #expect(sqlite3_step(insert.sqliteStatement) == SQLITE_DONE)
            let select = try RawRows(db, sql: "SELECT a, b FROM t WHERE n >= ? ORDER BY n", arguments: [1])
            var result: [(String?, Bool, Int, Bool)] = []
            while try select.next() {
                result.append((select.string(0), select.isNull(0), select.int(1), select.isNull(1)))
            }
            return result
        }
        #expect(read.map(\.0) == ["Thành đoàn Cần Thơ", "", nil, nfd, nil])
        #expect(read.map(\.1) == [false, false, true, false, true], "empty text is text, not NULL")
        #expect(read.map(\.2) == [42, 0, 0, -7, 0])
        #expect(read.map(\.3) == [false, false, true, false, true])
        let exact = try queue.read { db in try String.fetchOne(db, sql: "SELECT a FROM t WHERE n = 4") }
        #expect(exact.map { Array($0.utf8) } == Array(nfd.utf8), "bytes are stored as given")
    }

    @Test("a failing statement throws SQLite's error with its SQL")
    func failure() throws {
        let queue = try DatabaseQueue()
        #expect(throws: DatabaseError.self) {
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE t (a TEXT NOT NULL)")
                try db.makeStatement(sql: "INSERT INTO t (a) VALUES (?)").run(.text(nil))
            }
        }
    }

    @Test("write-back of the log keeps every write, holds the log open only while the archive is open")
    func logWriteback() throws {
        let folder = try TemporaryWorkspace()
        let path = folder.url("archive/loa.sqlite").path
        func logsOpen() throws -> Int {
            try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").filter {
                // A log SQLite removed while it was still open reads "… (deleted)".
                (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + $0))?
                    .hasPrefix(path + "-wal") == true
            }.count
        }
        do {
            let archive = try SQLiteArchive(path: path)
            archive.startLogWriteback()
            for number in 0..<50 {
                try archive.setSetting("khóa \(number)", "Đoàn phường \(number)")
                archive.startLogWriteback()
            }
            #expect(try logsOpen() >= 2, "SQLite's own handle and the one for write-back")
            let whileOpen = try logsOpen()
            archive.startLogWriteback()
            #expect(try logsOpen() == whileOpen, "opened once")
        }
        #expect(try logsOpen() == 0)
        #expect(try SQLiteArchive(path: path).setting("khóa 49") == "Đoàn phường 49")
        try SQLiteArchive(database: DatabaseQueue(), migrating: true).startLogWriteback()
    }
}
