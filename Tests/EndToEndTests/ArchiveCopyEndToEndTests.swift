import Foundation
import GRDB
import Testing

@testable import Loa

/// `loa archive copy` through the built binary: a unit's SQLite archive, made by real runs against a bridge, into
/// a PostgreSQL database and back into a new file, each read by `loa export` the same as the original, with no
/// post sent again. Needs the tests' PostgreSQL server (`LOA_TEST_POSTGRES_URL`; `.ci/run` starts one).
@Suite("loa archive copy", .enabled(if: PostgresServer.runs))
struct ArchiveCopyEndToEndTests {
    static let figures = #"{"reactions": 12, "comments": 3, "shares": 1, "views": 480}"#

    @Test("SQLite into PostgreSQL and back: the same export, figures and attempts; nothing sent again")
    func bothWays() throws {
        let bridge = try TestBridge { request, count in
            if request.method == "GET" { return .respond(status: 200, body: Self.figures) }
            return count == 0 ? .respond(status: 503, body: "bận") : .ok(id: "p\(count)")
        }
        let channels =
            DeliveryWorkspace.webhook("fb", url: bridge.url(), extra: ["stats_url: \(bridge.url("/s/{remote_id}"))"])
            + "\n  zalo-phuong:\n    platform: zalo\n    transport: outbox"
        let workspace = try DeliveryWorkspace(channels: channels)
        try workspace.announce("ra-quan", "publish_at: 01/12/2026 08:00")
        try workspace.announce(
            "mo-hinh",
            "publish_at: 01/12/2026 08:30",
            body: "Mô hình “Cà phê thanh niên”, cách làm hay.".decomposedStringWithCanonicalMapping
        )
        let host = ["LOA_HOST": "máy-phường-an-hòa"]
        for (hour, minute) in [(9, 0), (9, 20), (9, 45), (10, 30)] {
            _ = try workspace.loa(["run", "--now", Date.vietnam(hour, minute)], environment: host)
        }
        let statuses = try workspace.rows("SELECT status FROM deliveries ORDER BY status").map {
            $0["status"] as String
        }
        #expect(statuses == ["awaiting_confirmation", "awaiting_confirmation", "sent", "sent"])
        let confirm = try workspace.loa(
            ["confirm", "ra-quan", "--channel", "zalo-phuong", "--url", "https://zalo.me/p/1", "--note", "Đã đăng"]
        )
        #expect(confirm.status == 0, "\(confirm.all)")
        _ = try workspace.loa(["engagement", "--now", Date.vietnam(11)], environment: host)
        let posts = bridge.received.filter { $0.method == "POST" }.count
        #expect(posts == 3, "one 503, then both posts")
        let original = try workspace.loa("export", "--format", "jsonl")
        #expect(original.status == 0 && original.standardOutput.contains(#""reactions":12"#), "\(original.all)")
        let attempts = try workspace.rows("SELECT count(*) AS n FROM attempts").first?["n"] as Int?

        // Into PostgreSQL, the password from the environment as ${NAME}.
        let (database, password) = try PostgresServer.freshDatabase()
        let url =
            "postgres://\(database.user):${LOA_TEST_PG_PASSWORD}@\(database.host):\(database.port)/"
            + "\(database.database)?sslmode=disable"
        let secret = ["LOA_TEST_PG_PASSWORD": password]
        let copy = try workspace.loa(["archive", "copy", "--to", url], environment: secret)
        #expect(copy.status == 0, "\(copy.all)")
        #expect(copy.standardOutput.contains("attempts") && copy.standardOutput.contains("\(attempts ?? -1) rows"))
        #expect(copy.standardOutput.contains("every table has the source's rows and content hash"), "\(copy.all)")
        // What to write in loa.yml keeps ${NAME}, never the password.
        #expect(copy.standardOutput.contains("write in loa.yml: archive: \(url)"), "\(copy.all)")
        #expect(!copy.all.contains(password))

        try workspace.write("loa.yml", "timezone: Asia/Ho_Chi_Minh\narchive: \(url)\nchannels:\n\(channels)\n")
        let shared = try workspace.loa(["export", "--format", "jsonl"], environment: secret)
        #expect(shared.status == 0, "\(shared.all)")
        #expect(shared.standardOutput == original.standardOutput)
        // The copy keeps every promise: nothing owed, nothing sent again.
        let run = try workspace.loa(["run", "--now", Date.vietnam(12)], environment: secret.merging(host) { $1 })
        #expect(run.status == 0, "\(run.all)")
        #expect(bridge.received.filter { $0.method == "POST" }.count == posts)
        // Copying again into the database, which now holds the archive, is refused and changes nothing.
        let again = try workspace.loa(["archive", "copy", "--to", url], environment: secret)
        #expect(again.status == 2, "\(again.all)")
        #expect(again.standardError.contains("is the archive loa.yml names"), "\(again.all)")

        // And back into a new file, from the PostgreSQL archive.
        let back = workspace.root.appendingPathComponent("ve-tep/loa.sqlite").path
        try FileManager.default.createDirectory(
            at: workspace.root.appendingPathComponent("ve-tep"),
            withIntermediateDirectories: true
        )
        let copyBack = try workspace.loa(["archive", "copy", "--to", "ve-tep/loa.sqlite"], environment: secret)
        #expect(copyBack.status == 0, "\(copyBack.all)")
        try workspace.write("loa.yml", "timezone: Asia/Ho_Chi_Minh\narchive: \(back)\nchannels:\n\(channels)\n")
        let local = try workspace.loa("export", "--format", "jsonl")
        #expect(local.standardOutput == original.standardOutput)
        let query = "SELECT delivery_id, number, host, http_status, response_body, started_at FROM attempts ORDER BY id"
        let copied = try DatabaseQueue(path: back).read { try Row.fetchAll($0, sql: query) }
        #expect(copied == (try workspace.rows(query)))
        // Each delivery's tries and figures, the figures compared by value (PostgreSQL writes JSON with spaces).
        let tries = "SELECT id, tries, figures FROM deliveries ORDER BY id"
        func figures(_ rows: [Row]) -> [String] {
            rows.map { row in
                let json = (row["figures"] as String?).map { CopiedValue.canonicalJSON($0) } ?? "-"
                return "\(row["id"] as String) \(row["tries"] as Int) \(json)"
            }
        }
        let before = figures(try workspace.rows(tries))
        #expect(figures(try DatabaseQueue(path: back).read { try Row.fetchAll($0, sql: tries) }) == before)
        #expect(before.contains { $0.contains(#""reactions":12"#) }, "\(before)")
    }
}

