import Foundation
import GRDB
import Testing

/// The `zalo-bot` transport (Zalo Bot Platform, experimental): the real `loa` against a fake of its Telegram-like
/// API on 127.0.0.1.
@Suite("Posting into a Zalo group through the Zalo Bot Platform", .serialized)
struct ZaloBotTests {
    static let token = "2093847561:ZaloFakeBotToken-abcdefXYZ0987"
    static let environment = ["LOA_TEST_ZALO_BOT_TOKEN": token]
    static let chat = "6a1f0c9e2b7d4e01"

    static func workspace(_ bot: FakeBotAPI, extra: [String] = []) throws -> DeliveryWorkspace {
        try DeliveryWorkspace(
            channels: DirectChannelTesting.channel(
                "zalo-nhom",
                platform: "zalo",
                transport: "zalo-bot",
                fields: ["chat_id: \"\(chat)\""],
                tokenVariable: "LOA_TEST_ZALO_BOT_TOKEN",
                apiBase: bot.base,
                extra: extra
            )
        )
    }

    static func run(_ workspace: DeliveryWorkspace, _ arguments: String...) throws -> LoaProcess.Output {
        try workspace.runAtNine(arguments, environment: environment)
    }

    static func announce(_ workspace: DeliveryWorkspace, _ id: String, body: String, extra: String = "") throws {
        try workspace.announceDue(id, body: body, extra: extra)
    }

    @Test("a group post is one sendMessage with the Zalo variant; its message id is archived")
    func groupPost() throws {
        let bot = try FakeBotAPI(token: Self.token)
        let workspace = try Self.workspace(bot)
        try Self.announce(workspace, "nhom", body: "Chi đoàn họp lúc 19h30 tại nhà văn hóa <khu vực 3> & sân.")
        let run = try Self.run(workspace)
        #expect(run.status == 0, "\(run.all)")
        let json = try #require(bot.requests("sendMessage").first?.json)
        #expect(json["chat_id"] as? String == Self.chat)
        let text = try #require(json["text"] as? String)
        #expect(text.hasPrefix("[Tin hoạt động] Tin nhom"), "the Zalo template: \(text)")
        #expect(text.contains("<khu vực 3> & sân."))
        let delivery = try #require(try workspace.rows("SELECT * FROM deliveries").first)
        #expect(delivery["status"] as String == "sent")
        #expect(delivery["remote_id"] as String == "101")
        let url = try workspace.rows("SELECT url FROM attempts").first?["url"] as String?
        #expect(url == "\(bot.base)/bot***/sendMessage")
    }

