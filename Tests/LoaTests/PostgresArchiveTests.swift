import Foundation
import PostgresNIO
import Testing

@testable import Loa

#if canImport(Glibc)
    import Glibc
#endif

/// The PostgreSQL archive beyond the seam's contract (which `ArchiveConformanceTests` checks on it): where it is
/// (`archive:` URLs), its password, what a wrong one or an unreachable server says, migrations run once, and
/// reading without writing.
@Suite("The PostgreSQL archive: URL, password, errors, migrations")
struct PostgresArchiveTests {
    @Test(
        "archive URLs: user, host, port, database and sslmode, percent-encoded parts, IPv6 hosts",
        arguments: [
            ("postgres://loa@db.tinhdoan.vn/loa", "postgres://loa@db.tinhdoan.vn:5432/loa?sslmode=prefer"),
            (
                "postgresql://loa@127.0.0.1:55432/loa_can_tho?sslmode=disable",
                "postgres://loa@127.0.0.1:55432/loa_can_tho?sslmode=disable"
            ),
            ("postgres://doan%20vien@[::1]:6543/l%C6%B0u", "postgres://doan vien@[::1]:6543/lưu?sslmode=prefer"),
            ("postgres://loa@db/loa?sslmode=require", "postgres://loa@db:5432/loa?sslmode=require"),
        ]
    )
    func urls(url: String, display: String) throws {
        let (location, password) = try PostgresLocation.parse(url).get()
        #expect(location.display == display)
        #expect(password == nil)
    }

