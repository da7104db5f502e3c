import Foundation
import GRDB
import PostgresNIO
import Testing

@testable import Loa

/// `ArchiveCopy` between real SQLite files and, when the tests' server runs, a real PostgreSQL database: every
/// table of the schema is copied, a copy read back the same way in both directions, and a destination that is
/// not empty or that changes what it is given is left as it was.
@Suite("Archive copy")
struct ArchiveCopyTests {
    /// A new SQLite archive file in a folder of its own.
    static func sqliteArchive() throws -> SQLiteArchive {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("loa-copy-\(UUID().uuidString)")
        return try SQLiteArchive(path: folder.appendingPathComponent("loa.sqlite").path)
    }

    /// A new SQLite archive with every copied table filled (``fill(_:)``).
    static func filledArchive() throws -> SQLiteArchive {
        let archive = try sqliteArchive()
        try fill(archive)
        return archive
    }

    /// A new PostgreSQL archive in a database of its own on the tests' server.
    static func postgresArchive() throws -> PostgresArchive {
        let (location, password) = try PostgresTestServer.freshDatabase()
        return try PostgresArchive.open(location, password: password)
    }

    /// Fills every copied table of `archive` with three rows of each column's kind: Vietnamese text (one row in
    /// NFD), times with milliseconds, NULL wherever a column allows it in the third row, and each delivery's
    /// tries counted as Loa keeps them.
    static func fill(_ archive: SQLiteArchive) throws {
        try archive.database.write { db in
            for table in CopiedTable.all {
                let nullable = Set(
                    try Row.fetchAll(db, sql: "PRAGMA table_info(\(table.name))")
                        .filter { ($0["notnull"] as Int) == 0 && ($0["pk"] as Int) == 0 }.map { $0["name"] as String }
                )
                for row in 0..<3 {
                    let values = table.columns.map { column -> DatabaseValue in
                        if row == 2 && nullable.contains(column.name) { return .null }
                        return value(column, row: row, table: table.name)
                    }
                    let names = table.columns.map(\.name).joined(separator: ", ")
                    let marks = Array(repeating: "?", count: values.count).joined(separator: ", ")
                    try db.execute(
                        sql: "INSERT INTO \(table.name) (\(names)) VALUES (\(marks))",
                        arguments: StatementArguments(values)
                    )
                }
            }
            try db.execute(sql: ArchiveSchema.countTries)
        }
    }

    /// A value for a column: the ids a row refers to are those of the rows of the same number.
    static func value(_ column: CopiedTable.Column, row: Int, table: String) -> DatabaseValue {
        switch (column.name, column.kind) {
        case ("delivery_id", _),
            ("id", _) where table == "deliveries":
            return "d\(row)".databaseValue
        case ("variant_id", _),
            ("id", _) where table == "variants":
            return "v\(row)".databaseValue
        case ("notice_id", _),
            ("id", _) where table == "notices":
            return "n\(row)".databaseValue
        case ("id", .integer): return (row + 1).databaseValue
        case ("outcome", _): return (row == 1 ? "interrupted" : "sent").databaseValue
        case (_, .text):
            let text = "Đoàn phường An Hòa – \(column.name) \(row)"
            return (row == 1 ? text.decomposedStringWithCanonicalMapping : text).databaseValue
        case ("size", _), ("modified_ns", _), ("value", _):
            return (row == 0 ? 1_796_058_000_123_456_789 : Int64(row * 7 + 1)).databaseValue
        case (_, .integer): return (row * 7 + 1).databaseValue
        case (_, .real): return (12.25 + Double(row) / 3).databaseValue
        case (_, .time): return DatabaseDate.text(milliseconds: 1_796_058_000_123 + row * 86_400_001).databaseValue
        case (_, .json) where column.name == "deliveries":
            return #"[{"id":"d\#(row)","attempts":\#(row)}]"#.databaseValue
        case (_, .json): return #"{"views":\#(row * 480),"reactions":\#(row + 12)}"#.databaseValue
        case (_, .flag): return (row % 2).databaseValue
        }
    }

    /// Every table's rows as SQLite holds them, in key order; with `jsonByValue`, JSON in one form (PostgreSQL's
    /// `jsonb` writes it with spaces).
    static func dump(_ archive: SQLiteArchive, jsonByValue: Bool = false) throws -> [String: [[String]]] {
        try archive.database.read { db in
            var tables: [String: [[String]]] = [:]
            for table in CopiedTable.all {
                let json = jsonByValue ? Set(table.columns.filter { $0.kind == .json }.map(\.name)) : []
                let rows = try Row.fetchAll(
                    db,
                    sql: "SELECT * FROM \(table.name) ORDER BY \(table.key.joined(separator: ", "))"
                )
                tables[table.name] = rows.map { row in
                    row.columnNames.map { name in
                        let value = row[name] as DatabaseValue
                        guard json.contains(name), let text = String.fromDatabaseValue(value) else {
                            return "\(name)=\(value)"
                        }
                        return "\(name)=\(CopiedValue.canonicalJSON(text))"
                    }
                }
            }
            return tables
        }
    }

