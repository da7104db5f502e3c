import Foundation

/// How Loa talks to a Telegram-like bot API: the Telegram Bot API for `telegram` channels, the Zalo Bot Platform
/// for `zalo-bot` channels. Both put the bot's token in the address (`{api_base}/bot<TOKEN>/<method>`), so every
/// address Loa keeps or shows is ``shown(_:)``, with the token masked; the redactor masks it in answers too.
struct BotAPI: Sendable {
    let channel: Channel

    /// The default `api_base` of a Telegram channel.
    static let telegramHost = "https://api.telegram.org"
    /// The default `api_base` of a Zalo bot channel.
    static let zaloBotHost = "https://bot-api.zaloplatforms.com"

    /// The platform's name, for messages.
    var platformName: String { channel.transport == .zaloBot ? "Zalo" : "Telegram" }

    private var base: String {
        let text =
            channel.apiBase?.absoluteString ?? (channel.transport == .zaloBot ? Self.zaloBotHost : Self.telegramHost)
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }

    /// The address of a method, token included: only ever handed to libcurl.
    func endpoint(_ method: String) -> URL {
        let token = channel.token?.reveal() ?? ""
        // A bot token is digits, `:` and URL-safe letters; anything else is percent-encoded, `:` kept as is.
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:")
        let encoded = token.addingPercentEncoding(withAllowedCharacters: allowed) ?? token
        // A checked `api_base` plus a path: always a URL.
        return URL(string: "\(base)/bot\(encoded)/\(method)") ?? URL(fileURLWithPath: "/")
    }

    /// The address of a method as Loa keeps and shows it: `bot***` for the token (`••••••` would be
    /// percent-encoded in an address).
    func shown(_ method: String) -> URL {
        URL(string: "\(base)/bot***/\(method)") ?? URL(fileURLWithPath: "/")
    }

    /// A JSON request to a method.
    func request(_ method: String, json: [String: Any]) -> HTTPRequest {
        let body = (try? JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])) ?? Data("{}".utf8)
        return request(method, contentType: "application/json", body: body)
    }

    func request(_ method: String, contentType: String? = nil, body: Data = Data()) -> HTTPRequest {
        var headers: [(name: String, value: String)] = [("Accept", "application/json")]
        if let contentType { headers.append(("Content-Type", contentType)) }
        return HTTPRequest(
            method: body.isEmpty && contentType == nil ? .get : .post,
            url: endpoint(method),
            headers: headers,
            body: body,
            timeout: channel.timeout,
            group: channel.id,
            groupLimit: 1
        )
    }
}

/// What an answer of a Telegram-like bot API means: `{"ok": true, "result": …}`, or
/// `{"ok": false, "error_code": …, "description": …, "parameters": {"retry_after", "migrate_to_chat_id"}}`.
///
/// 429 waits `retry_after` seconds; 400 with `migrate_to_chat_id` names the new id; 401 is a token that does not
/// work; 403 is a bot that is not an administrator (or was removed); other 4xx are refused. A 5xx, an answer that
/// is not JSON, or none at all, to a request that posts, may hide a post that went out: unknown.
struct BotAnswer {
    let object: [String: Any]?
    let response: HTTPResponse
    let platform: String
    let chat: String

    init(_ response: HTTPResponse, platform: String, chat: String) {
        self.response = response
        self.platform = platform
        self.chat = chat
        object =
            response.body.isEmpty ? nil : (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]
    }

    var ok: Bool { (object?["ok"] as? Bool) == true }
    var result: Any? { object?["result"] }
    var errorCode: Int? { (object?["error_code"] as? NSNumber)?.intValue }
    var parameters: [String: Any]? { object?["parameters"] as? [String: Any] }

    /// The platform's own words, for a person.
    var errorText: String {
        guard let object else {
            let excerpt = String(decoding: response.body.prefix(160), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\n", with: " ")
            return Message.platformAnswered(["platform": platform, "status": "\(response.status)"])
                + (excerpt.isEmpty ? "" : Message.platformNotJSON(["excerpt": excerpt]))
        }
        let description =
            (object["description"] as? String) ?? (object["message"] as? String) ?? Message.platformNoDescription()
        return Message.platformAnswered(["platform": platform, "status": "\(response.status)"])
            + (errorCode.map { " (error \($0))" } ?? "") + ": \(description)"
    }

    /// The message id of a `result` that is a message, or the first of a list of messages.
    var messageID: String? {
        let message = (result as? [String: Any]) ?? (result as? [[String: Any]])?.first
        guard let id = message?["message_id"] else { return nil }
        if let number = id as? NSNumber { return number.stringValue }
        return id as? String
    }

    func classify(publishing: Bool) -> DirectOutcome {
        if let failure = response.error {
            if !failure.requestMayHaveLeft {
                return .notSent(reason: Message.platformDidNotLeave(["problem": failure.message]), notBefore: nil)
            }
            let reason = Message.platformIncomplete(["kind": failure.kind.rawValue, "problem": failure.message])
            return publishing ? .unknown(reason: reason) : .notSent(reason: reason, notBefore: nil)
        }
        guard let object, (object["ok"] as? Bool) != nil else {
            return publishing ? .unknown(reason: errorText) : .notSent(reason: errorText, notBefore: nil)
        }
        if ok { return .published(id: "", url: nil) }
        let code = errorCode ?? response.status
        if code == 429 {
            let wait = (parameters?["retry_after"] as? NSNumber)?.doubleValue
            return .notSent(reason: Message.platformRateLimited(["reason": errorText]), notBefore: wait ?? 60)
        }
        if let migrated = parameters?["migrate_to_chat_id"] as? NSNumber {
            return .refused(
                reason: Message.botMigrated(["chat": chat, "id": migrated.stringValue, "reason": errorText])
            )
        }
        if code == 401 {
            return .refused(
                reason: (platform == "Zalo" ? Message.botTokenDeadZalo : Message.botTokenDeadTelegram)([
                    "reason": errorText
                ])
            )
        }
        if code == 403 {
            return .refused(
                reason: Message.botNotAdmin(["chat": chat, "reason": errorText])
            )
        }
        if code >= 500 || response.status >= 500 {
            return publishing ? .unknown(reason: errorText) : .notSent(reason: errorText, notBefore: nil)
        }
        return .refused(reason: errorText)
    }
}
