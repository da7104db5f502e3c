import Foundation

extension ConfigurationLoader {
    /// A `chat_id`: `@channelname`, a numeric id such as `-1001234567890`, or a Zalo chat's id (letters and digits).
    func readChatID(_ field: YAMLReader.Entry, _ reader: inout YAMLReader) -> String? {
        guard let text = reader.string(field)?.trimmingCharacters(in: .whitespaces) else { return nil }
        let body = text.hasPrefix("@") || text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            reader.report(
                at: field.value,
                field: field.field,
                Message.cfgNotChatID(["text": text]),
                hint: Message.cfgNotChatIDHint()
            )
            return nil
        }
        return text
    }

    /// What a `telegram` or `zalo-bot` channel needs besides what every channel has: its platform, a chat and
    /// a bot token.
    func checkBot(
        _ channel: Channel,
        entry: YAMLReader.Entry,
        platform: Platform,
        chatEntry: YAMLReader.Entry?,
        _ reader: inout YAMLReader
    ) {
        let telegram = channel.transport == .telegram
        let expected: Platform = telegram ? .telegram : .zalo
        if platform != expected {
            reader.report(
                at: entry.keyNode,
                field: "\(entry.field).platform",
                Message.cfgPlatformFor([
                    "platform": platform.rawValue, "transport": channel.transport.rawValue,
                    "service": telegram ? "Telegram" : "Zalo",
                ]),
                hint: Message.cfgWritePlatform(["platform": expected.rawValue])
            )
        }
        if chatEntry == nil {
            reader.report(
                at: entry.keyNode,
                field: "\(entry.field).chat_id",
                Message.cfgMissingChat(["transport": channel.transport.rawValue]),
                hint: telegram
                    ? Message.cfgMissingChatTelegramHint() : Message.cfgMissingChatZaloHint(["channel": channel.id])
            )
        }
        if channel.token == nil {
            reader.report(
                at: entry.keyNode,
                field: "\(entry.field).token",
                Message.cfgMissingBotToken(["transport": channel.transport.rawValue]),
                hint: (telegram ? Message.cfgBotTokenTelegramHint : Message.cfgBotTokenZaloHint)([
                    "name": Self.tokenName(for: channel.id)
                ])
            )
        }
    }
}
