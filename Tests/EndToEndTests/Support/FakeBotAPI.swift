import Foundation

/// A fake Telegram-like bot API on 127.0.0.1 (the Telegram Bot API, or the Zalo Bot Platform, which copies its
/// shape), answering as the real one does, failures included, scripted per test.
///
/// It serves `/bot<TOKEN>/<method>` for `sendMessage` (JSON), `sendPhoto` (multipart upload or JSON with an
/// address), `sendMediaGroup` (multipart, `media` naming `attach://` parts), `getMe`, `getChatMember` and
/// `getUpdates`. A wrong token is answered 401 `{"ok":false,"error_code":401,"description":"Unauthorized"}`.
final class FakeBotAPI: @unchecked Sendable {
    enum Fault: Sendable {
        /// Answer this status and body without sending.
        case answer(status: Int, body: String)
        /// Send the message, then close the connection without a word.
        case ghostHangUp
        /// Send the message, then answer 502 with an HTML page.
        case ghost502
    }

    /// One message the fake's chat received.
    struct Message {
        var id: Int
        var chat: String
        var method: String
        var text: String?
        var caption: String?
        /// Each photo: an uploaded file's name, or the address given.
        var photos: [String]
        var parseMode: String?
    }

    private final class State: @unchecked Sendable {
        let lock = NSLock()
        var messages: [Message] = []
        var faults: [String: [Fault]] = [:]
        var memberStatus: [String: Any] = ["status": "administrator", "can_post_messages": true]
        var updates = "[]"
        var nextID = 100
    }

    let token: String
    private let state = State()
    private(set) var bridge: TestBridge!

    init(token: String) throws {
        self.token = token
        let state = self.state
        bridge = try TestBridge { [token] request, _ in Self.answer(request, token: token, state: state) }
    }

    var base: String { bridge.url("") }
    var messages: [Message] { state.lock.withLock { state.messages } }
    var requests: [TestBridge.Request] { bridge.received }
    func requests(_ method: String) -> [TestBridge.Request] { requests.filter { $0.path.hasSuffix("/\(method)") } }

    /// Faults for the next calls of `method`, in order.
    func fail(_ method: String, _ faults: Fault...) {
        state.lock.withLock { state.faults[method, default: []] += faults }
    }

    /// What `getChatMember` answers for the bot.
    func setMember(_ result: [String: Any]) { state.lock.withLock { state.memberStatus = result } }

    /// What `getUpdates` answers as `result` (JSON).
    func setUpdates(_ json: String) { state.lock.withLock { state.updates = json } }

