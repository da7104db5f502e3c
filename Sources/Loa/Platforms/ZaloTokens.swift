import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Hands a `zalo-oa` channel a working access token, renewing it with the refresh token when less than an hour
/// is left, when there is none, or when Zalo said it is invalid.
///
/// Zalo's refresh token works once: each renewal answers a new access token (`expires_in` is a string of seconds,
/// about 25 hours) and a new refresh token, and the old one is dead. So the new pair is written to the channel's
/// token file (``ZaloTokenStore``) before the access token is used, and a renewal is marked in the file before it is
/// asked for. A run killed after Zalo answered and before the write loses the only valid refresh token: nothing
/// can prevent that (Zalo cannot be asked to hand it out again), so the mark lets the next run and `loa check` say
/// exactly what happened and what to do (put a new refresh token in the credentials file, which then wins over the
/// file: docs/decisions.md, "Zalo OA tokens").
struct ZaloTokens {
    let channel: Channel
    let client: DirectClient
    /// The real clock: Zalo's token lifetimes run in real time, whatever `--now` says.
    var now: () -> Date = { Date() }

    /// Renew when less than this is left.
    static let renewBefore: TimeInterval = 60 * 60
    /// What Loa assumes when Zalo's answer has no `expires_in`: the 25 hours it documents.
    static let defaultLifetime: TimeInterval = 90_000

    /// Why no access token could be had.
    enum Failure: Error, Equatable {
        /// A person must act: the refresh token was refused, or the token file cannot be used.
        case credentials(String)
        /// Worth trying again later: Zalo could not be reached, or answered in a way that says nothing.
        case notNow(String)
    }

    var store: ZaloTokenStore? { channel.tokenFile.map(ZaloTokenStore.init(file:)) }

    /// The tokens kept in the file, to mask wherever an answer could echo them.
    var keptSecrets: [String] {
        guard let state = try? store?.read() else { return [] }
        return [state.refreshToken, state.accessToken].compactMap { $0 }
    }

    /// The state to start from: the file's, unless loa.yml names a refresh token other than the one it began with.
    func current() throws(Failure) -> ZaloTokenStore.State {
        guard let store, let configured = channel.refreshToken else {
            throw .credentials(Message.zaloNoRefreshToken())
        }
        let seed = ZaloTokenStore.seed(of: configured)
        let kept: ZaloTokenStore.State?
        do {
            kept = try store.read()
        } catch {
            throw .credentials(Message.zaloTokenFileUnusable(["problem": error.description]))
        }
        if let kept, kept.seed == seed { return kept }
        return ZaloTokenStore.State(refreshToken: configured.reveal(), refreshIssuedAt: now(), seed: seed)
    }

    /// A working access token: the kept one while more than ``renewBefore`` is left (unless `renewing`), else a
    /// renewed one, written down before it is returned.
    func accessToken(renewing: Bool = false) -> Result<String, Failure> {
        do {
            var state = try current()
            if !renewing, let token = state.accessToken, let expires = state.accessExpiresAt,
                expires.timeIntervalSince(now()) > Self.renewBefore
            {
                return .success(token)
            }
            state = try renew(state)
            return .success(state.accessToken ?? "")
        } catch {
            return .failure(error)
        }
    }

    /// Asks Zalo for a new pair with `state`'s refresh token and keeps it; returns the new state.
    func renew(_ state: ZaloTokenStore.State) throws(Failure) -> ZaloTokenStore.State {
        guard let store else { throw .credentials(Message.zaloNoTokenFile()) }
        let stoppedBefore = state.refreshingSince
        var marked = state
        marked.refreshingSince = now()
        try keep(marked, in: store)
        let response = client.send(ZaloOAAPI(channel: channel).refreshRequest(refreshToken: state.refreshToken))
        Self.pauseForTests()
        let object =
            response.body.isEmpty ? nil : (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]
        if let access = object?["access_token"] as? String, !access.isEmpty,
            let refresh = object?["refresh_token"] as? String, !refresh.isEmpty
        {
            let lifetime = Self.seconds(object?["expires_in"]) ?? Self.defaultLifetime
            var renewed = state
            renewed.accessToken = access
            renewed.accessExpiresAt = now().addingTimeInterval(lifetime)
            renewed.refreshToken = refresh
            renewed.refreshIssuedAt = now()
            renewed.refreshingSince = nil
            do {
                try store.write(renewed)
            } catch {
                throw .credentials(Message.zaloTokensNotKept(["problem": error.description]))
            }
            return renewed
        }
        let answer = ZaloAnswer(response)
        if response.error != nil || response.status >= 500 || object == nil {
            // The request may have reached Zalo and used the token: the mark stays, for the next run to tell.
            throw .notNow(
                Message.zaloRenewing(["reason": Redactor(secrets: [state.refreshToken])(answer.errorText)])
            )
        }
        // Zalo answered in words: it refused this refresh token, so nothing was handed out.
        var refused = state
        refused.refreshingSince = stoppedBefore
        try keep(refused, in: store)
        let words = Redactor(secrets: [state.refreshToken])(
            (object?["error_description"] as? String) ?? (object?["message"] as? String)
                ?? (object?["error_name"] as? String) ?? Message.zaloNoReason()
        )
        let lost =
            stoppedBefore.map { since in
                Message.zaloTokenLostInRun(["when": LocalDateFormat(timeZone: Self.vietnam).dayAndTime(since)])
            } ?? ""
        throw .credentials(
            answer.code.map { Message.zaloRefreshRefusedCode(["code": "\($0)", "reason": words, "lost": lost]) }
                ?? Message.zaloRefreshRefused(["reason": words, "lost": lost])
        )
    }

    private func keep(_ state: ZaloTokenStore.State, in store: ZaloTokenStore) throws(Failure) {
        do {
            try store.write(state)
        } catch {
            throw .credentials(Message.zaloTokenFileNeeded(["problem": error.description]))
        }
    }

    private static let vietnam = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? .current

    /// `expires_in`: a string of seconds ("90000"), or a number.
    static func seconds(_ value: Any?) -> TimeInterval? {
        if let number = value as? NSNumber { return number.doubleValue }
        if let text = value as? String, let seconds = Double(text.trimmingCharacters(in: .whitespaces)) {
            return seconds
        }
        return nil
    }

    /// For the test of a run killed between Zalo's answer and the write: with
    /// `LOA_TEST_PAUSE_AFTER_TOKEN_ANSWER=FILE`, the run writes FILE and stops itself (SIGSTOP) right after Zalo
    /// answered a renewal, once; the test kills it there. It never goes on: a continue from anything else (a
    /// stray SIGCONT) stops it again, so the window is the one the test means to kill in.
    private static func pauseForTests() {
        guard let marker = ProcessInfo.processInfo.environment["LOA_TEST_PAUSE_AFTER_TOKEN_ANSWER"], !marker.isEmpty,
            !FileManager.default.fileExists(atPath: marker)
        else { return }
        _ = FileManager.default.createFile(atPath: marker, contents: Data("\(getpid())\n".utf8))
        while true { kill(getpid(), SIGSTOP) }
    }
}
