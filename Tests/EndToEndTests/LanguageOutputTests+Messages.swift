import Foundation
import GRDB
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The rest of Loa's own words in Vietnamese, through the real binary: loa.yml's channels and credentials,
/// libyaml's syntax errors, templates, text in an old encoding, files and the archive, export's destinations and
/// filters, channel rename, agenda's range, and the notes kept with deliveries.
extension LanguageOutputTests {
    @Test("loa check names the mistakes of loa.yml's channels, URLs, secrets and credentials in Vietnamese")
    func checkChannelsAndCredentialsInVietnamese() throws {
        let workspace = try DeliveryWorkspace(
            channels: """
                  fb:
                    platform: facebook
                    transport: webhook
                    url: ftp://bridge.example/hook
                    secret: khong-phai-khoa
                    stats_url: https://bridge.example/so-lieu
                  trang:
                    platform: facebook
                    transport: facebook-page
                    page_id: trang-doan
                    api_version: "19"
                    token: ${LOA_PAGE_TOKEN}
                  tg:
                    platform: zalo
                    transport: telegram
                """,
            settings: "language: vi\nengagement_schedule: mỗi ngày\narchive: postgres://loa:matkhau@db.example/loa"
        )
        try workspace.write("credentials", "KHONG CO DAU BANG\nLOA_X=1\nLOA_X=2\n")
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o644],
            ofItemAtPath: workspace.root.appendingPathComponent("credentials").path
        )
        let check = try workspace.loa("check")
        #expect(check.status == 2, "\(check.all)")
        let output = check.all
        for expected in [
            "engagement_schedule: 'mỗi ngày' không phải lịch đọc số liệu; cần các bước tuổi bài: khoảng cách",
            "archive: có ghi mật khẩu; loa.yml được dùng chung, nên hãy viết `${NAME}` vào chỗ mật khẩu",
            "channels.fb.url: không phải URL http(s) có tên máy chủ",
            "channels.fb.secret: không phải khóa ký; cần whsec_ rồi đến chuỗi base64\n    gợi ý: tạo một khóa bằng lệnh",
            "channels.fb.stats_url: thiếu {remote_id}; mọi bài sẽ đọc cùng một số liệu",
            "channels.trang.page_id: 'trang-doan' không phải id của Trang; cần dãy số của Trang, đặt trong ngoặc kép",
            "channels.trang.api_version: '19' không phải phiên bản Graph API",
            "channels.trang.token: ${LOA_PAGE_TOKEN} chưa có giá trị: không có trong biến môi trường, cũng không có "
                + "trong credentials\n    gợi ý: thêm dòng LOA_PAGE_TOKEN=… vào credentials",
            "channels.tg.platform: là zalo; kênh telegram đăng lên Telegram\n    gợi ý: hãy ghi `platform: telegram`",
            "channels.tg.chat_id: còn thiếu; kênh telegram cần biết cuộc trò chuyện để đăng vào",
            "channels.tg.token: còn thiếu; kênh telegram đăng bằng token của bot",
            "credentials: warning: người khác đọc được tệp này (quyền 644)\n    gợi ý: hãy chạy: chmod 600 credentials",
            "credentials:1: error: cần dạng TÊN=giá trị",
            "credentials:3: warning: LOA_X được đặt hai lần; giá trị sau cùng được dùng",
        ] {
            #expect(output.contains(expected), "\(expected)\n---\n\(output)")
        }
        #expect(!output.contains("matkhau"), "the password is never repeated")
        let english = try workspace.loa("check", environment: ["LOA_LANG": "en"])
        #expect(english.all.contains("channels.fb.url: is not an http(s) URL with a host"), "\(english.all)")
        #expect(english.all.contains("credentials:1: error: expected KEY=value"), "\(english.all)")
    }

    @Test("libyaml's syntax errors, templates, old encodings and texts too long are said in Vietnamese")
    func checkSyntaxTemplatesAndTextInVietnamese() throws {
        let workspace = try DeliveryWorkspace(
            channels: Self.channels + "\n    max_length: 60",
            settings: "language: vi"
        )
        try workspace.write(
            "queue/hai-cham.md",
            "---\ntitle: Ra quân: làm sạch bờ kè\ncategory: activity-news\nunit: Đoàn phường An Hòa\n---\nNội dung.\n"
        )
        try workspace.write(
            "queue/ngoac.md",
            "---\ntitle: \"Ra quân\" làm sạch\ncategory: activity-news\nunit: Đoàn phường An Hòa\n---\nNội dung.\n"
        )
        try workspace.write(
            "queue/lech-ma.md",
            "---\ntitle: Tin\ncategory: activity-news\nunit: Đoàn phường An Hòa\n---\n"
                + "ÄoÃ\u{A0}n phÆ°á»ng An HÃ²a ra quÃ¢n lÃ\u{A0}m sáº¡ch bá» kÃ¨\n"
        )
        try workspace.write(
            "queue/dai.md",
            "---\ntitle: Tin\ncategory: activity-news\nunit: Đoàn phường An Hòa\n---\n"
                + String(repeating: "Đoàn viên ra quân làm sạch bờ kè. ", count: 10)
        )
        try workspace.write("templates/zalo.mustache", "{{tieu_de}}\n{{body}}\n")
        try workspace.write("templates/sai-ten.mustache", "{{% CONTENT_TYPE: TEXT}}\n{{body}}\n")
        let check = try workspace.loa("check")
        let output = check.all
        for expected in [
            "queue/hai-cham.md:2: error: lỗi cú pháp YAML: không được có dấu ':' ở chỗ này (một giá trị có ': ' "
                + "mà chưa đặt trong ngoặc kép, hoặc dòng bị thụt lề sai)\n    gợi ý: giá trị có chứa ': ' phải đặt "
                + "trong ngoặc kép",
            "queue/ngoac.md:2: error: lỗi cú pháp YAML: không thấy khóa ở chỗ cần có (dòng thụt lề lệch so với các "
                + "dòng trên, hoặc còn chữ sau dấu ngoặc kép đóng) (khi đọc các dòng khóa: giá trị từ dòng 2)",
            "error: body: không đọc được thành tiếng Việt (sai bảng mã)\n    gợi ý: văn bản là Unicode (UTF-8) nhưng "
                + "đã bị một chương trình mở nhầm thành Windows-1252 (Western)",
            "error: body: quá dài cho kênh zalo-nhom: ",
            "ký tự, trong khi giới hạn là 60\n    gợi ý: thêm `link:` để Loa cắt bớt và chèn “Xem thêm”",
            "templates/zalo.mustache:1: error: dùng 'tieu_de', không phải giá trị Loa đưa cho mẫu; các giá trị có: ",
            "templates/zalo.mustache:1: warning: mã hóa chữ theo kiểu HTML (& sẽ thành &amp;)\n    gợi ý: hãy mở "
                + "đầu mẫu bằng dòng {{% CONTENT_TYPE: TEXT}}",
            "templates/sai-ten.mustache: warning: không bao giờ được dùng: tên mẫu phải là <nền tảng>.mustache",
            "    gợi ý: nền tảng: ",
        ] {
            #expect(output.contains(expected), "\(expected)\n---\n\(output)")
        }
        // English keeps libyaml's own words.
        let english = try workspace.loa("check", environment: ["LOA_LANG": "en"])
        #expect(
            english.all.contains(
                "queue/hai-cham.md:2: error: YAML syntax: mapping values are not allowed in this context"
            ),
            "\(english.all)"
        )
    }

    @Test("export's destinations and filters, the archive, channel rename and agenda's range speak Vietnamese")
    func commandRefusalsInVietnamese() throws {
        let workspace = try DeliveryWorkspace(channels: Self.channels, settings: "language: vi")
        try workspace.announce("ra-quan", "publish_at: 01/12/2026 08:00")
        #expect(try workspace.loa("run", "--now", Date.vietnam(8, 1)).status == 0)
        for (arguments, expected) in [
            (
                ["export", "--format", "csv", "--output", "Báo cáo/thang-12.csv"],
                "loa export: --output: không có thư mục 'Báo cáo'"
            ),
            (
                ["export", "--format", "csv", "--output", "loa.yml"],
                "loa export: --output: 'loa.yml' là tệp loa.yml của không gian làm việc; báo cáo không bao giờ ghi "
                    + "đè tệp của không gian làm việc: hãy chọn tên khác"
            ),
            (
                ["export", "--format", "csv", "--from", "10/12/2026", "--to", "01/12/2026"],
                "--from 10/12/2026 lại sau --to 01/12/2026; ngày đầu phải đứng trước"
            ),
            (
                ["export", "--format", "csv", "--unit", "Đoàn phường An Hoà"],
                "--unit: kho lưu trữ không có thông báo nào của 'Đoàn phường An Hoà' (có phải ý bạn là "
                    + "'Đoàn phường An Hòa'?)"
            ),
            (["export", "--format", "csv", "--month", "13/2026"], "MM/yyyy, như 11/2026"),
            (["agenda", "--days", "400"], "--days: cần từ 1 đến 366, nhưng lại là 400"),
            (
                ["zalo-bot", "chats", "--channel", "zalo-nhom"],
                "kênh 'zalo-nhom' là outbox, không phải zalo-bot; `loa zalo-bot chats` chỉ hỏi bot Zalo"
            ),
            (
                ["channel", "rename", "zalo-cu", "zalo-moi"],
                "loa.yml không có kênh 'zalo-moi'; hãy đổi tên kênh trong loa.yml trước"
            ),
        ] {
            let output = try workspace.loa(arguments)
            #expect(output.status != 0, "\(arguments)\n\(output.all)")
            #expect(output.all.contains(expected), "\(expected)\n---\n\(output.all)")
        }
        // An empty archive file is not taken for a new one: said in Vietnamese.
        let empty = try DeliveryWorkspace(channels: Self.channels, settings: "language: vi")
        try empty.write("archive/loa.sqlite", "")
        let status = try empty.loa("status")
        #expect(status.status != 0, "\(status.all)")
        #expect(
            status.all.contains(
                "kho lưu trữ 'archive/loa.sqlite' là tệp rỗng (0 byte), nên không phải kho lưu trữ của Loa"
            ),
            "\(status.all)"
        )
        try FileManager.default.removeItem(at: empty.root.appendingPathComponent("queue"))
        let check = try empty.loa("check")
        #expect(
            check.all.contains(
                "queue: error: chưa có thư mục hàng đợi\n    gợi ý: hãy tạo thư mục này, hoặc đặt `queue:`"
            ),
            "\(check.all)"
        )
    }

    @Test("loa agenda says what a post waits for in Vietnamese")
    func agendaWaitsInVietnamese() throws {
        let workspace = try DeliveryWorkspace(
            channels: Self.channels + "\n    quiet_hours: \"22:00-06:00\"\n    min_gap: 2h",
            settings: "language: vi"
        )
        try workspace.announce("dem", "publish_at: 01/12/2026 23:00")
        try workspace.announce("sang", "publish_at: 02/12/2026 06:30")
        let agenda = try workspace.loa("agenda", "--now", Date.vietnam(20))
        #expect(agenda.status == 0, "\(agenda.all)")
        for expected in [
            "đợi giờ yên lặng của kênh (22:00-06:00)",
            "đợi khoảng cách tối thiểu 2h sau bài trước của kênh",
        ] {
            #expect(agenda.standardOutput.contains(expected), "\(expected)\n---\n\(agenda.all)")
        }
    }

    @Test("notes kept with deliveries are in the language of the run or command that wrote them")
    func notesInVietnamese() throws {
        let bridge = try TestBridge { _, _ in .respond(status: 400, body: #"{"error":"trang bị khóa"}"#) }
        let workspace = try DeliveryWorkspace(
            channels: DeliveryWorkspace.webhook("fb", url: bridge.url()) + "\n" + Self.channels,
            settings: "language: vi"
        )
        try workspace.announce("tin-1", "publish_at: 01/12/2026 08:00\nchannels: [fb]")
        try workspace.announce("tin-2", "publish_at: 03/12/2026 08:00\nchannels: [zalo-nhom]")
        let run = try workspace.loa(["run", "--now", Date.vietnam(9)], environment: DeliveryWorkspace.environment)
        #expect(run.status == 1, "\(run.all)")
        #expect(
            run.standardOutput.contains(
                "Thất bại    tin-1 → fb: cầu nối từ chối bài với mã 400: {\"error\":\"trang bị khóa\"}"
            ),
            "\(run.all)"
        )
        let cancel = try workspace.loa("cancel", "tin-2", "--now", Date.vietnam(9, 5))
        #expect(cancel.status == 0, "\(cancel.all)")
        let status = try workspace.loa("status")
        #expect(status.standardOutput.contains("cầu nối từ chối bài với mã 400"), "\(status.all)")
        #expect(status.standardOutput.contains("người vận hành đã hủy"), "\(status.all)")
        let retry = try workspace.loa("retry", "tin-2", "--now", Date.vietnam(9, 6))
        #expect(retry.status == 0, "\(retry.all)")
        let notes = try workspace.rows("SELECT announcement_id, note FROM deliveries ORDER BY announcement_id")
        #expect(
            notes.map { $0["note"] as String? } == [
                "cầu nối từ chối bài với mã 400: {\"error\":\"trang bị khóa\"}",
                "người vận hành yêu cầu gửi lại",
            ]
        )
    }
}

