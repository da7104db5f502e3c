import Foundation
import GRDB
import Testing

/// The `telegram` transport and profile: the real `loa` against a fake Bot API on 127.0.0.1.
@Suite("Posting straight to a Telegram channel", .serialized)
struct TelegramTests {
    static let token = "7000000001:AAFakeTelegramBotToken_0123456789xyz"
    static let environment = ["LOA_TEST_TG_TOKEN": token]

    static func channel(_ bot: FakeBotAPI, chat: String = "@tuoitrecantho", extra: [String] = []) -> String {
        DirectChannelTesting.channel(
            "tg-doan",
            platform: "telegram",
            transport: "telegram",
            fields: ["chat_id: \"\(chat)\""],
            tokenVariable: "LOA_TEST_TG_TOKEN",
            apiBase: bot.base,
            extra: extra
        )
    }

    static func workspace(_ bot: FakeBotAPI, chat: String = "@tuoitrecantho") throws -> DeliveryWorkspace {
        try DeliveryWorkspace(channels: channel(bot, chat: chat))
    }

    static func run(_ workspace: DeliveryWorkspace, _ arguments: String...) throws -> LoaProcess.Output {
        try workspace.runAtNine(arguments, environment: environment)
    }

    static func announce(_ workspace: DeliveryWorkspace, _ id: String, body: String, extra: String = "") throws {
        try workspace.announceDue(id, body: body, extra: extra)
    }

    static func attempts(_ workspace: DeliveryWorkspace) throws -> [Row] {
        try workspace.attempts()
    }

    @Test("a text post is one sendMessage without a parse mode; <, & and _ arrive as written; id and t.me address")
    func textPost() throws {
        let bot = try FakeBotAPI(token: Self.token)
        let workspace = try Self.workspace(bot)
        let body = "Hội thi <Tuổi trẻ & Pháp luật> lần_2: đăng ký tại phòng 3 & 4."
        try Self.announce(workspace, "hoi-thi", body: body, extra: "hashtags: [Tuổi trẻ Cần Thơ, Pháp luật]")
        let run = try Self.run(workspace)
        #expect(run.status == 0, "\(run.all)")
        let request = try #require(bot.requests("sendMessage").first)
        let json = try #require(request.json)
        #expect(json["parse_mode"] == nil, "no parse mode: nothing is read as markup")
        #expect(json["chat_id"] as? String == "@tuoitrecantho")
        let text = try #require(json["text"] as? String)
        #expect(text.contains(body), "\(text)")
        #expect(text.contains("#TuoiTreCanTho #PhapLuat"), "hashtags in ASCII CamelCase: \(text)")
        #expect(bot.messages.count == 1)
        let delivery = try #require(try workspace.rows("SELECT * FROM deliveries").first)
        #expect(delivery["status"] as String == "sent")
        #expect(delivery["remote_id"] as String == "101")
        #expect(delivery["remote_url"] as String == "https://t.me/tuoitrecantho/101")
        let attempts = try Self.attempts(workspace)
        #expect(attempts.map { $0["outcome"] as String } == ["sent"])
        #expect(attempts.first?["url"] as String? == "\(bot.base)/bot***/sendMessage", "the token is not kept")
        #expect(try Self.run(workspace).status == 0)
        #expect(bot.requests("sendMessage").count == 1, "sent once")
    }

    @Test("a long post is cut to 4,096 UTF-16 code units at a grapheme, ending with … Xem thêm: <link>")
    func longPost() throws {
        let bot = try FakeBotAPI(token: Self.token)
        let workspace = try Self.workspace(bot)
        // Each 👍🏽 is one grapheme of four UTF-16 code units: a count by characters would overflow Telegram's.
        let body = String(repeating: "Thanh niên 👍🏽 tình nguyện. ", count: 300)
        try Self.announce(
            workspace,
            "dai",
            body: body,
            extra: "link: https://thanhdoancantho.example/tin/dai"
        )
        let run = try Self.run(workspace)
        #expect(run.status == 0, "\(run.all)")
        let text = try #require(bot.messages.first?.text)
        #expect(text.utf16.count <= 4096, "\(text.utf16.count)")
        #expect(text.utf16.count > 3500, "cut near the limit, not far below: \(text.utf16.count)")
        #expect(text.contains("… Xem thêm: https://thanhdoancantho.example/tin/dai"))
        #expect(!text.contains("\u{FFFD}"))
        let preview = try workspace.loa(["preview", "dai"], environment: Self.environment)
        #expect(preview.standardOutput.contains("── tg-doan · telegram · telegram · "), "\(preview.all)")
        #expect(preview.standardOutput.contains("/4096 characters · cut to fit"), "\(preview.all)")
    }

