import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The tokens a `zalo-oa` channel holds between runs: Zalo's refresh token works once, so each refresh hands out a
/// new one that Loa must keep, and the one in the credentials file is only the first.
///
/// They live in `credentials.d/<channel id>.json` beside the credentials file (the same folder, the same care:
/// mode 0600, in a folder of mode 0700), never in loa.yml, the archive, the output or the logs. Each write is a
/// whole new file, synced and renamed over the old one, and the folder synced after it, so a crash leaves the old
/// pair or the new one, never half of each.
public struct ZaloTokenStore: Sendable {
    /// The file.
    public let file: URL

    public init(file: URL) {
        self.file = file
    }

    /// `credentials.d/<channel>.json` in the folder of the credentials file (`<name>.d` for another name).
    public static func file(channel: String, credentials: URL) -> URL {
        credentials.deletingLastPathComponent()
            .appendingPathComponent(credentials.lastPathComponent + ".d")
            .appendingPathComponent("\(channel).json")
    }

    /// What the file holds.
    public struct State: Codable, Sendable, Equatable {
        /// The access token and when it stops working.
        public var accessToken: String?
        public var accessExpiresAt: Date?
        /// The refresh token to use next, and when Zalo issued it (or when Loa first used it, for the one from the
        /// credentials file): it works once, for about three months.
        public var refreshToken: String
        public var refreshIssuedAt: Date
        /// A fingerprint of the `refresh_token` loa.yml named when this state began: when loa.yml names another one,
        /// a person put in a new token, which then wins over what is kept here.
        public var seed: String
        /// Set just before a refresh is asked for, cleared once its answer is kept: still set on the next run, it
        /// says that run was stopped while Zalo may have been handing out new tokens.
        public var refreshingSince: Date?

        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token"
            case accessExpiresAt = "access_expires_at"
            case refreshToken = "refresh_token"
            case refreshIssuedAt = "refresh_issued_at"
            case seed
            case refreshingSince = "refreshing_since"
        }
    }

    /// How long a refresh token lives unused: about three months.
    public static let refreshLifetime: TimeInterval = 90 * 86_400
    /// How long before that `loa check` warns.
    public static let warningBefore: TimeInterval = 14 * 86_400

    /// The fingerprint of a refresh token as ``State/seed`` keeps it (never the token itself).
    public static func seed(of token: Secret) -> String {
        Hex.string(SHA256.hash(data: Data(token.reveal().utf8)).prefix(16))
    }

    /// The state in the file; nil when there is no file yet.
    public func read() throws(FileProblem) -> State? {
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw FileProblem("cannot read '\(DisplayPath.of(file))': \(FileProblem.reason(of: error))")
        }
        do {
            return try Self.decoder.decode(State.self, from: data)
        } catch {
            throw FileProblem("'\(DisplayPath.of(file))' is not the token file Loa writes (damaged or edited)")
        }
    }

    /// Replaces the file with `state`, durably, before anything uses it.
    public func write(_ state: State) throws(FileProblem) {
        let folder = file.deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: folder.path) {
            guard mkdir(folder.path, 0o700) == 0 || errno == EEXIST else {
                throw FileProblem(
                    "cannot make the folder '\(DisplayPath.of(folder))': \(FileProblem.reason(errno: errno))"
                )
            }
        }
        let data: Data
        do {
            data = try Self.encoder.encode(state)
        } catch {
            throw FileProblem("cannot write '\(DisplayPath.of(file))': the tokens could not be encoded")
        }
        try AtomicFile.write(data + Data("\n".utf8), to: file, mode: 0o600)
        // The rename is only durable once the folder's entry is on disk.
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if descriptor >= 0 {
            fsync(descriptor)
            close(descriptor)
        }
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    /// `loa check`'s word on a channel's kept tokens: a warning from 14 days before an unused refresh token
    /// expires, and what a run stopped mid-refresh left behind.
    public static func diagnostics(for channel: Channel, configFile: String, now: Date, timeZone: TimeZone)
        -> [Diagnostic]
    {
        guard channel.transport == .zaloOA, let file = channel.tokenFile else { return [] }
        let field = "channels.\(channel.id).refresh_token"
        func diagnostic(_ severity: Diagnostic.Severity, _ message: String, hint: String?) -> Diagnostic {
            Diagnostic(
                severity,
                area: .configuration,
                file: configFile,
                line: channel.line,
                field: field,
                message: message,
                hint: hint
            )
        }
        let state: State?
        do {
            state = try ZaloTokenStore(file: file).read()
        } catch {
            return [
                diagnostic(
                    .error,
                    Message.diagZaloTokenFileUnreadable(["file": DisplayPath.of(file), "problem": error.description]),
                    hint: Message.diagZaloTokenHint()
                )
            ]
        }
        // A new token in the credentials file starts afresh: what is kept belongs to the old one.
        guard let state, let configured = channel.refreshToken, state.seed == seed(of: configured) else { return [] }
        var found: [Diagnostic] = []
        let dates = LocalDateFormat(timeZone: timeZone)
        if let since = state.refreshingSince {
            found.append(
                diagnostic(
                    .warning,
                    Message.diagZaloTokenLost(["when": dates.dayAndTime(since)]),
                    hint: Message.diagZaloTokenHint()
                )
            )
        }
        let expires = state.refreshIssuedAt.addingTimeInterval(refreshLifetime)
        let values = ["issued": dates.day(state.refreshIssuedAt), "expires": dates.day(expires)]
        if expires <= now {
            found.append(diagnostic(.warning, Message.diagZaloTokenExpired(values), hint: Message.diagZaloTokenHint()))
        } else if expires.timeIntervalSince(now) <= warningBefore {
            found.append(diagnostic(.warning, Message.diagZaloTokenExpiring(values), hint: Message.diagZaloTokenHint()))
        }
        return found
    }
}