    @Test("photos go by address (web, or media_base_url plus the path), then the text")
    func photosByAddress() throws {
        let bot = try FakeBotAPI(token: Self.token)
        let workspace = try Self.workspace(bot, extra: ["media_base_url: https://media.thanhdoan.example/queue/"])
        try workspace.write("queue/images/ảnh 1.jpg", data: TestImages.jpeg)
        try Self.announce(
            workspace,
            "anh",
            body: "Hai ảnh.",
            extra: "images: [\"images/ảnh 1.jpg\", https://thanhdoancantho.example/b.jpg]"
        )
        let run = try Self.run(workspace)
        #expect(run.status == 0, "\(run.all)")
        #expect(bot.messages.map(\.method) == ["sendPhoto", "sendPhoto", "sendMessage"])
        #expect(
            bot.messages.prefix(2).flatMap(\.photos) == [
                "https://media.thanhdoan.example/queue/images/%E1%BA%A3nh%201.jpg",
                "https://thanhdoancantho.example/b.jpg",
            ]
        )
        #expect(try workspace.rows("SELECT remote_id FROM deliveries").first?["remote_id"] as String? == "101")
    }

    @Test("a local photo without media_base_url is an error in loa check, and nothing is sent")
    func localPhotoWithoutAddress() throws {
        let bot = try FakeBotAPI(token: Self.token)
        let workspace = try Self.workspace(bot)
        try workspace.write("queue/images/a.jpg", data: TestImages.jpeg)
        try Self.announce(workspace, "anh", body: "Một ảnh.", extra: "images: [images/a.jpg]")
        let check = try workspace.loa(["check"], environment: Self.environment)
        #expect(check.status == 1, "\(check.all)")
        #expect(
            check.standardOutput.contains(
                "images[0]: 'images/a.jpg' is a local file; channel zalo-nhom take photos only by their web address"
            ),
            "\(check.all)"
        )
        let run = try Self.run(workspace)
        #expect(run.status == 1, "\(run.all)")
        #expect(bot.messages.isEmpty)
    }

    @Test("an error answer fails with Zalo's words; a photo that went out is not sent again on a retry")
    func errors() throws {
        let bot = try FakeBotAPI(token: Self.token)
        bot.fail("sendMessage", .answer(status: 400, body: FakeBotAPI.error(400, "Bad Request: chat not found")))
        let workspace = try Self.workspace(bot)
        try Self.announce(workspace, "loi", body: "Bài lỗi.")
        let run = try Self.run(workspace)
        #expect(run.status == 1, "\(run.all)")
        #expect(run.all.contains("Zalo answered 400 (error 400): Bad Request: chat not found"), "\(run.all)")
        #expect(try workspace.statuses().values.first == "failed")
    }

    @Test("after its photo went out, a rate-limited text is waited for in the run; the photo is never sent twice")
    func retryAfterPhoto() throws {
        let bot = try FakeBotAPI(token: Self.token)
        bot.fail(
            "sendMessage",
            .answer(status: 429, body: FakeBotAPI.error(429, "Too Many Requests", parameters: #"{"retry_after":1}"#))
        )
        let workspace = try Self.workspace(bot)
        try Self.announce(workspace, "anh", body: "Một ảnh.", extra: "images: [https://thanhdoancantho.example/a.jpg]")
        let run = try Self.run(workspace)
        #expect(run.status == 0, "\(run.all)")
        #expect(bot.messages.map(\.method) == ["sendPhoto", "sendMessage"])
        #expect(bot.requests("sendMessage").count == 2)
        let gap = bot.requests("sendMessage")[1].receivedAt.timeIntervalSince(bot.requests("sendMessage")[0].receivedAt)
        #expect(gap >= 0.9, "waited retry_after: \(gap)")
        #expect(try workspace.statuses().values.first == "sent")
    }

    @Test("a text refused after its photo went out is left to a person: unconfirmed, the photo not sent again")
    func refusedAfterPhoto() throws {
        let bot = try FakeBotAPI(token: Self.token)
        bot.fail("sendMessage", .answer(status: 400, body: FakeBotAPI.error(400, "Bad Request: text is invalid")))
        let workspace = try Self.workspace(bot)
        try Self.announce(workspace, "anh", body: "Một ảnh.", extra: "images: [https://thanhdoancantho.example/a.jpg]")
        let run = try Self.run(workspace)
        #expect(run.status == 1, "\(run.all)")
        let reasons = try workspace.rows("SELECT error_message FROM attempts").compactMap {
            $0["error_message"] as String?
        }
        #expect(
            reasons.contains { $0.contains("the photos went out (message 101) but the text did not") },
            "\(reasons)"
        )
        #expect(try workspace.statuses().values.first == "unconfirmed")
        _ = try Self.run(workspace)
        #expect(bot.requests("sendPhoto").count == 1)
    }

    @Test("a lost answer becomes unconfirmed: nothing is sent again")
    func lostAnswer() throws {
        let bot = try FakeBotAPI(token: Self.token)
        bot.fail("sendMessage", .ghost502)
        let workspace = try Self.workspace(bot)
        try Self.announce(workspace, "mat", body: "Bài mất câu trả lời.")
        let run = try Self.run(workspace)
        #expect(run.status == 1, "\(run.all)")
        #expect(try workspace.statuses().values.first == "unconfirmed")
        _ = try Self.run(workspace)
        #expect(bot.requests("sendMessage").count == 1)
    }

    @Test("the token is found nowhere: not in the archive, the outputs or the exports")
    func tokenNowhere() throws {
        let bot = try FakeBotAPI(token: Self.token)
        bot.fail("sendMessage", .answer(status: 400, body: FakeBotAPI.error(400, "bad token echo bot\(Self.token)")))
        let workspace = try Self.workspace(bot)
        try Self.announce(workspace, "bi-mat", body: "Bài giữ bí mật.")
        var outputs = [try Self.run(workspace, "--verbose")]
        outputs.append(try workspace.loa(["status"], environment: Self.environment))
        outputs.append(try workspace.loa(["export", "--format", "csv"], environment: Self.environment))
        outputs.append(
            try workspace.loa(["zalo-bot", "chats", "--channel", "zalo-nhom"], environment: Self.environment)
        )
        for output in outputs {
            #expect(!output.all.contains("ZaloFakeBotToken"), "\(output.all)")
        }
        let archive = workspace.root.appendingPathComponent("archive")
        for file in try FileManager.default.contentsOfDirectory(atPath: archive.path) {
            let data = try Data(contentsOf: archive.appendingPathComponent(file))
            #expect(data.range(of: Data("ZaloFakeBotToken".utf8)) == nil, "\(file) holds the token")
        }
        for file in try FileManager.default.subpathsOfDirectory(atPath: workspace.root.path)
        where file.hasSuffix(".csv") {
            let data = try Data(contentsOf: workspace.root.appendingPathComponent(file))
            #expect(data.range(of: Data("ZaloFakeBotToken".utf8)) == nil, "\(file) holds the token")
        }
    }

    @Test("loa zalo-bot chats lists the chats seen in getUpdates, with id, type and name")
    func chats() throws {
        let bot = try FakeBotAPI(token: Self.token)
        let workspace = try Self.workspace(bot)
        let none = try workspace.loa(["zalo-bot", "chats", "--channel", "zalo-nhom"], environment: Self.environment)
        #expect(none.status == 0 && none.standardOutput.contains("mention it once in the group"), "\(none.all)")
        bot.setUpdates(
            #"""
            [{"message":{"from":{"id":"u1","display_name":"Lan"},"chat":{"id":"6a1f0c9e2b7d4e01","chat_type":"GROUP","title":"Chi đoàn khu vực 3"},"text":"@bot xin chào","message_id":"m1"},"event_name":"message.text.received"},
             {"message":{"from":{"id":"u2","display_name":"Minh"},"chat":{"id":"u2","chat_type":"PRIVATE"},"text":"hi","message_id":"m2"}},
             {"message":{"from":{"id":"u1","display_name":"Lan"},"chat":{"id":"6a1f0c9e2b7d4e01","chat_type":"GROUP","title":"Chi đoàn khu vực 3"},"text":"@bot","message_id":"m3"}}]
            """#
        )
        let list = try workspace.loa(["zalo-bot", "chats", "--channel", "zalo-nhom"], environment: Self.environment)
        #expect(list.status == 0, "\(list.all)")
        let lines = list.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("6a1f0c9e2b7d4e01") }.count == 1, "each chat once: \(list.all)")
        #expect(list.standardOutput.contains("6a1f0c9e2b7d4e01  group    Chi đoàn khu vực 3"), "\(list.all)")
        #expect(list.standardOutput.contains("u2                private  Minh"), "\(list.all)")
        let wrong = try workspace.loa(
            ["zalo-bot", "chats", "--channel", "zalo-nhom"],
            environment: ["LOA_TEST_ZALO_BOT_TOKEN": "bad"]
        )
        #expect(wrong.status == 1 && wrong.standardError.contains("Unauthorized"), "\(wrong.all)")
        let notBot = try workspace.loa(["zalo-bot", "chats", "--channel", "nope"], environment: Self.environment)
        #expect(notBot.status == 2, "\(notBot.all)")
    }

    @Test("loa check --online asks getMe: a working token, or one that does not work")
    func checkOnline() throws {
        let bot = try FakeBotAPI(token: Self.token)
        let workspace = try Self.workspace(bot)
        let good = try workspace.loa(["check", "--online"], environment: Self.environment)
        #expect(good.status == 0, "\(good.all)")
        #expect(
            good.standardOutput.contains("online: zalo-nhom: a working Zalo bot token for @tuoitre_bot"),
            "\(good.all)"
        )
        let wrong = try workspace.loa(["check", "--online"], environment: ["LOA_TEST_ZALO_BOT_TOKEN": "0:bad"])
        #expect(wrong.status == 2, "\(wrong.all)")
        #expect(wrong.standardOutput.contains("channels.zalo-nhom.token: the token does not work"), "\(wrong.all)")
        #expect(bot.messages.isEmpty)
    }
}
