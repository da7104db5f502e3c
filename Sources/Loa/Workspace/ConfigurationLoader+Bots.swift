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
                "'\(text)' is not a chat id; expected @channelname, a number such as \"-1001234567890\", or the id "
                    + "`loa zalo-bot chats` shows",
                hint: "write it in quotes: chat_id: \"@tuoitrecantho\""
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
                "is \(platform.rawValue); a \(channel.transport.rawValue) channel posts to "
                    + (telegram ? "Telegram" : "Zalo"),
                hint: "write `platform: \(expected.rawValue)`"
            )
        }
        if chatEntry == nil {
            reader.report(
                at: entry.keyNode,
                field: "\(entry.field).chat_id",
                "is missing; a \(channel.transport.rawValue) channel needs the chat it posts to",
                hint: telegram
                    ? "add `chat_id: \"@channelname\"` (a public channel's name) or its number, such as \"-1001234567890\""
                    : "add the group's id, as `loa zalo-bot chats --channel \(channel.id)` shows it"
            )
        }
        if channel.token == nil {
            reader.report(
                at: entry.keyNode,
                field: "\(entry.field).token",
                "is missing; a \(channel.transport.rawValue) channel posts with a bot token",
                hint: "add `token: ${\(Self.tokenName(for: channel.id))}` and put the token from "
                    + (telegram ? "@BotFather" : "Zalo's bot creator") + " in the credentials file"
            )
        }
    }
}