/// What `loa archive copy` refuses, between SQLite files.
@Suite("loa archive copy: refusals")
struct ArchiveCopyRefusalTests {
    @Test("a destination that holds records is refused; the source and destination are left as they were")
    func refusedIntoFullArchive() throws {
        let bridge = try TestBridge { _, count in .ok(id: "p\(count)") }
        let workspace = try DeliveryWorkspace(channels: DeliveryWorkspace.webhook("fb", url: bridge.url()))
        try workspace.announce("ra-quan", "publish_at: 01/12/2026 08:00")
        _ = try workspace.loa("run", "--now", Date.vietnam(9))
        let other = try DeliveryWorkspace(channels: DeliveryWorkspace.webhook("fb", url: bridge.url()))
        try other.announce("tin-khac", "publish_at: 01/12/2026 08:00")
        _ = try other.loa("run", "--now", Date.vietnam(9))
        let refused = try workspace.loa("archive", "copy", "--to", other.archivePath)
        #expect(refused.status == 1, "\(refused.all)")
        #expect(refused.standardError.contains("the destination already holds records"), "\(refused.all)")
        #expect(try other.rows("SELECT announcement_id FROM deliveries").map { $0["announcement_id"] } == ["tin-khac"])
        #expect(FileManager.default.fileExists(atPath: other.archivePath))
    }

