import Foundation

/// Where a PostgreSQL archive is: `archive: postgres://user@host:port/database?sslmode=…` in loa.yml.
///
/// The password is never part of it: loa.yml is shared and kept in git, so the password comes from the
/// credentials file or the environment, written in the URL as `${NAME}` (resolved by the loader into a
/// ``Secret``), or from `PGPASSWORD`, as PostgreSQL's own tools take it. ``display`` is the URL without it, for
/// every message.
public struct PostgresLocation: Sendable, Hashable {
    /// How the connection uses TLS: libpq's `sslmode` values Loa supports.
    public enum SSLMode: String, Sendable, Hashable, CaseIterable {
        /// Never TLS: a server on the same machine or a private network.
        case disable
        /// TLS when the server offers it (libpq's default).
        case prefer
        /// TLS or no connection; the server's certificate is checked against the system's authorities.
        case require
    }

    public var user: String
    public var host: String
    public var port: Int
    public var database: String
    public var sslMode: SSLMode

    public init(user: String, host: String, port: Int = 5432, database: String, sslMode: SSLMode = .prefer) {
        self.user = user
        self.host = host
        self.port = port
        self.database = database
        self.sslMode = sslMode
    }

    /// The URL as loa.yml would write it, without any password: for messages and `loa status`.
    public var display: String {
        let address = host.contains(":") ? "[\(host)]" : host
        return "postgres://\(user)@\(address):\(port)/\(database)?sslmode=\(sslMode.rawValue)"
    }

    /// Whether a value of `archive:` names a PostgreSQL archive rather than an SQLite file.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// A URL taken apart, with the password it carries (nil when none); the problem in words when it is not one
    /// Loa can use. Parts may be percent-encoded, as in libpq's URLs.
    public static func parse(_ text: String) -> Result<(location: PostgresLocation, password: String?), Problem> {
        guard isURL(text) else { return .failure(Problem(Message.pgNotURL())) }
        var rest = text.dropFirst(text.hasPrefix("postgresql://") ? 13 : 11)
        // The user and password first, up to the last `@`: a password may hold a `/`, a `:` or a `?`, and no part
        // of it may reach a message as a database name, a port or a parameter.
        var user = ""
        var password: String?
        if let at = rest.lastIndex(of: "@") {
            let userInfo = rest[..<at]
            rest = rest[rest.index(after: at)...]
            if let colon = userInfo.firstIndex(of: ":") {
                user = String(userInfo[..<colon])
                password = String(userInfo[userInfo.index(after: colon)...]).removingPercentEncoding
            } else {
                user = String(userInfo)
            }
        }
        var query = ""
        if let mark = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: mark)...])
            rest = rest[..<mark]
        }
        var database = ""
        if let slash = rest.firstIndex(of: "/") {
            database = String(rest[rest.index(after: slash)...])
            rest = rest[..<slash]
        }
        var host = String(rest)
        var port = 5432
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            let after = host[host.index(after: close)...]
            if after.hasPrefix(":") {
                guard let number = Int(after.dropFirst()), (1...65535).contains(number) else {
                    return .failure(Problem(Message.pgBadPort(["port": String(after.dropFirst())])))
                }
                port = number
            }
            host = String(host[host.index(after: host.startIndex)..<close])
        } else if let colon = host.lastIndex(of: ":") {
            let text = host[host.index(after: colon)...]
            guard let number = Int(text), (1...65535).contains(number) else {
                return .failure(Problem(Message.pgBadPort(["port": String(text)])))
            }
            port = number
            host = String(host[..<colon])
        }
        guard let user = user.removingPercentEncoding, !user.isEmpty else {
            return .failure(Problem(Message.pgNoUser()))
        }
        guard let host = host.removingPercentEncoding, !host.isEmpty else {
            return .failure(Problem(Message.pgNoHost()))
        }
        guard let database = database.removingPercentEncoding, !database.isEmpty else {
            return .failure(Problem(Message.pgNoDatabase()))
        }
        var sslMode = SSLMode.prefer
        for pair in query.split(separator: "&") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            let key = parts[0]
            let value = parts.count > 1 ? parts[1] : ""
            switch key {
            case "sslmode":
                // libpq's `allow` tries without TLS first; Loa takes it as `prefer`.
                guard let mode = value == "allow" ? .prefer : SSLMode(rawValue: value) else {
                    return .failure(
                        Problem(Message.pgBadSSLMode(["value": value]))
                    )
                }
                sslMode = mode
            default:
                return .failure(Problem(Message.pgUnknownParameter(["key": key])))
            }
        }
        return .success(
            (PostgresLocation(user: user, host: host, port: port, database: database, sslMode: sslMode), password)
        )
    }

    /// Why a URL cannot be used, as the rest of a sentence about it.
    public struct Problem: Error, Sendable, Equatable {
        public var message: String
        init(_ message: String) { self.message = message }
    }
}
