import Foundation

extension OnlineCheck {
    /// A `telegram` channel: the token works (`getMe`), and the bot may post in the chat (`getChatMember` of the
    /// bot itself: the chat's creator, an administrator allowed to post, or a member of a group not barred from
    /// sending). A `zalo-bot` channel: the token works (`getMe`); Zalo offers no way to ask about a chat.
    func checkBot(_ channel: Channel, configFile: String, client: DirectClient, into report: inout Report) {
        let redact = Redactor(channels: [channel])
        let api = BotAPI(channel: channel)
        let chat = channel.chatID ?? ""
        func problem(_ field: String, _ message: String, hint: String) {
            report.diagnostics.append(
                Diagnostic(
                    area: .configuration,
                    file: configFile,
                    line: channel.line,
                    field: "channels.\(channel.id).\(field)",
                    message: redact(message),
                    hint: hint
                )
            )
        }
        let me = BotAnswer(client.send(api.request("getMe")), platform: api.platformName, chat: chat)
        guard me.ok, let bot = me.result as? [String: Any] else {
            if me.errorCode == 401 || me.errorCode == 404 || me.response.status == 401 {
                problem(
                    "token",
                    "the token does not work: \(me.errorText)",
                    hint: channel.transport == .telegram
                        ? "ask @BotFather for the bot's token (/token) and put it in the credentials file"
                        : "copy the bot's token from Zalo's bot creator into the credentials file"
                )
            } else {
                problem(
                    "token",
                    "cannot ask \(api.platformName) about the bot: \(me.errorText)",
                    hint: "check the network and api_base, then try again"
                )
            }
            return
        }
        let name =
            (bot["username"] as? String).map { "@\($0)" } ?? (bot["account_name"] as? String)
            ?? (bot["display_name"] as? String) ?? (bot["first_name"] as? String) ?? "the bot"
        guard channel.transport == .telegram else {
            report.ready.append("\(channel.id): a working Zalo bot token for \(redact(name))")
            return
        }
        let botID = (bot["id"] as? NSNumber)?.stringValue ?? ""
        let member = BotAnswer(
            client.send(api.request("getChatMember", json: ["chat_id": chat, "user_id": Int(botID) ?? 0])),
            platform: api.platformName,
            chat: chat
        )
        let add = "add \(name) to \(chat) as an administrator allowed to post messages"
        guard member.ok, let rights = member.result as? [String: Any] else {
            problem("chat_id", "cannot see \(chat) as \(name): \(member.errorText)", hint: "check chat_id, then " + add)
            return
        }
        let status = rights["status"] as? String ?? ""
        let mayPost: Bool
        switch status {
        case "creator": mayPost = true
        case "administrator": mayPost = (rights["can_post_messages"] as? Bool) ?? true
        case "member": mayPost = true
        case "restricted": mayPost = (rights["can_send_messages"] as? Bool) ?? false
        default: mayPost = false
        }
        guard mayPost else {
            let why =
                status == "administrator"
                ? "is an administrator without the right to post messages"
                : "is '\(status)' there, not an administrator"
            problem("chat_id", "\(name) \(why) in \(chat)", hint: add)
            return
        }
        report.ready.append("\(channel.id): \(redact(name)) may post in \(chat) (\(status))")
    }
}