    @Test("a URL Loa cannot use says what is wrong with it")
    func badURLs() {
        func problem(_ url: String) -> String? {
            if case .failure(let problem) = PostgresLocation.parse(url) { return problem.message }
            return nil
        }
        #expect(problem("postgres://db/loa")?.contains("names no user") == true)
        #expect(problem("postgres://loa@/loa")?.contains("names no host") == true)
        #expect(problem("postgres://loa@db")?.contains("names no database") == true)
        #expect(problem("postgres://loa@db:port/loa")?.contains("has port 'port'") == true)
        #expect(problem("postgres://loa@db:99999/loa")?.contains("1 to 65535") == true)
        #expect(problem("postgres://loa@db/loa?sslmode=verify")?.contains("disable, prefer or require") == true)
        #expect(problem("postgres://loa@db/loa?connect_timeout=3")?.contains("'connect_timeout'") == true)
        // A password is taken apart (for the tests' own server URL), never kept in the location.
        let parsed = try? PostgresLocation.parse("postgres://loa:b%C3%AD%20m%E1%BA%ADt@db/loa").get()
        #expect(parsed?.password == "bí mật" && parsed?.location.display.contains("mật") == false)
        // A password holding `/`, `:` or `@` is still the password: no part of it is read as a port or database.
        let awkward = try? PostgresLocation.parse("postgres://loa:ab/c:d@e@db:5433/loa").get()
        #expect(
            awkward?.password == "ab/c:d@e" && awkward?.location.display == "postgres://loa@db:5433/loa?sslmode=prefer"
        )
        #expect(problem("postgres://loa:ab/cd@db:x/loa").map { !$0.contains("ab") && !$0.contains("cd") } == true)
        #expect(problem("postgres://loa:pa?ss@db:x/loa").map { !$0.contains("pa") && !$0.contains("ss") } == true)
        let question = try? PostgresLocation.parse("postgres://loa:pa?ss@db/loa?sslmode=disable").get()
        #expect(question?.password == "pa?ss" && question?.location.sslMode == .disable)
    }

    static let channels = "\nchannels:\n  z:\n    platform: zalo\n    transport: outbox\n"

    @Test("loa.yml: the password from ${NAME} in the credentials file, else PGPASSWORD; never kept in the URL")
    func password() throws {
        let workspace = try TemporaryWorkspace()
        let file = try workspace.write(
            "loa.yml",
            "archive: postgres://loa:${LOA_ARCHIVE_PASSWORD}@db.tinhdoan.vn:5433/loa?sslmode=require" + Self.channels
        )
        try workspace.write("credentials", "LOA_ARCHIVE_PASSWORD=m@t/kh#u:Đoàn\n")
        chmod(workspace.url("credentials").path, 0o600)
        let outcome = ConfigurationLoader(environment: ["PGPASSWORD": "not this one"]).load(from: file)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
        let configuration = try #require(outcome.configuration)
        #expect(configuration.archive == "postgres://loa@db.tinhdoan.vn:5433/loa?sslmode=require")
        #expect(configuration.archivePassword?.reveal() == "m@t/kh#u:Đoàn")
        #expect(configuration.runLockPath == workspace.url(".loa-run-\(HostName.current).lock").path)
        #expect(Configuration.fileNamePart("../tỉnh/đoàn") == "_._tỉnh_đoàn")

        let plain = try workspace.write("plain.yml", "archive: postgres://loa@db/loa" + Self.channels)
        let fromEnvironment = ConfigurationLoader(environment: ["PGPASSWORD": "từ môi trường"]).load(from: plain)
        #expect(fromEnvironment.configuration?.archivePassword?.reveal() == "từ môi trường")
        #expect(ConfigurationLoader(environment: [:]).load(from: plain).configuration?.archivePassword == nil)
    }

    @Test("a password written in loa.yml is refused, and not repeated")
    func passwordInFile() throws {
        let workspace = try TemporaryWorkspace()
        let file = try workspace.write("loa.yml", "archive: postgres://loa:hunter2-Đoàn@db/loa" + Self.channels)
        let outcome = ConfigurationLoader(environment: [:]).load(from: file)
        let diagnostic = try #require(outcome.diagnostics.first { $0.severity == .error })
        #expect(diagnostic.field == "archive" && diagnostic.line == 1)
        #expect(diagnostic.description.contains("carries a password"), "\(diagnostic)")
        #expect(!diagnostic.description.contains("hunter2"))
    }

    @Test(
        "a wrong password, a missing database and a closed port say so, naming the server and never the password",
        .enabled(if: PostgresTestServer.runs)
    )
    func connectionErrors() throws {
        let (location, password) = try PostgresTestServer.server()
        let wrong = "sai-mật-khẩu-\(UUID().uuidString)"
        do {
            _ = try PostgresArchive.open(location, password: Secret(wrong))
            Issue.record("a wrong password was accepted")
        } catch let error as PostgresArchiveError {
            #expect(error.kind == .authentication)
            #expect(error.description.contains(location.display) && error.description.contains("wrong password"))
            #expect(!error.description.contains(wrong) && !"\(error)".contains(wrong))
            #expect(!String(reflecting: error).contains(wrong))
        }
        var missing = location
        missing.database = "khong_co_\(UUID().uuidString.prefix(8).lowercased())"
        do {
            _ = try PostgresArchive.open(missing, password: password)
            Issue.record("a missing database was opened")
        } catch let error as PostgresArchiveError {
            #expect(error.kind == .noDatabase && error.description.contains("createdb \(missing.database)"))
        }
        // A port nothing listens on: the test server's, once it is known to be closed.
        var closed = location
        closed.port = try Self.closedPort()
        do {
            _ = try PostgresArchive.open(closed, password: password)
            Issue.record("a closed port was reached")
        } catch let error as PostgresArchiveError {
            guard case .unreachable(let reason) = error.kind else {
                Issue.record("expected unreachable, got \(error)")
                return
            }
            #expect(reason.contains("refused"), "\(error)")
            #expect(
                error.description.contains("cannot be reached")
                    && !error.description.contains(password?.reveal() ?? "@@")
            )
        }
    }

    /// A loopback port with nothing listening on it.
    static func closedPort() throws -> Int {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    @Test("hosts starting together run the migrations once", .enabled(if: PostgresTestServer.runs))
    func migrationsOnce() throws {
        let (location, password) = try PostgresTestServer.freshDatabase()
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            do {
                let archive = try PostgresArchive.open(location, password: password)
                try archive.setSetting("host", "h")
            } catch {
                failures.add("\(error)")
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
        let session = try PostgresSession.connect(location, password: password)
        let applied = try session.query("SELECT name, count(*) FROM loa_migrations GROUP BY name").map {
            try $0.decode((String, Int).self)
        }
        #expect(applied.map(\.0).sorted() == PostgresSchema.migrations.map(\.name).sorted())
        #expect(applied.allSatisfy { $0.1 == 1 })
    }

    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        func add(_ item: String) { lock.withLock { items.append(item) } }
        var all: [String] { lock.withLock { items } }
    }

    @Test(
        "reading: nothing before the first run, a read-only session after; a dry run's writes are rolled back",
        .enabled(if: PostgresTestServer.runs)
    )
    func readingAndScratch() throws {
        let (location, password) = try PostgresTestServer.freshDatabase()
        #expect(try PostgresArchive.openForReading(location, password: password) == nil)
        let archive = try PostgresArchive.open(location, password: password)
        try archive.setSetting("first_run", "2026-12-01")
        let reader = try #require(try PostgresArchive.openForReading(location, password: password))
        #expect(try reader.setting("first_run") == "2026-12-01")
        #expect(throws: PostgresArchiveError.self) { try reader.setSetting("first_run", "khác") }
        do {
            let scratch = try PostgresArchive.scratch(location, password: password)
            try scratch.setSetting("first_run", "nháp")
            #expect(try scratch.setting("first_run") == "nháp")
        }
        #expect(try archive.setting("first_run") == "2026-12-01")
        // Through the one place that chooses a store.
        let chosen = try ArchiveStores.open(location.display, password: password)
        #expect(chosen is PostgresArchive)
        #expect(try chosen.setting("first_run") == "2026-12-01")
    }

    @Test("a database with tables that are not Loa's is refused", .enabled(if: PostgresTestServer.runs))
    func foreignDatabase() throws {
        let (location, password) = try PostgresTestServer.freshDatabase()
        let session = try PostgresSession.connect(location, password: password)
        try session.execute("CREATE TABLE khach (id integer)")
        do {
            _ = try PostgresArchive.open(location, password: password)
            Issue.record("a foreign database was taken")
        } catch let error as PostgresArchiveError {
            #expect(error.kind == .foreign && error.description.contains("not a Loa archive"))
        }
    }
    @Test(
        "three hosts claiming at the same time: every channel leased once, none waited for",
        .enabled(if: PostgresTestServer.runs)
    )
    func concurrentClaims() throws {
        let (location, password) = try PostgresTestServer.freshDatabase()
        let setup = try PostgresArchive.open(location, password: password)
        let deliveries = (0..<300).map { ArchiveConformanceTests.delivery("a", String(format: "kenh-%03d", $0)) }
        try ArchiveConformanceTests.seed(setup, deliveries)
        let archives = try (0..<3).map { _ in try PostgresArchive.open(location, password: password) }
        let claims = Claims()
        DispatchQueue.concurrentPerform(iterations: 3) { host in
            do {
                while true {
                    let leases = try archives[host].write { archive in
                        try archive.claimChannels(
                            host: "h\(host)",
                            at: ArchiveConformanceTests.at(1),
                            for: 60,
                            limit: 7
                        )
                    }
                    if leases.isEmpty { break }
                    claims.add(leases)
                }
            } catch {
                claims.fail("\(error)")
            }
        }
        #expect(claims.failures.isEmpty, "\(claims.failures)")
        #expect(claims.all.count == 300 && Set(claims.all.map(\.channel)).count == 300)
        #expect(Set(claims.all.map(\.token)).count == 300)
        let stored = try setup.read { try $0.channelLeases() }
        #expect(Set(stored.map(\.token)) == Set(claims.all.map(\.token)))
    }

    final class Claims: @unchecked Sendable {
        private let lock = NSLock()
        private var leases: [ChannelLease] = []
        private var errors: [String] = []
        func add(_ more: [ChannelLease]) { lock.withLock { leases += more } }
        func fail(_ error: String) { lock.withLock { errors.append(error) } }
        var all: [ChannelLease] { lock.withLock { leases } }
        var failures: [String] { lock.withLock { errors } }
    }
}