/// `loa check --online` and `loa sink` in Vietnamese.
extension LanguageOutputTests {
    @Test("loa check --online says what works and what to fix in Vietnamese")
    func checkOnlineInVietnamese() throws {
        let graph = try FakeGraph(token: FacebookPageTests.token)
        let bot = try FakeBotAPI(token: TelegramTests.token)
        let workspace = try DeliveryWorkspace(
            channels: graph.channel("fb-page", extra: []) + "\n" + TelegramTests.channel(bot),
            settings: "language: vi"
        )
        let environment = FacebookPageTests.environment.merging(TelegramTests.environment) { $1 }
        let good = try workspace.loa(["check", "--online"], environment: environment)
        #expect(good.status == 0, "\(good.all)")
        for expected in [
            "trực tuyến: fb-page: token Trang của 'Thành đoàn Cần Thơ' (",
            "trực tuyến: tg-doan: @tuoitre_bot được phép đăng trong @tuoitrecantho (administrator)",
        ] {
            #expect(good.standardOutput.contains(expected), "\(expected)\n---\n\(good.all)")
        }
        bot.setMember(["status": "left"])
        // A delivery refused by the bot platform keeps its reason in Vietnamese.
        bot.fail("sendMessage", .answer(status: 403, body: FakeBotAPI.error(403, "Forbidden: bot was kicked")))
        try workspace.announce("tin-tg", "publish_at: 01/12/2026 08:00\nchannels: [tg-doan]")
        let run = try workspace.loa(["run", "--now", Date.vietnam(9)], environment: environment)
        #expect(
            run.all.contains(
                "bot không phải quản trị viên của @tuoitrecantho hoặc đã bị xóa khỏi đó (Telegram trả lời 403"
            ),
            "\(run.all)"
        )
        let bad = try workspace.loa(
            ["check", "--online"],
            environment: environment.merging(["LOA_TEST_FB_TOKEN": "expired-token-000"]) { $1 }
        )
        #expect(bad.status == 2, "\(bad.all)")
        for expected in [
            "channels.fb-page.token: token không dùng được: ",
            "    gợi ý: hãy tạo token Trang mới theo mục \"Posting straight to a Facebook Page\" của README",
            "channels.tg-doan.chat_id: @tuoitre_bot đang là 'left' trong @tuoitrecantho, không phải quản trị viên\n"
                + "    gợi ý: hãy thêm @tuoitre_bot vào @tuoitrecantho làm quản trị viên có quyền đăng tin",
        ] {
            #expect(bad.standardOutput.contains(expected), "\(expected)\n---\n\(bad.all)")
        }
        #expect(!bad.all.contains("expired-token-000"))
    }

    @Test("loa sink refuses a log it cannot write, and a photo changed on the way, in Vietnamese")
    func sinkRefusalsInVietnamese() throws {
        let folder = FileManager.default.temporaryDirectory
        let refused = try LoaProcess.run(
            ["sink", "--port", "0", "--log", "/dev/null/sink.jsonl"],
            in: folder,
            environment: ["LOA_LANG": "vi"]
        )
        #expect(refused.status != 0, "\(refused.all)")
        #expect(
            refused.standardError.contains(
                "--log: không ghi được nhật ký '/dev/null/sink.jsonl': '/dev/null' là tệp, không phải thư mục"
            ),
            "\(refused.all)"
        )
        let log = folder.appendingPathComponent("loa-sink-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: log) }
        let (sink, port) = try SinkTests.startSink(
            secret: DeliveryWorkspace.secret,
            log: log,
            environment: ["LOA_LANG": "vi"]
        )
        defer { sink.terminate() }
        var tampered = PhotoTests.photo
        tampered[tampered.count - 1] ^= 0xFF
        let image: [String: Any] = [
            "name": "tu-sach.jpg", "content_type": "image/png", "bytes": tampered.count,
            "sha256": PhotoTests.sha256(PhotoTests.photo), "data": tampered.base64EncodedString(),
        ]
        let body = try JSONSerialization.data(withJSONObject: [
            "type": "post.create", "data": ["delivery_id": "msg_doi", "images": [image]],
        ])
        let timestamp = String(Int(Date().timeIntervalSince1970))
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/facebook/thanhdoan")!)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("msg_doi", forHTTPHeaderField: "webhook-id")
        request.setValue(timestamp, forHTTPHeaderField: "webhook-timestamp")
        request.setValue(
            WebhookDeliveryTests.expectedSignature(id: "msg_doi", timestamp: timestamp, body: body),
            forHTTPHeaderField: "webhook-signature"
        )
        let (answer, status) = try SinkTests.send(request)
        #expect(status == 400)
        #expect(
            answer["error"] as? String
                == "images[0] (tu-sach.jpg): sha256 không khớp với data; ảnh đã bị thay đổi trên đường gửi"
        )
    }
}
