import Foundation
import Testing

@testable import Loa

/// The PostgreSQL server the tests of the PostgreSQL archive use: the one `LOA_TEST_POSTGRES_URL` names
/// (`.ci/run` starts one with scripts/test-postgres; a developer runs
/// `export LOA_TEST_POSTGRES_URL=$(bash scripts/test-postgres start "$(mktemp -d)")`).
///
/// Without it those tests are left out, and one test says so (``PostgresServerTests``); with `CI=true` they run
/// all the same and fail, since CI must never pass without them.
enum PostgresTestServer {
    static let url = ProcessInfo.processInfo.environment["LOA_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let required = ProcessInfo.processInfo.environment["CI"] == "true"
    /// Whether the tests that need the server run.
    static var runs: Bool { url != nil || required }

    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "LOA_TEST_POSTGRES_URL is not set, and with CI=true the PostgreSQL archive's tests must run: .ci/run "
                + "starts a server with scripts/test-postgres"
        }
    }

    /// The server's address and password (the test URL carries it, as no loa.yml may).
    static func server() throws -> (location: PostgresLocation, password: Secret?) {
        guard let url else { throw Missing() }
        let (location, password) = try PostgresLocation.parse(url).get()
        return (location, password.map(Secret.init))
    }

    /// A new, empty database of its own for one test, named after nothing else on the server.
    static func freshDatabase() throws -> (location: PostgresLocation, password: Secret?) {
        var (location, password) = try server()
        let name = "loa_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = try PostgresSession.connect(location, password: password)
        try admin.execute("CREATE DATABASE \(name)")
        location.database = name
        return (location, password)
    }
}

extension PostgresLocation.Problem: CustomStringConvertible {
    public var description: String { "LOA_TEST_POSTGRES_URL \(message)" }
}

@Suite("The PostgreSQL server of the tests")
struct PostgresServerTests {
    @Test(
        "LOA_TEST_POSTGRES_URL names a server, or the PostgreSQL archive's tests are left out",
        .disabled(
            if: !PostgresTestServer.runs,
            "set LOA_TEST_POSTGRES_URL to run the PostgreSQL archive's tests (scripts/test-postgres start FOLDER)"
        )
    )
    func serverAnswers() throws {
        let (location, password) = try PostgresTestServer.freshDatabase()
        let archive = try PostgresArchive.open(location, password: password)
        try archive.setSetting("khóa", "Đoàn phường")
        #expect(try archive.setting("khóa") == "Đoàn phường")
    }
}