    @Test("every column of the SQLite schema is copied or named as left out, and every copied column exists")
    func sqliteSchemaCovered() throws {
        let archive = try Self.sqliteArchive()
        let columns = try archive.database.read { db in
            var columns: Set<String> = []
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") {
                for column in try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))") {
                    columns.insert("\(table).\(column["name"] as String)")
                }
            }
            return columns
        }
        try Self.checkCovered(columns, leftOut: ["deliveries.tries"])
    }

    @Test(
        "every column of the PostgreSQL schema is copied or named as left out",
        .enabled(if: PostgresTestServer.runs)
    )
    func postgresSchemaCovered() throws {
        let archive = try Self.postgresArchive()
        let rows = try archive.session.query(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()"
        )
        let columns = Set(try rows.map { row in try row.decode((String, String).self) }.map { "\($0).\($1)" })
        try Self.checkCovered(columns, leftOut: [])
    }

    static func checkCovered(_ columns: Set<String>, leftOut: Set<String>) throws {
        let copied = Set(CopiedTable.all.flatMap { table in table.columns.map { "\(table.name).\($0.name)" } })
        let uncovered = columns.filter { column in
            let table = String(column.prefix { $0 != "." })
            return !copied.contains(column) && CopiedTable.notCopied[table] == nil
                && CopiedTable.notCopied[column] == nil
        }
        #expect(uncovered.isEmpty, "columns neither copied nor left out on purpose: \(uncovered.sorted())")
        #expect(copied.subtracting(columns).isEmpty, "copied but missing: \(copied.subtracting(columns).sorted())")
        #expect(leftOut.isSubset(of: columns))
    }

    @Test("an SQLite archive into a new SQLite file: every table the same, row for row")
    func sqliteToSQLite() throws {
        let source = try Self.filledArchive()
        let destination = try Self.sqliteArchive()
        let report = try ArchiveCopy.copy(from: source, to: destination)
        #expect(report.tables.map(\.name) == CopiedTable.all.map(\.name))
        #expect(report.tables.allSatisfy { $0.rows == 3 }, "\(report)")
        #expect(try Self.dump(destination) == Self.dump(source))
    }

    @Test(
        "SQLite into PostgreSQL and back: the same rows, to the millisecond; ids continue after the copied ones",
        .enabled(if: PostgresTestServer.runs)
    )
    func throughPostgres() throws {
        let source = try Self.filledArchive()
        let shared = try Self.postgresArchive()
        let report = try ArchiveCopy.copy(from: source, to: shared)
        #expect(report.tables.allSatisfy { $0.rows == 3 }, "\(report)")
        let back = try Self.sqliteArchive()
        #expect(try ArchiveCopy.copy(from: shared, to: back) == report)
        #expect(try Self.dump(back, jsonByValue: true) == Self.dump(source, jsonByValue: true))
        // The trigger that keeps the latest figures, off while the snapshots went in, is on again.
        let trigger = try shared.session.query(
            "SELECT tgenabled::text FROM pg_trigger WHERE tgname = 'engagement_snapshot_recorded'"
        )
        #expect(try trigger.map { try $0.decode(String.self) } == ["O"])
        // PostgreSQL numbers the next attempt after the copied ones.
        let next = try shared.session.query("SELECT nextval(pg_get_serial_sequence('attempts', 'id'))")
        #expect(try next.first?.decode(Int.self) == 4)
    }

    @Test(
        "thousands of rows, more than a batch and a page, through PostgreSQL and back",
        .enabled(if: PostgresTestServer.runs)
    )
    func manyRows() throws {
        let source = try Self.filledArchive()
        try source.database.write { db in
            for number in 1...4_321 {
                try db.execute(
                    sql: """
                        INSERT INTO attempts (id, delivery_id, number, channel, started_at, outcome, response_body, host)
                        VALUES (?, 'd0', ?, 'fb', ?, 'sent', ?, 'máy-1')
                        """,
                    arguments: [
                        100 + number, number, DatabaseDate.text(milliseconds: 1_796_058_000_000 + number),
                        "{\"id\": \"\(number)\"}",
                    ]
                )
            }
            try db.execute(sql: ArchiveSchema.countTries)
        }
        let shared = try Self.postgresArchive()
        let report = try ArchiveCopy.copy(from: source, to: shared)
        #expect(report.tables.first { $0.name == "attempts" }?.rows == 4_324)
        let back = try Self.sqliteArchive()
        #expect(try ArchiveCopy.copy(from: shared, to: back) == report)
        #expect(try Self.dump(back, jsonByValue: true) == Self.dump(source, jsonByValue: true))
    }

    @Test(
        "PostgreSQL's microseconds: kept into PostgreSQL, cut to the millisecond into SQLite",
        .enabled(if: PostgresTestServer.runs)
    )
    func microseconds() throws {
        let source = try Self.filledArchive()
        let shared = try Self.postgresArchive()
        _ = try ArchiveCopy.copy(from: source, to: shared)
        try shared.session.execute("UPDATE hosts SET last_seen_at = '2026-12-01 01:02:03.456789+00'")
        let other = try Self.postgresArchive()
        _ = try ArchiveCopy.copy(from: shared, to: other)
        let kept = try other.session.query("SELECT DISTINCT last_seen_at::text FROM hosts")
        #expect(try kept.map { try $0.decode(String.self) } == ["2026-12-01 01:02:03.456789+00"])
        let back = try Self.sqliteArchive()
        _ = try ArchiveCopy.copy(from: shared, to: back)
        let cut = try back.database.read { try String.fetchAll($0, sql: "SELECT DISTINCT last_seen_at FROM hosts") }
        #expect(cut == ["2026-12-01 01:02:03.456"])
    }

    @Test(
        "a new PostgreSQL database gets Loa's tables with the copy: a failed copy leaves it without any",
        .enabled(if: PostgresTestServer.runs)
    )
    func newDatabaseUntouched() throws {
        let source = try Self.filledArchive()
        let (location, password) = try PostgresTestServer.freshDatabase()
        let target = ArchiveCopy.Location(location.display, password: password)
        let from = ArchiveCopy.Location(source.database.path, password: nil)
        // A value the copy refuses, in a table copied late: the tables before it are in when the copy fails.
        try source.database.write { try $0.execute(sql: "UPDATE notices SET created_at = 'hôm qua'") }
        #expect(throws: ArchiveCopy.Failure.unreadable(table: "notices", column: "created_at")) {
            try ArchiveCopy.copy(from: from, to: target)
        }
        let session = try PostgresSession.connect(location, password: password)
        let tables = try session.query(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"
        )
        #expect(try tables.first?.decode(Int.self) == 0, "no table left behind")
        let open = try session.query(
            """
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = current_database() AND state LIKE 'idle in transaction%'
            """
        )
        #expect(try open.first?.decode(Int.self) == 0, "the failed copy's transaction was rolled back, not left open")
        // Mended, the same copy goes through, and the database is an archive like any other.
        try source.database.write {
            try $0.execute(sql: "UPDATE notices SET created_at = '2026-12-01 01:00:00.000'")
        }
        let report = try ArchiveCopy.copy(from: from, to: target)
        #expect(report.tables.allSatisfy { $0.rows == 3 })
        let opened = try PostgresArchive.open(location, password: password)
        #expect(try opened.read { try $0.hasDeliveries() })
        #expect(try PostgresSchema.isCurrent(opened.session))
    }

    @Test(
        "one PostgreSQL database under two names is the same archive: refused, not waited on",
        .enabled(if: PostgresTestServer.runs)
    )
    func sameDatabaseTwoNames() throws {
        let (location, password) = try PostgresTestServer.freshDatabase()
        var other = location
        other.sslMode = location.sslMode == .disable ? .prefer : .disable
        let first = try PostgresArchive.open(location, password: password)
        let second = try PostgresArchive.open(other, password: password)
        #expect(throws: ArchiveCopy.Failure.sameArchive) { try ArchiveCopy.copy(from: first, to: second) }
    }

    @Test(
        "into PostgreSQL: a database that holds records, or that changes what it is given, is left as it was",
        .enabled(if: PostgresTestServer.runs)
    )
    func postgresRefusals() throws {
        let source = try Self.filledArchive()
        let shared = try Self.postgresArchive()
        try shared.session.execute(
            """
            CREATE FUNCTION alter_answer() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN NEW.response_body := 'khác'; RETURN NEW; END; $$
            """
        )
        try shared.session.execute(
            "CREATE TRIGGER alter_answer BEFORE INSERT ON attempts FOR EACH ROW EXECUTE FUNCTION alter_answer()"
        )
        #expect(throws: ArchiveCopy.Failure.mismatch(table: "attempts", sourceRows: 3, copiedRows: 3)) {
            try ArchiveCopy.copy(from: source, to: shared)
        }
        let deliveries = try shared.session.query("SELECT count(*) FROM deliveries")
        #expect(try deliveries.first?.decode(Int.self) == 0)
        try shared.session.execute("DROP TRIGGER alter_answer ON attempts")
        try shared.setSetting("first_run", "x")
        #expect(throws: ArchiveCopy.Failure.notEmpty(table: "settings")) {
            try ArchiveCopy.copy(from: source, to: shared)
        }
    }

    @Test("a destination that already holds records is refused and left as it was")
    func notEmpty() throws {
        let source = try Self.filledArchive()
        let destination = try Self.sqliteArchive()
        try destination.setSetting("first_run", "2026-11-30 01:00:00.000")
        #expect(throws: ArchiveCopy.Failure.notEmpty(table: "settings")) {
            try ArchiveCopy.copy(from: source, to: destination)
        }
        let deliveries = try destination.database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM deliveries") }
        #expect(deliveries == 0)
        #expect(throws: ArchiveCopy.Failure.sameArchive) { try ArchiveCopy.copy(from: source, to: source) }
    }

    @Test("a copy that reads back differently is rolled back, naming the table")
    func mismatchRollsBack() throws {
        let source = try Self.filledArchive()
        let destination = try Self.sqliteArchive()
        // A destination that changes what it is given: a trigger rewrites each attempt's answer.
        try destination.database.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER alter_answer AFTER INSERT ON attempts
                    BEGIN UPDATE attempts SET response_body = 'khác' WHERE id = NEW.id; END
                    """
            )
        }
        #expect(throws: ArchiveCopy.Failure.mismatch(table: "attempts", sourceRows: 3, copiedRows: 3)) {
            try ArchiveCopy.copy(from: source, to: destination)
        }
        let counts = try destination.database.read { db in
            try CopiedTable.all.map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0.name)") ?? -1 }
        }
        #expect(counts.allSatisfy { $0 == 0 }, "\(counts)")
    }

    @Test("a time that is not the archive's is refused, naming its table and column")
    func unreadableValue() throws {
        let source = try Self.filledArchive()
        for written in ["hôm qua", "2026-12-01T08:00:00+07:00", "2026-12-01 01:00:00.1234"] {
            try source.database.write {
                try $0.execute(sql: "UPDATE hosts SET last_seen_at = ?", arguments: [written])
            }
            #expect(throws: ArchiveCopy.Failure.unreadable(table: "hosts", column: "last_seen_at"), "\(written)") {
                try ArchiveCopy.copy(from: source, to: try Self.sqliteArchive())
            }
        }
    }

    @Test("--to: a path, a URL with its password from ${NAME} or PGPASSWORD; a written password refused")
    func destinations() throws {
        let here = FileManager.default.temporaryDirectory.appendingPathComponent("loa-to-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: here.appendingPathComponent("sao"),
            withIntermediateDirectories: true
        )
        defer { try? FileManager.default.removeItem(at: here) }
        let credentials = Credentials(values: ["MAT_KHAU_KHO": "tu-tep"])
        func resolve(_ text: String, _ environment: [String: String] = [:]) -> (String, String?)? {
            guard
                case .success(let value) = ArchiveCopy.destination(
                    text,
                    from: here,
                    environment: environment,
                    credentials: credentials
                )
            else { return nil }
            #expect(!value.setting.contains(value.password?.reveal() ?? "\u{0}"), "loa.yml's setting holds no password")
            return (value.location, value.password?.reveal())
        }
        #expect(resolve("sao/loa.sqlite")! == (here.appendingPathComponent("sao/loa.sqlite").path, nil))
        #expect(resolve("/tmp/x.sqlite")! == ("/tmp/x.sqlite", nil))
        #expect(resolve("khong-co/loa.sqlite") == nil, "a folder that does not exist")
        let url = "postgres://loa@db.local:5433/loa?sslmode=disable"
        #expect(resolve(url, ["PGPASSWORD": "tu-moi-truong"])! == (url, "tu-moi-truong"))
        let named = "postgres://loa:${MAT_KHAU_KHO}@db.local:5433/loa?sslmode=disable"
        #expect(resolve(named)! == (url, "tu-tep"))
        #expect(resolve(named, ["MAT_KHAU_KHO": "moi-truong"])! == (url, "moi-truong"))
        let written = ArchiveCopy.destination(
            "postgres://loa:bi-mat@db.local/loa",
            from: here,
            environment: [:],
            credentials: credentials
        )
        guard case .failure(let problem) = written else {
            Issue.record("a written password was taken")
            return
        }
        #expect(problem.message.contains("holds a password") && !problem.message.contains("bi-mat"))
        let unset = ArchiveCopy.destination(
            "postgres://loa:${KHONG_CO}@db.local/loa",
            from: here,
            environment: [:],
            credentials: credentials
        )
        guard case .failure(let missing) = unset else {
            Issue.record("an unset ${NAME} was taken")
            return
        }
        #expect(missing.message == "${KHONG_CO} is set neither in the environment nor in the credentials file")
    }
}