    static func error(_ code: Int, _ description: String, parameters: String? = nil) -> String {
        #"{"ok":false,"error_code":\#(code),"description":"\#(description)""#
            + (parameters.map { #","parameters":\#($0)"# } ?? "") + "}"
    }

    private static func json(_ status: Int, _ body: String) -> TestBridge.Answer {
        .respond(status: status, headers: ["Content-Type": "application/json"], body: body)
    }

    /// The parts of a multipart body: name → (file name, text).
    static func parts(_ request: TestBridge.Request) -> [String: (file: String?, text: String)] {
        guard let type = request.headers["content-type"], let range = type.range(of: "boundary=") else { return [:] }
        let boundary = "--" + type[range.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        let body = String(decoding: request.body, as: UTF8.self)
        var result: [String: (file: String?, text: String)] = [:]
        for chunk in body.components(separatedBy: boundary) {
            guard let split = chunk.range(of: "\r\n\r\n") else { continue }
            let head = String(chunk[..<split.lowerBound])
            var value = String(chunk[split.upperBound...])
            if value.hasSuffix("\r\n") { value.removeLast() }
            func attribute(_ name: String) -> String? {
                guard let start = head.range(of: "\(name)=\"") else { return nil }
                return head[start.upperBound...].split(separator: "\"", maxSplits: 1).first.map(String.init)
            }
            if let name = attribute("name") { result[name] = (attribute("filename"), value) }
        }
        return result
    }

    private static func answer(_ request: TestBridge.Request, token: String, state: State) -> TestBridge.Answer {
        let parts = request.path.split(separator: "/").map(String.init)
        guard parts.count == 2, parts[0].removingPercentEncoding == "bot\(token)" else {
            return json(401, error(401, "Unauthorized"))
        }
        let method = parts[1].split(separator: "?").first.map(String.init) ?? parts[1]
        var fields: [String: String] = [:]
        var photos: [String] = []
        if request.headers["content-type"]?.hasPrefix("multipart/") == true {
            let multipart = Self.parts(request)
            for (name, part) in multipart {
                if let file = part.file { if name == "photo" { photos.append(file) } } else { fields[name] = part.text }
            }
            if let media = fields["media"],
                let items = try? JSONSerialization.jsonObject(with: Data(media.utf8)) as? [[String: String]]
            {
                for item in items {
                    let value = item["media"] ?? ""
                    if value.hasPrefix("attach://") {
                        photos.append(multipart[String(value.dropFirst(9))]?.file ?? "missing part \(value)")
                    } else {
                        photos.append(value)
                    }
                    if let caption = item["caption"] { fields["caption"] = caption }
                }
            }
            if let photo = fields["photo"] { photos.append(photo) }
        } else if let object = request.json {
            for (key, value) in object { fields[key] = (value as? String) ?? "\(value)" }
            if let photo = fields["photo"] { photos.append(photo) }
        }
        return state.lock.withLock {
            let fault = state.faults[method]?.isEmpty == false ? state.faults[method]?.removeFirst() : nil
            if case .answer(let status, let body) = fault { return json(status, body) }
            switch method {
            case "getMe":
                return json(
                    200,
                    #"{"ok":true,"result":{"id":7000000001,"is_bot":true,"first_name":"Tuổi trẻ Cần Thơ","username":"tuoitre_bot","account_name":"bot.tuoitre","display_name":"Bot Tuổi trẻ"}}"#
                )
            case "getChatMember":
                var member = state.memberStatus
                member["user"] = ["id": 7_000_000_001, "is_bot": true]
                let data = (try? JSONSerialization.data(withJSONObject: ["ok": true, "result": member])) ?? Data()
                return json(200, String(decoding: data, as: UTF8.self))
            case "getUpdates":
                return json(200, #"{"ok":true,"result":\#(state.updates)}"#)
            case "sendMessage", "sendPhoto", "sendMediaGroup":
                guard let chat = fields["chat_id"], !chat.isEmpty else {
                    return json(400, error(400, "Bad Request: chat_id is empty"))
                }
                if method == "sendMessage", (fields["text"] ?? "").utf16.count > 4096 {
                    return json(400, error(400, "Bad Request: message is too long"))
                }
                if (fields["caption"] ?? "").utf16.count > 1024 {
                    return json(400, error(400, "Bad Request: message caption is too long"))
                }
                let count = method == "sendMediaGroup" ? photos.count : 1
                var ids: [Int] = []
                for index in 0..<count {
                    state.nextID += 1
                    ids.append(state.nextID)
                    state.messages.append(
                        Message(
                            id: state.nextID,
                            chat: chat,
                            method: method,
                            text: fields["text"],
                            caption: index == 0 ? fields["caption"] : nil,
                            photos: method == "sendMediaGroup" ? [photos[index]] : photos,
                            parseMode: fields["parse_mode"]
                        )
                    )
                }
                switch fault {
                case .ghostHangUp: return .hangUp
                case .ghost502:
                    return .respond(
                        status: 502,
                        headers: ["Content-Type": "text/html"],
                        body: "<html>Bad Gateway</html>"
                    )
                default: break
                }
                let results = ids.map { #"{"message_id":\#($0),"date":1764550800,"chat":{"id":-1001234567890}}"# }
                return json(
                    200,
                    #"{"ok":true,"result":\#(method == "sendMediaGroup" ? "[" + results.joined(separator: ",") + "]" : results[0])}"#
                )
            default:
                return json(404, error(404, "Not Found: method not found"))
            }
        }
    }
}
