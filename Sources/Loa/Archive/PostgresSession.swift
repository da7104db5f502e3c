import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// One connection to a PostgreSQL server, used synchronously: the one place where postgres-nio's event loops meet
/// Loa's synchronous code.
///
/// Every call sends its statement on postgres-nio's own event loop thread and blocks the calling thread until
/// the answer is in (`EventLoopFuture.wait()`), as GRDB blocks on SQLite: the archive seam stays synchronous, and
/// no other file of Loa knows postgres-nio is asynchronous. A cron process needs no pool: it opens one
/// connection, which fails at once when the server cannot be reached (a pool would retry in the background and
/// leave queries hanging). Statements are bounded by the server (`statement_timeout`), since a blocked thread
/// cannot cancel one.
final class PostgresSession: @unchecked Sendable {
    private let connection: PostgresConnection
    private let logger: Logger
    /// Where the server is, for errors: never the password.
    let location: PostgresLocation

    private init(connection: PostgresConnection, logger: Logger, location: PostgresLocation) {
        self.connection = connection
        self.logger = logger
        self.location = location
    }

    /// Connects and signs in, or throws a ``PostgresArchiveError`` saying why in words (the password never in them).
    static func connect(_ location: PostgresLocation, password: Secret?) throws -> PostgresSession {
        var logger = Logger(label: "loa.postgres")
        logger.logLevel = .critical
        let tls: PostgresConnection.Configuration.TLS
        do {
            switch location.sslMode {
            case .disable: tls = .disable
            case .prefer: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case .require: tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        } catch {
            throw PostgresArchiveError(location, .tls(Message.pgTLSSettings()))
        }
        var configuration = PostgresConnection.Configuration(
            host: location.host,
            port: location.port,
            username: location.user,
            password: password?.reveal(),
            database: location.database,
            tls: tls
        )
        configuration.options.connectTimeout = .seconds(10)
        // A stuck statement or an idle transaction (a host paused mid-write) never holds row locks for long.
        configuration.options.additionalStartupParameters = [
            ("statement_timeout", "30s"), ("idle_in_transaction_session_timeout", "60s"),
            ("application_name", "loa"), ("TimeZone", "UTC"),
        ]
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        do {
            let connection = try PostgresConnection.connect(
                on: loop,
                configuration: configuration,
                id: 1,
                logger: logger
            ).wait()
            return PostgresSession(connection: connection, logger: logger, location: location)
        } catch {
            throw PostgresArchiveError(location, connecting: error)
        }
    }

    deinit {
        // postgres-nio requires a connection closed before it is let go; this is never on its event loop.
        let closing: EventLoopFuture<Void> = connection.close()
        try? closing.wait()
    }

    /// Runs one statement and returns its rows.
    @discardableResult
    func query(_ query: PostgresQuery) throws -> PostgresQueryResult {
        do {
            return try connection.query(query, logger: logger).wait()
        } catch {
            throw PostgresArchiveError(location, querying: error)
        }
    }

    /// Runs one statement, calling `body` with each row as it arrives, without holding them all.
    func forEachRow(_ query: PostgresQuery, _ body: @escaping @Sendable (PostgresRow) throws -> Void) throws {
        do {
            _ = try connection.query(query, logger: logger, body).wait()
        } catch let error as PostgresArchiveError {
            throw error
        } catch {
            throw PostgresArchiveError(location, querying: error)
        }
    }

    /// Runs statements without parameters, such as `BEGIN` or a migration's script.
    func execute(_ sql: String) throws {
        try query(PostgresQuery(unsafeSQL: sql))
    }
}

/// Why the PostgreSQL archive cannot be used, in words that name the server (never the password) and say what
/// to do. The server's own message is given where it is about Loa's statement, since it says which.
public struct PostgresArchiveError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Nothing answered at the address.
        case unreachable(String)
        /// The server refused the user name or password.
        case authentication
        /// The database named in the URL does not exist.
        case noDatabase
        /// TLS was required and could not be had.
        case tls(String)
        /// A statement failed; the server's words.
        case statement(String)
        /// Made by an older Loa, and this command may not bring it up to date.
        case outdated
        /// The database holds tables, none of them Loa's.
        case foreign
    }

    public var location: PostgresLocation
    public var kind: Kind

    init(_ location: PostgresLocation, _ kind: Kind) {
        self.location = location
        self.kind = kind
    }

    init(_ location: PostgresLocation, connecting error: any Error) {
        self.location = location
        if let error = error as? PSQLError {
            if error.code == .server {
                let state = error.serverInfo?[.sqlState] ?? ""
                switch state {
                case "28P01", "28000": kind = .authentication
                case "3D000": kind = .noDatabase
                default: kind = .statement(error.serverInfo?[.message] ?? Message.pgRefusedConnection())
                }
            } else if error.code == .sslUnsupported {
                kind = .tls(Message.pgNoTLS())
            } else if error.code == .authMechanismRequiresPassword {
                kind = .authentication
            } else {
                kind = .unreachable(Self.reason(error.underlying))
            }
        } else {
            kind = .unreachable(Self.reason(error))
        }
    }

    init(_ location: PostgresLocation, querying error: any Error) {
        self.location = location
        if let error = error as? PostgresArchiveError {
            self = error
        } else if let error = error as? PSQLError, error.code == .server {
            kind = .statement(error.serverInfo?[.message] ?? Message.pgRefusedStatement())
        } else if let error = error as? PSQLError {
            kind = .unreachable(Message.pgConnectionLost(["code": "\(error.code)"]))
        } else {
            kind = .statement("\(type(of: error))")
        }
    }

    /// A system error in words: connection refused, no such host, timed out.
    private static func reason(_ error: (any Error)?) -> String {
        guard let error else { return Message.pgNoConnection() }
        let text = String(describing: error)
        if text.contains("connectTimeout") || text.contains("imed out") { return Message.pgTimedOut() }
        if text.contains("refused") { return Message.pgConnectionRefused() }
        if text.contains("resolve") || text.contains("NXDOMAIN") || text.contains("name") {
            return Message.pgHostUnknown()
        }
        return Message.pgNoConnection()
    }

    public var description: String {
        let values = ["server": location.display, "user": location.user, "database": location.database]
        switch kind {
        case .unreachable(let reason), .tls(let reason):
            return Message.pgUnreachable(values.merging(["reason": reason]) { $1 })
        case .authentication:
            return Message.pgAuthentication(values)
        case .noDatabase:
            return Message.pgDatabaseMissing(values)
        case .statement(let message):
            return Message.pgStatement(values.merging(["reason": message]) { $1 })
        case .outdated:
            return Message.pgOutdated(values)
        case .foreign:
            return Message.pgForeign(values)
        }
    }
}
