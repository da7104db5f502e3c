import Foundation
import Testing

@testable import Loa

@Suite("Bot API answers (Telegram, Zalo bot), and the caption rule")
struct BotAnswerTests {
    static func answer(_ status: Int, _ body: String, error: TransportError? = nil) -> BotAnswer {
        BotAnswer(
            HTTPResponse(status: status, body: Data(body.utf8), error: error),
            platform: "Telegram",
            chat: "@tuoitrecantho"
        )
    }

    @Test("ok answers are published, with the message id of a message or of an album's first")
    func published() {
        let one = Self.answer(200, #"{"ok":true,"result":{"message_id":42,"date":1}}"#)
        #expect(one.classify(publishing: true) == .published(id: "", url: nil))
        #expect(one.messageID == "42")
        let album = Self.answer(200, #"{"ok":true,"result":[{"message_id":7},{"message_id":8}]}"#)
        #expect(album.messageID == "7")
        let zalo = Self.answer(200, #"{"ok":true,"result":{"message_id":"a1b2"}}"#)
        #expect(zalo.messageID == "a1b2")
    }

    @Test("429 waits retry_after; migrate_to_chat_id names the new id; 403 says not an administrator")
    func failures() {
        let limited = Self.answer(
            429,
            #"{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 35","parameters":{"retry_after":35}}"#
        )
        guard case .notSent(_, let wait) = limited.classify(publishing: true) else {
            Issue.record("429 is not sent")
            return
        }
        #expect(wait == 35)
        let migrated = Self.answer(
            400,
            #"{"ok":false,"error_code":400,"description":"Bad Request: group chat was upgraded","parameters":{"migrate_to_chat_id":-1001234}}"#
        )
        guard case .refused(let reason) = migrated.classify(publishing: true) else {
            Issue.record("migrated is refused")
            return
        }
        #expect(reason.contains("chat_id: \"-1001234\""))
        let forbidden = Self.answer(403, #"{"ok":false,"error_code":403,"description":"Forbidden: bot was kicked"}"#)
        guard case .refused(let why) = forbidden.classify(publishing: true) else {
            Issue.record("403 is refused")
            return
        }
        #expect(why.contains("the bot is not an administrator of @tuoitrecantho"))
        #expect(why.contains("Forbidden: bot was kicked"))
    }

    @Test("a 5xx, an answer that is not JSON, or none: unknown when posting, not sent when reading")
    func uncertain() {
        for answer in [
            Self.answer(502, "<html>Bad Gateway</html>"),
            Self.answer(500, #"{"ok":false,"error_code":500,"description":"Internal Server Error"}"#),
            Self.answer(0, "", error: TransportError(.timeout, "timed out")),
        ] {
            guard case .unknown = answer.classify(publishing: true) else {
                Issue.record("\(answer.errorText) is unknown when posting")
                continue
            }
            guard case .notSent = answer.classify(publishing: false) else {
                Issue.record("\(answer.errorText) is not sent when reading")
                continue
            }
        }
        let neverLeft = Self.answer(0, "", error: TransportError(.other, "refused", requestMayHaveLeft: false))
        guard case .notSent = neverLeft.classify(publishing: true) else {
            Issue.record("a request that never left is not sent")
            return
        }
    }

    @Test("a caption fits by UTF-16 code units: 1,024, not one more")
    func caption() {
        #expect(TelegramTransport.fitsCaption(String(repeating: "a", count: 1_024)))
        #expect(!TelegramTransport.fitsCaption(String(repeating: "a", count: 1_025)))
        // 512 emoji are 512 characters but 1,024 code units; one more does not fit.
        #expect(TelegramTransport.fitsCaption(String(repeating: "😀", count: 512)))
        #expect(!TelegramTransport.fitsCaption(String(repeating: "😀", count: 512) + "a"))
    }

    @Test("the address Loa keeps has no token; the one libcurl gets has it")
    func addresses() {
        var channel = Channel(id: "tg", platform: .telegram, transport: .telegram, token: Secret("123:ABCsecret"))
        channel.chatID = "@kenh"
        let api = BotAPI(channel: channel)
        #expect(api.shown("sendMessage").absoluteString == "https://api.telegram.org/bot***/sendMessage")
        #expect(api.endpoint("sendMessage").absoluteString == "https://api.telegram.org/bot123:ABCsecret/sendMessage")
        channel.transport = .zaloBot
        #expect(
            BotAPI(channel: channel).shown("getMe").absoluteString == "https://bot-api.zaloplatforms.com/bot***/getMe"
        )
        #expect(TelegramTransport(channel: channel).address(of: "9") == "https://t.me/kenh/9")
        channel.chatID = "-1001234567890"
        #expect(TelegramTransport(channel: channel).address(of: "9") == "https://t.me/c/1234567890/9")
    }
}
