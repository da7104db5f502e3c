import Foundation
import GRDB
import Testing

@testable import Loa

/// The latest figures the archive keeps on each delivery (`deliveries.figures`), on a real SQLite file.
@Suite("Latest figures in the archive")
struct LatestFiguresTests {
    /// A delivery row with nothing but what the schema requires.
    static func insertDelivery(_ id: String, channel: String, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO deliveries (id, announcement_id, revision, channel, platform, transport, status, due_at,
                                        created_at, updated_at)
                VALUES (?, 'thong-bao-so-1', 1, ?, 'facebook', 'webhook', 'sent', '2026-11-02 01:00:00.000',
                        '2026-11-02 01:00:00.000', '2026-11-02 01:00:00.000')
                """,
            arguments: [id, channel]
        )
    }

    static func snapshot(_ delivery: String, _ metric: String, _ value: Int, _ takenAt: String, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO engagement_snapshots (delivery_id, metric, value, taken_at, source)
                VALUES (?, ?, ?, ?, 'bridge')
                """,
            arguments: [delivery, metric, value, takenAt]
        )
    }

    static func figures(_ delivery: String, _ db: Database) throws -> [String: Int] {
        FiguresColumn.figures(
            try String.fetchOne(db, sql: "SELECT figures FROM deliveries WHERE id = ?", arguments: [delivery])
        )
    }

    @Test("each snapshot updates its delivery's latest figures; an older one, recorded late, does not")
    func trigger() throws {
        let folder = try TemporaryWorkspace()
        let archive = try SQLiteArchive(path: folder.url("archive/loa.sqlite").path)
        try archive.database.write { db in
            try Self.insertDelivery("msg_a", channel: "fb-thanhdoan", db)
            try Self.insertDelivery("msg_b", channel: "zalo-doan-phuong", db)
            try Self.snapshot("msg_a", "reactions", 12, "2026-11-02 02:00:00.000", db)
            try Self.snapshot("msg_a", "views", 480, "2026-11-02 02:00:00.000", db)
            try Self.snapshot("msg_a", "reactions", 30, "2026-11-02 05:00:00.000", db)
            // Typed by hand afterwards, about an earlier moment: history, not the latest.
            try Self.snapshot("msg_a", "reactions", 20, "2026-11-02 04:00:00.000", db)
            // Two at the same instant: the one recorded last counts.
            try Self.snapshot("msg_a", "views", 500, "2026-11-02 06:00:00.000", db)
            try Self.snapshot("msg_a", "views", 510, "2026-11-02 06:00:00.000", db)
            // A name only a bridge would use, with characters JSON must escape.
            try Self.snapshot("msg_b", "lượt \"thích\"", 7, "2026-11-02 02:00:00.000", db)
        }
        let (a, b, metrics) = try archive.database.read { db in
            (
                try Self.figures("msg_a", db), try Self.figures("msg_b", db),
                try String.fetchAll(db, sql: "SELECT metric FROM engagement_metrics ORDER BY metric")
            )
        }
        #expect(a == ["reactions": 30, "views": 510])
        #expect(b == ["lượt \"thích\"": 7])
        #expect(metrics == ["lượt \"thích\"", "reactions", "views"])
    }

    @Test("an archive from before the figures column gets them from its snapshots when it is opened")
    func migration() throws {
        let folder = try TemporaryWorkspace()
        let path = folder.url("archive/loa.sqlite").path
        try FileManager.default.createDirectory(at: folder.url("archive"), withIntermediateDirectories: true)
        let old = try DatabaseQueue(path: path)
        try ArchiveSchema.migrator.migrate(old, upTo: "v2-engagement")
        try old.write { db in
            try Self.insertDelivery("msg_a", channel: "fb-thanhdoan", db)
            try Self.insertDelivery("msg_b", channel: "zalo-doan-phuong", db)
            try Self.snapshot("msg_a", "comments", 3, "2026-11-03 02:00:00.000", db)
            try Self.snapshot("msg_a", "comments", 1, "2026-11-02 02:00:00.000", db)
            try Self.snapshot("msg_a", "shares", 2, "2026-11-02 02:00:00.000", db)
        }
        try old.close()
        // Commands that only read never migrate: they say the next run will.
        #expect(throws: ArchiveError.self) { try SQLiteArchive.openForReading(path: path) }
        let archive = try SQLiteArchive(path: path)
        let (a, b, metrics) = try archive.database.read { db in
            (
                try Self.figures("msg_a", db), try Self.figures("msg_b", db),
                try String.fetchAll(db, sql: "SELECT metric FROM engagement_metrics ORDER BY metric")
            )
        }
        #expect(a == ["comments": 3, "shares": 2])
        #expect(b == [:])
        #expect(metrics == ["comments", "shares"])
    }

    @Test(
        "the column read in place, and by a full JSON parser when it must be",
        arguments: [
            (#"{"reactions":12,"views":480}"#, [12, nil, 480]),
            (#"{ "views" : 7 , "comments": 0 }"#, [nil, 0, 7]),
            (#"{"re\u0061ctions":5}"#, [5, nil, nil]),
            ("{}", [nil, nil, nil]),
            ("not json", [nil, nil, nil]),
        ] as [(String, [Int?])]
    )
    func column(text: String, expected: [Int?]) {
        let figures = FiguresColumn.figures(text)
        #expect(["reactions", "comments", "views"].map { figures[$0] } == expected)
        var bytes = text
        #expect(bytes.withUTF8 { FiguresColumn.figures(UnsafeRawBufferPointer($0)) } == figures)
    }
}