    @Test("one photo with a short text is one sendPhoto, the text as its caption; the photo uploaded")
    func photoWithCaption() throws {
        let bot = try FakeBotAPI(token: Self.token)
        let workspace = try Self.workspace(bot)
        try workspace.write("queue/images/tu-sach.jpg", data: TestImages.jpeg)
        try Self.announce(workspace, "anh", body: "Tủ sách thanh niên.", extra: "images: [images/tu-sach.jpg]")
        let run = try Self.run(workspace)
        #expect(run.status == 0, "\(run.all)")
        #expect(bot.requests("sendMessage").isEmpty)
        let message = try #require(bot.messages.first)
        #expect(message.method == "sendPhoto")
        #expect(message.photos == ["tu-sach.jpg"])
        #expect(message.caption?.contains("Tủ sách thanh niên.") == true)
        #expect(
            try workspace.rows("SELECT remote_url FROM deliveries").first?["remote_url"] as String?
                == "https://t.me/tuoitrecantho/101"
        )
    }

    @Test("a 1,500-character post with a photo: the photo, then the text; the post's id is the photo's")
    func photoThenText() throws {
        let bot = try FakeBotAPI(token: Self.token)
        let workspace = try Self.workspace(bot)
        try workspace.write("queue/images/a.jpg", data: TestImages.jpeg)
        let body = String(repeating: "Đoàn viên ra quân làm sạch bờ kè, ", count: 44)
        try Self.announce(workspace, "dai-anh", body: body, extra: "images: [images/a.jpg]")
        let run = try Self.run(workspace)
        #expect(run.status == 0, "\(run.all)")
        #expect(bot.messages.map(\.method) == ["sendPhoto", "sendMessage"])
        #expect(bot.messages.first?.caption == nil)
        #expect((bot.messages.last?.text?.utf16.count ?? 0) > 1024)
        let delivery = try #require(try workspace.rows("SELECT * FROM deliveries").first)
        #expect(delivery["remote_id"] as String == "101")
    }

    @Test("several photos are one album (sendMediaGroup), captioned when the text fits")
    func album() throws {
        let bot = try FakeBotAPI(token: Self.token)
        let workspace = try Self.workspace(bot)
        try workspace.write("queue/images/a.jpg", data: TestImages.jpeg)
        try workspace.write("queue/images/b.png", data: TestImages.png)
        try Self.announce(
            workspace,
            "album",
            body: "Ba ảnh.",
            extra: "images: [images/a.jpg, images/b.png, https://thanhdoancantho.example/c.jpg]"
        )
        let run = try Self.run(workspace)
        #expect(run.status == 0, "\(run.all)")
        #expect(bot.requests("sendMediaGroup").count == 1 && bot.requests("sendMessage").isEmpty)
        #expect(bot.messages.flatMap(\.photos) == ["a.jpg", "b.png", "https://thanhdoancantho.example/c.jpg"])
        #expect(bot.messages.first?.caption?.contains("Ba ảnh.") == true)
    }

    @Test("429 with retry_after: the next try waits at least that long")
    func retryAfter() throws {
        let bot = try FakeBotAPI(token: Self.token)
        bot.fail(
            "sendMessage",
            .answer(
                status: 429,
                body: FakeBotAPI.error(429, "Too Many Requests: retry after 2400", parameters: #"{"retry_after":2400}"#)
            )
        )
        let workspace = try Self.workspace(bot)
        try Self.announce(workspace, "cham", body: "Bài bị giới hạn.")
        let run = try Self.run(workspace)
        #expect(run.status == 0, "\(run.all)")
        let delivery = try #require(try workspace.rows("SELECT * FROM deliveries").first)
        #expect(delivery["status"] as String == "retrying")
        let now = try #require(ISO8601DateFormatter().date(from: Date.vietnam(9)))
        let next: Date = try #require(delivery["next_attempt_at"])
        #expect(next.timeIntervalSince(now) >= 2400, "\(next)")
        _ = try workspace.loa(["run", "--now", Date.vietnam(9, 30)], environment: Self.environment)
        #expect(bot.requests("sendMessage").count == 1, "not before retry_after")
        let later = try workspace.loa(["run", "--now", Date.vietnam(9, 41)], environment: Self.environment)
        #expect(later.status == 0, "\(later.all)")
        #expect(bot.messages.count == 1)
    }

    @Test("400 with migrate_to_chat_id fails naming the new id; 403 fails saying the bot is not an administrator")
    func refusals() throws {
        let bot = try FakeBotAPI(token: Self.token)
        bot.fail(
            "sendMessage",
            .answer(
                status: 400,
                body: FakeBotAPI.error(
                    400,
                    "Bad Request: group chat was upgraded to a supergroup chat",
                    parameters: #"{"migrate_to_chat_id":-1009876543210}"#
                )
            ),
            .answer(status: 403, body: FakeBotAPI.error(403, "Forbidden: bot is not a member of the channel chat"))
        )
        let workspace = try Self.workspace(bot)
        try Self.announce(workspace, "a-mot", body: "Bài một.")
        try Self.announce(workspace, "b-hai", body: "Bài hai.")
        let run = try Self.run(workspace)
        #expect(run.status == 1, "\(run.all)")
        #expect(run.all.contains("chat_id: \"-1009876543210\""), "\(run.all)")
        #expect(run.all.contains("the bot is not an administrator of @tuoitrecantho"), "\(run.all)")
        #expect(Set(try workspace.statuses().values) == ["failed"])
        #expect(bot.messages.isEmpty)
    }

    @Test("a lost answer cannot be looked for: unconfirmed, never sent again blindly; exit 1")
    func lostAnswer() throws {
        let bot = try FakeBotAPI(token: Self.token)
        bot.fail("sendMessage", .ghostHangUp)
        let workspace = try Self.workspace(bot)
        try Self.announce(workspace, "mat", body: "Bài mất câu trả lời.")
        let run = try Self.run(workspace)
        #expect(run.status == 1, "\(run.all)")
        #expect(run.all.contains("loa confirm mat"), "\(run.all)")
        #expect(try workspace.statuses().values.first == "unconfirmed")
        #expect(bot.messages.count == 1 && bot.requests("sendMessage").count == 1)
        let again = try Self.run(workspace)
        #expect(again.status == 0)
        #expect(bot.requests("sendMessage").count == 1, "a later run does not send it either")
    }

    @Test("the token is found nowhere: not in the archive, the outputs or the exports")
    func tokenNowhere() throws {
        let bot = try FakeBotAPI(token: Self.token)
        // The API echoes the token in its description, and the connection of a second post drops.
        bot.fail(
            "sendMessage",
            .answer(status: 400, body: FakeBotAPI.error(400, "Bad Request: bot\(Self.token) cannot do that")),
            .ghost502
        )
        let workspace = try Self.workspace(bot)
        try Self.announce(workspace, "a-mot", body: "Bài một.")
        try Self.announce(workspace, "b-hai", body: "Bài hai.")
        try Self.announce(workspace, "c-ba", body: "Bài ba.")
        var outputs = [try Self.run(workspace, "--verbose")]
        outputs.append(try workspace.loa(["status"], environment: Self.environment))
        outputs.append(try workspace.loa(["check"], environment: Self.environment))
        outputs.append(try workspace.loa(["export", "--format", "jsonl"], environment: Self.environment))
        outputs.append(try workspace.loa(["export", "--format", "csv"], environment: Self.environment))
        outputs.append(try workspace.loa(["check", "--online"], environment: ["LOA_TEST_TG_TOKEN": "0:wrong-token-x"]))
        #expect(bot.requests("sendMessage").count == 3)
        #expect(outputs[3].standardOutput.contains("tg-doan"), "the export has the channel's rows: \(outputs[3].all)")
        for output in outputs {
            #expect(!output.all.contains(Self.token), "\(output.all)")
            #expect(!output.all.contains("AAFakeTelegramBotToken"), "\(output.all)")
        }
        #expect(outputs[0].all.contains("bot••••••") || outputs[0].all.contains("cannot do that"), "\(outputs[0].all)")
        let archive = workspace.root.appendingPathComponent("archive")
        for file in try FileManager.default.contentsOfDirectory(atPath: archive.path) {
            let data = try Data(contentsOf: archive.appendingPathComponent(file))
            #expect(data.range(of: Data("AAFakeTelegramBotToken".utf8)) == nil, "\(file) holds the token")
        }
        let exports = try FileManager.default.subpathsOfDirectory(atPath: workspace.root.path)
            .filter { $0.hasSuffix(".csv") || $0.hasSuffix(".jsonl") || $0.hasSuffix(".xlsx") }
        for file in exports {
            let data = try Data(contentsOf: workspace.root.appendingPathComponent(file))
            #expect(data.range(of: Data("AAFakeTelegramBotToken".utf8)) == nil, "\(file) holds the token")
        }
        let stored = try workspace.rows("SELECT url, response_body, error_message FROM attempts")
        // Sends keep the address without the token; a look that cannot be made has none.
        let urls = stored.compactMap { $0["url"] as String? }
        #expect(urls.count == 3 && urls.allSatisfy { $0.contains("/bot***/") }, "\(urls)")
        #expect(stored.contains { ($0["response_body"] as String?)?.contains("bot••••••") == true })
    }

    @Test("loa check --online: the token works and the bot may post; a member without rights or a bad token is said")
    func checkOnline() throws {
        let bot = try FakeBotAPI(token: Self.token)
        let workspace = try Self.workspace(bot)
        let good = try workspace.loa(["check", "--online"], environment: Self.environment)
        #expect(good.status == 0, "\(good.all)")
        #expect(
            good.standardOutput.contains("online: tg-doan: @tuoitre_bot may post in @tuoitrecantho (administrator)"),
            "\(good.all)"
        )
        #expect(bot.requests("getChatMember").first?.json?["user_id"] as? Int == 7_000_000_001)
        bot.setMember(["status": "administrator", "can_post_messages": false])
        let noRight = try workspace.loa(["check", "--online"], environment: Self.environment)
        #expect(noRight.status == 2, "\(noRight.all)")
        #expect(
            noRight.standardOutput.contains(
                "channels.tg-doan.chat_id: @tuoitre_bot is an administrator without the right to post messages"
            ),
            "\(noRight.all)"
        )
        bot.setMember(["status": "left"])
        let left = try workspace.loa(["check", "--online"], environment: Self.environment)
        #expect(
            left.status == 2 && left.standardOutput.contains("is 'left' there, not an administrator"),
            "\(left.all)"
        )
        let wrong = try workspace.loa(["check", "--online"], environment: ["LOA_TEST_TG_TOKEN": "1:bad-token-zz"])
        #expect(wrong.status == 2, "\(wrong.all)")
        #expect(wrong.standardOutput.contains("channels.tg-doan.token: the token does not work"), "\(wrong.all)")
        #expect(bot.messages.isEmpty, "nothing is posted")
    }

    @Test("loa check: a telegram channel needs chat_id and token, and platform telegram")
    func configuration() throws {
        let workspace = try DeliveryWorkspace(
            channels: "  tg-doan:\n    platform: zalo\n    transport: telegram\n    chat_id: \"tuoi tre\""
        )
        let check = try workspace.loa(["check"])
        #expect(check.status == 2, "\(check.all)")
        #expect(
            check.standardOutput.contains("channels.tg-doan.platform: is zalo; a telegram channel posts to Telegram"),
            "\(check.all)"
        )
        #expect(check.standardOutput.contains("channels.tg-doan.chat_id: 'tuoi tre' is not a chat id"), "\(check.all)")
        #expect(check.standardOutput.contains("channels.tg-doan.token: is missing"), "\(check.all)")
    }
}
