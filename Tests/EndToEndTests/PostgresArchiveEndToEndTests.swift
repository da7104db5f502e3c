import Foundation
import Testing

@testable import Loa

#if canImport(Glibc)
    import Glibc
#endif

/// The real `loa` on a PostgreSQL archive (`archive: postgres://…`): a run sends and records, read-only commands
/// read it, the export names the host of each attempt, and a wrong password or a closed port is said in words
/// without the password. Needs the tests' PostgreSQL server (`LOA_TEST_POSTGRES_URL`; `.ci/run` starts one).
@Suite("loa on a PostgreSQL archive", .enabled(if: PostgresServer.runs))
struct PostgresArchiveEndToEndTests {
    /// A workspace whose archive is a new database on the test server, its password from the environment as
    /// `${LOA_TEST_PG_PASSWORD}`.
    static func workspace(channels: String, database: PostgresLocation) throws -> DeliveryWorkspace {
        try DeliveryWorkspace(
            channels: channels,
            settings: "archive: postgres://\(database.user):${LOA_TEST_PG_PASSWORD}@\(database.host):"
                + "\(database.port)/\(database.database)?sslmode=disable"
        )
    }

    @Test("a run sends and records; status and export read the archive; every attempt names its host")
    func runStatusExport() throws {
        let (database, password) = try PostgresServer.freshDatabase()
        let bridge = try TestBridge { _, count in .ok(id: "\(count)") }
        let workspace = try Self.workspace(
            channels: DeliveryWorkspace.webhook("fb", url: bridge.url()) + "\n"
                + DeliveryWorkspace.webhook("zalo", url: bridge.url("/zalo")),
            database: database
        )
        try workspace.announce("ra-quan", "publish_at: 01/12/2026 08:00")
        let environment = ["LOA_TEST_PG_PASSWORD": password, "LOA_HOST": "máy-chủ-cần-thơ"]
        let run = try workspace.loa(["run", "--now", Date.vietnam(9)], environment: environment)
        #expect(run.status == 0, "\(run.all)")
        #expect(bridge.received.count == 2)
        // A second run finds nothing owed: what the first recorded is in the database.
        let again = try workspace.loa(["run", "--now", Date.vietnam(9, 5)], environment: environment)
        #expect(again.status == 0 && bridge.received.count == 2, "\(again.all)")
        let status = try workspace.loa(["status"], environment: environment)
        #expect(status.status == 0, "\(status.all)")
        #expect(status.standardOutput.contains("ra-quan") && status.standardOutput.contains("sent"), "\(status.all)")
        let export = try workspace.loa(["export", "--format", "jsonl"], environment: environment)
        #expect(export.status == 0, "\(export.all)")
        let lines = export.standardOutput.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.contains(#""host":"máy-chủ-cần-thơ""#) }, "\(export.standardOutput)")
        // The host registered, with this Loa's version.
        let archive = try PostgresArchive.open(database, password: Secret(password))
        let hosts = try archive.read { try $0.hosts() }
        #expect(hosts.map(\.name) == ["máy-chủ-cần-thơ"] && hosts.first?.loaVersion == LoaVersion.current)
        for output in [run, again, status, export] { #expect(!output.all.contains(password)) }
    }

    @Test("hosts running different workspaces on one archive: loa status warns, naming them")
    func hostsDisagree() throws {
        let (database, password) = try PostgresServer.freshDatabase()
        let bridge = try TestBridge { _, count in .ok(id: "\(count)") }
        let workspace = try Self.workspace(
            channels: DeliveryWorkspace.webhook("fb", url: bridge.url()),
            database: database
        )
        let run = { (host: String) in
            try workspace.loa(
                ["run", "--now", Date.vietnam(9)],
                environment: ["LOA_TEST_PG_PASSWORD": password, "LOA_HOST": host]
            )
        }
        #expect(try run("h1").status == 0)
        #expect(try run("h2").status == 0)
        var status = try workspace.loa(["status"], environment: ["LOA_TEST_PG_PASSWORD": password])
        #expect(!status.standardError.contains("warning"), "\(status.all)")
        // h3's copy of the queue has a file the others do not.
        try workspace.announce("chi-o-h3", "publish_at: 02/12/2026 08:00")
        #expect(try run("h3").status == 0)
        status = try workspace.loa(["status"], environment: ["LOA_TEST_PG_PASSWORD": password])
        #expect(status.status == 0)
        #expect(status.standardError.contains("do not run the same Loa and workspace"), "\(status.all)")
        #expect(status.standardError.contains("h1, h2: Loa") && status.standardError.contains("h3: Loa"))
    }

    @Test("a wrong password or a closed port: said in words, naming the server, never the password")
    func connectionErrors() throws {
        let (database, _) = try PostgresServer.freshDatabase()
        let workspace = try Self.workspace(
            channels: DeliveryWorkspace.webhook("fb", url: "http://127.0.0.1:9/h"),
            database: database
        )
        let wrong = "sai-\(UUID().uuidString)"
        for command in [["status"], ["run"], ["export", "--format", "csv"]] {
            let output = try workspace.loa(command, environment: ["LOA_TEST_PG_PASSWORD": wrong])
            #expect(output.status == 2, "\(command): \(output.all)")
            #expect(output.standardError.contains("refused user 'loa': wrong password"), "\(command): \(output.all)")
            #expect(output.standardError.contains("postgres://loa@\(database.host):\(database.port)/"))
            #expect(!output.all.contains(wrong))
        }
        let closed = try DeliveryWorkspace(
            channels: DeliveryWorkspace.webhook("fb", url: "http://127.0.0.1:9/h"),
            settings: "archive: postgres://loa@127.0.0.1:\(try PostgresServer.closedPort())/loa?sslmode=disable"
        )
        let output = try closed.loa(["status"], environment: ["PGPASSWORD": wrong])
        #expect(output.status == 1, "\(output.all)")
        #expect(output.standardError.contains("cannot be reached: the connection was refused"), "\(output.all)")
        #expect(!output.all.contains(wrong))
    }
}

/// The tests' PostgreSQL server (`LOA_TEST_POSTGRES_URL`), as in LoaTests' `PostgresTestServer`: with CI=true
/// the tests that need it run, and fail without it.
enum PostgresServer {
    static let url = ProcessInfo.processInfo.environment["LOA_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static var runs: Bool { url != nil || ProcessInfo.processInfo.environment["CI"] == "true" }

    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "LOA_TEST_POSTGRES_URL is not set, and with CI=true the PostgreSQL archive's tests must run"
        }
    }

    /// A new database of its own on the server, and the server's password.
    static func freshDatabase() throws -> (location: PostgresLocation, password: String) {
        guard let url else { throw Missing() }
        var (location, password) = try PostgresLocation.parse(url).get()
        let name = "loa_e2e_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = try PostgresSession.connect(location, password: password.map(Secret.init))
        try admin.execute("CREATE DATABASE \(name)")
        location.database = name
        return (location, password ?? "")
    }

    /// A loopback port nothing listens on.
    static func closedPort() throws -> Int {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

extension PostgresLocation.Problem: CustomStringConvertible {
    public var description: String { "LOA_TEST_POSTGRES_URL \(message)" }
}
