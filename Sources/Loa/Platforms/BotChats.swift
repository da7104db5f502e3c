import Foundation

/// The chats a bot has seen, from `getUpdates`: what `loa zalo-bot chats` lists, so that a person can fill in a
/// `chat_id` without reading JSON. A bot sees a group once someone in it has written to it (on Zalo, mentioned
/// it). Telegram's update shape (`message`, `channel_post`, with `chat.type`) and Zalo's (`chat.chat_type`, an
/// update or a list of them) are both read.
public struct BotChats: Sendable {
    /// One chat the bot has seen.
    public struct Chat: Sendable, Equatable {
        public var id: String
        public var type: String
        public var title: String
    }

    public var exchange: any HTTPExchange

    public init(exchange: any HTTPExchange = CurlExchange()) {
        self.exchange = exchange
    }

    /// The chats in the bot's pending updates, each once, in the order first seen; or why they cannot be listed,
    /// the token masked.
    public func list(_ channel: Channel) -> Result<[Chat], BotChatsFailure> {
        let api = BotAPI(channel: channel)
        let redact = Redactor(channels: [channel])
        let answer = BotAnswer(
            DirectClient(exchange: exchange).send(api.request("getUpdates", json: ["timeout": 0])),
            platform: api.platformName,
            chat: channel.chatID ?? ""
        )
        guard answer.ok else { return .failure(BotChatsFailure(message: redact(answer.errorText))) }
        let updates = (answer.result as? [[String: Any]]) ?? (answer.result as? [String: Any]).map { [$0] } ?? []
        var chats: [Chat] = []
        for update in updates {
            let message =
                ["message", "channel_post", "edited_message", "my_chat_member"].lazy
                .compactMap { update[$0] as? [String: Any] }.first
            guard let chat = message?["chat"] as? [String: Any] else { continue }
            let id = (chat["id"] as? NSNumber)?.stringValue ?? (chat["id"] as? String) ?? ""
            guard !id.isEmpty, !chats.contains(where: { $0.id == id }) else { continue }
            let from = message?["from"] as? [String: Any]
            let title =
                (chat["title"] as? String) ?? (chat["display_name"] as? String) ?? (chat["username"] as? String)
                ?? (from?["display_name"] as? String) ?? (from?["first_name"] as? String) ?? ""
            let type = (chat["type"] as? String) ?? (chat["chat_type"] as? String) ?? "?"
            chats.append(Chat(id: redact(id), type: type.lowercased(), title: redact(VietnameseText.nfc(title))))
        }
        return .success(chats)
    }
}

/// Why a bot's chats could not be listed, in the platform's words.
public struct BotChatsFailure: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