    @Test("a password written in --to is refused without repeating it, in either language")
    func writtenPassword() throws {
        let workspace = try DeliveryWorkspace(channels: DeliveryWorkspace.webhook("fb", url: "http://127.0.0.1:9/h"))
        let password = "mat-khau-\(UUID().uuidString)"
        let url = "postgres://loa:\(password)@127.0.0.1:5432/loa?sslmode=disable"
        let english = try workspace.loa("archive", "copy", "--to", url)
        #expect(english.status == 2, "\(english.all)")
        #expect(english.standardError.contains("the URL holds a password"), "\(english.all)")
        let vietnamese = try workspace.loa(["archive", "copy", "--to", url], environment: ["LOA_LANG": "vi"])
        #expect(vietnamese.status == 2)
        #expect(vietnamese.standardError.contains("URL có chứa mật khẩu"), "\(vietnamese.all)")
        for output in [english, vietnamese] { #expect(!output.all.contains(password)) }
        let none = try workspace.loa("archive", "copy", "--to", "sao.sqlite")
        #expect(none.status == 1 && none.standardError.contains("there is no archive at"), "\(none.all)")
        for path in [workspace.archivePath, workspace.root.appendingPathComponent("sao.sqlite").path] {
            #expect(!FileManager.default.fileExists(atPath: path), "nothing was created")
        }
        _ = try workspace.loa("run", "--now", Date.vietnam(9))
        let same = try workspace.loa("archive", "copy", "--to", workspace.archivePath)
        #expect(same.status == 2 && same.standardError.contains("is the archive loa.yml names"), "\(same.all)")
    }

    @Test("a mistyped address, a missing folder, an empty password or a hard link to the source: refused, nothing made")
    func mistakes() throws {
        let workspace = try DeliveryWorkspace(channels: DeliveryWorkspace.webhook("fb", url: "http://127.0.0.1:9/h"))
        _ = try workspace.loa("run", "--now", Date.vietnam(9))
        let password = "S3cret-\(UUID().uuidString)"
        for url in ["postgresq://loa:\(password)@127.0.0.1:5432/loa", "mysql://loa:\(password)@db/loa"] {
            let mistyped = try workspace.loa("archive", "copy", "--to", url)
            #expect(mistyped.status == 2 && mistyped.standardError.contains("only postgres://"), "\(mistyped.all)")
            #expect(!mistyped.all.contains(password))
        }
        let missing = try workspace.loa("archive", "copy", "--to", "khong-co/loa.sqlite")
        #expect(missing.status == 2, "\(missing.all)")
        #expect(missing.standardError == "loa archive copy: --to: the folder 'khong-co' does not exist\n")
        let empty = try workspace.loa("archive", "copy", "--to", "postgres://loa:@127.0.0.1:5432/loa")
        #expect(empty.status == 2 && empty.standardError.contains("single quotes"), "\(empty.all)")
        let hardLink = workspace.root.appendingPathComponent("cung-tep.sqlite").path
        try FileManager.default.linkItem(atPath: workspace.archivePath, toPath: hardLink)
        let same = try workspace.loa("archive", "copy", "--to", "cung-tep.sqlite")
        #expect(same.status == 2 && same.standardError.contains("is the archive loa.yml names"), "\(same.all)")
        let made = try FileManager.default.contentsOfDirectory(atPath: workspace.root.path)
        #expect(!made.contains { $0.hasPrefix("postgresq") || $0.hasPrefix("mysql") || $0 == "khong-co" }, "\(made)")
        // An empty file is no archive to copy into, said as the destination's problem.
        try workspace.write("trong.sqlite", "")
        let zero = try workspace.loa("archive", "copy", "--to", "trong.sqlite")
        #expect(zero.status == 2, "\(zero.all)")
        #expect(zero.standardError.contains("--to: 'trong.sqlite' cannot take the copy: it is an empty file"))
    }

    @Test("a file that is not an archive is refused, naming it, and kept; a new file is made and checked")
    func foreignFile() throws {
        let workspace = try DeliveryWorkspace(channels: DeliveryWorkspace.webhook("fb", url: "http://127.0.0.1:9/h"))
        _ = try workspace.loa("run", "--now", Date.vietnam(9))
        try workspace.write("khong-phai-kho.sqlite", "đây không phải kho")
        let foreign = try workspace.loa("archive", "copy", "--to", "khong-phai-kho.sqlite")
        #expect(foreign.status == 2, "\(foreign.all)")
        #expect(foreign.standardError.contains("khong-phai-kho.sqlite"), "\(foreign.all)")
        let kept = try String(
            contentsOf: workspace.root.appendingPathComponent("khong-phai-kho.sqlite"),
            encoding: .utf8
        )
        #expect(kept == "đây không phải kho")
        try FileManager.default.createDirectory(
            at: workspace.root.appendingPathComponent("sao"),
            withIntermediateDirectories: true
        )
        let target = workspace.root.appendingPathComponent("sao/loa.sqlite").path
        let copy = try workspace.loa("archive", "copy", "--to", target)
        #expect(copy.status == 0, "\(copy.all)")
        #expect(FileManager.default.fileExists(atPath: target))
    }
}
