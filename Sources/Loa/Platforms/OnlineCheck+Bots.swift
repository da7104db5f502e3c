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
                    Message.onlineTokenFails(["reason": me.errorText]),
                    hint: channel.transport == .telegram
                        ? Message.onlineBotFatherHint() : Message.onlineZaloBotHint()
                )
            } else {
                problem(
                    "token",
                    Message.onlineCannotAskBot(["service": api.platformName, "reason": me.errorText]),
                    hint: Message.onlineCheckNetwork()
                )
            }
            return
        }
        let name =
            (bot["username"] as? String).map { "@\($0)" } ?? (bot["account_name"] as? String)
            ?? (bot["display_name"] as? String) ?? (bot["first_name"] as? String) ?? Message.onlineTheBot()
        guard channel.transport == .telegram else {
            report.ready.append(Message.onlineZaloReady(["channel": channel.id, "name": redact(name)]))
            return
        }
        let botID = (bot["id"] as? NSNumber)?.stringValue ?? ""
        let member = BotAnswer(
            client.send(api.request("getChatMember", json: ["chat_id": chat, "user_id": Int(botID) ?? 0])),
            platform: api.platformName,
            chat: chat
        )
        let add = Message.onlineAddAdmin(["name": name, "chat": chat])
        guard member.ok, let rights = member.result as? [String: Any] else {
            problem(
                "chat_id",
                Message.onlineCannotSeeChat(["chat": chat, "name": name, "reason": member.errorText]),
                hint: Message.onlineCheckChatID(["add": add])
            )
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
            let words = ["name": name, "chat": chat, "status": status]
            problem(
                "chat_id",
                status == "administrator" ? Message.onlineAdminNoPost(words) : Message.onlineNotAdmin(words),
                hint: add
            )
            return
        }
        report.ready.append(
            Message.onlineBotReady(["channel": channel.id, "name": redact(name), "chat": chat, "status": status])
        )
    }
}
