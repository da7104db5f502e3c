import Foundation
import GRDB
import Testing

@testable import Loa

/// Each delivery's tries kept beside it (`deliveries.tries`), on a real SQLite file.
@Suite("Tries kept in the archive")
struct StoredTriesTests {
    static func attempt(_ delivery: String, _ number: Int, _ outcome: String, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO attempts (delivery_id, number, channel, started_at, outcome)
                VALUES (?, ?, 'fb-thanhdoan', '2026-11-02 01:00:00.000', ?)
                """,
            arguments: [delivery, number, outcome]
        )
    }

    @Test("an archive from before the tries column counts them from its attempts when it is opened")
    func migration() throws {
        let folder = try TemporaryWorkspace()
        let path = folder.url("archive/loa.sqlite").path
        try FileManager.default.createDirectory(at: folder.url("archive"), withIntermediateDirectories: true)
        let old = try DatabaseQueue(path: path)
        try ArchiveSchema.migrator.migrate(old, upTo: "v11-several-hosts")
        try old.write { db in
            try LatestFiguresTests.insertDelivery("msg_a", channel: "fb-thanhdoan", db)
            try LatestFiguresTests.insertDelivery("msg_b", channel: "zalo-doan-phuong", db)
            try Self.attempt("msg_a", 1, AttemptRecord.Outcome.interrupted.rawValue, db)
            try Self.attempt("msg_a", 2, AttemptRecord.Outcome.retry.rawValue, db)
            try Self.attempt("msg_a", 3, AttemptRecord.Outcome.sent.rawValue, db)
        }
        try old.close()
        let archive = try SQLiteArchive(path: path)
        let tries = try archive.database.read { db in
            try [String: Int](
                uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, tries FROM deliveries").map { ($0[0], $0[1]) }
            )
        }
        #expect(tries == ["msg_a": 2, "msg_b": 0])
    }
}
