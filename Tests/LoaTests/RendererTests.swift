import Foundation
import Testing

@testable import Loa

@Suite("Rendering variants")
struct RendererTests {
    static let zone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let facebook = Channel(id: "fb-thanhdoan", platform: .facebook, transport: .outbox)
    static let zalo = Channel(id: "zalo-doan-phuong", platform: .zalo, transport: .outbox)
    static let plain = Channel(id: "bridge", platform: .plain, transport: .webhook)

    static func announcement(
        body: String = "Sáng Chủ nhật, hơn **80 đoàn viên** ra quân & làm sạch bờ kè.",
        category: Loa.Category = .activityNews,
        link: String? = "https://thanhdoancantho.example/tin/chu-nhat-xanh",
        variants: [String: String] = [:]
    ) -> Announcement {
        Announcement(
            id: "2026-12-10-chu-nhat-xanh",
            title: "Ra quân “Chủ nhật xanh”",
            category: category,
            unit: "Đoàn phường An Hòa",
            publishAt: Date(timeIntervalSince1970: 1_767_574_800),
            link: link.flatMap(URL.init(string:)),
            hashtags: ["Chủ nhật xanh", "Tuổi trẻ Cần Thơ", "#ChuNhatXanh", "Đoàn viên", "Môi trường"],
            variants: variants,
            body: body,
            file: URL(fileURLWithPath: "/tmp/queue/a.md")
        )
    }

    var shipped: Renderer {
        Renderer(
            templates: TemplateSet(directory: Self.packageRoot.appendingPathComponent("templates")),
            timeZone: Self.zone
        )
    }

    @Test("the shipped Facebook template for activity news: headline, unit and date, text, link, hashtags")
    func facebookActivityNews() throws {
        let variant = try shipped.render(Self.announcement(), for: Self.facebook).get()
        #expect(
            variant.text == """
                📸 Ra quân “Chủ nhật xanh”
                📍 Đoàn phường An Hòa · 05/01/2026

                Sáng Chủ nhật, hơn 80 đoàn viên ra quân & làm sạch bờ kè.

                👉 Xem chi tiết: https://thanhdoancantho.example/tin/chu-nhat-xanh

                #ChuNhatXanh #TuoiTreCanTho #DoanVien #MoiTruong
                """
        )
        #expect(variant.template == "facebook.activity-news.mustache")
        #expect(variant.length == TextLength.measure(variant.text))
        #expect(variant.limit == 63_206)
        #expect(!variant.truncated)
    }

    @Test("the shipped Facebook template for other categories, and the Zalo and plain templates")
    func otherTemplates() throws {
        let policy = Self.announcement(category: .policyUpdate)
        let facebook = try shipped.render(policy, for: Self.facebook).get()
        #expect(facebook.template == "facebook.mustache")
        #expect(facebook.text.hasPrefix("📢 Ra quân “Chủ nhật xanh”\n\nSáng Chủ nhật"))
        let zalo = try shipped.render(policy, for: Self.zalo).get()
        #expect(
            zalo.text == """
                [Văn bản – Chính sách] Ra quân “Chủ nhật xanh”

                Sáng Chủ nhật, hơn 80 đoàn viên ra quân & làm sạch bờ kè.
                Chi tiết: https://thanhdoancantho.example/tin/chu-nhat-xanh
                #ChuNhatXanh #TuoiTreCanTho #DoanVien
                """
        )
        #expect(zalo.hashtags.count == 3)
        let plain = try shipped.render(policy, for: Self.plain).get()
        #expect(plain.template == "plain.mustache")
        #expect(plain.text.hasPrefix("Ra quân “Chủ nhật xanh”\n\nSáng Chủ nhật"))
        #expect(!plain.text.contains("&amp;"))
    }

    @Test("a per-channel variant wins over a per-platform one, which wins over the body")
    func variants() throws {
        let announcement = Self.announcement(variants: ["zalo": "Bản **Zalo**", "fb-thanhdoan": "Bản trang Thành đoàn"])
        #expect(try shipped.render(announcement, for: Self.zalo).get().text.contains("\n\nBản Zalo\n"))
        #expect(try shipped.render(announcement, for: Self.facebook).get().text.contains("Bản trang Thành đoàn"))
        #expect(try shipped.render(announcement, for: Self.plain).get().text.contains("Sáng Chủ nhật"))
    }

    @Test("over the limit, only the body is cut; the title and hashtags stay, the link closes the text")
    func truncation() throws {
        let long = (1...80).map { "Câu thứ \($0) kể về hoạt động của đoàn viên phường An Hòa." }.joined(separator: " ")
        let variant = try shipped.render(Self.announcement(body: long), for: Self.zalo).get()
        #expect(variant.truncated)
        #expect(variant.length <= 2000)
        #expect(variant.length > 1900)
        #expect(variant.text.hasPrefix("[Tin hoạt động] Ra quân “Chủ nhật xanh”\n\nCâu thứ 1 kể"))
        #expect(variant.text.contains(".\n… Xem thêm: https://thanhdoancantho.example/tin/chu-nhat-xanh\n#ChuNhatXanh"))
        #expect(!variant.text.contains("Chi tiết:"))
        var small = Self.facebook
        small.maxLength = 300
        let facebook = try shipped.render(Self.announcement(body: long), for: small).get()
        #expect(facebook.length <= 300)
        #expect(facebook.text.hasSuffix("#ChuNhatXanh #TuoiTreCanTho #DoanVien #MoiTruong"))
    }

    @Test("over the limit without a link, rendering fails with the figures and a way out")
    func tooLongWithoutLink() {
        let long = String(repeating: "Nội dung rất dài. ", count: 200)
        let result = shipped.render(Self.announcement(body: long, link: nil), for: Self.zalo)
        guard case .failure(let failure) = result, case .tooLong(let channel, let length, let limit) = failure else {
            Issue.record("expected tooLong, got \(result)")
            return
        }
        #expect(channel == "zalo-doan-phuong")
        #expect(length > 2000)
        #expect(limit == 2000)
        #expect(failure.hint.contains("variants:"))
    }

    @Test("a template longer than the limit cannot fit anything")
    func templateTooLong() {
        var tiny = Self.zalo
        tiny.maxLength = 40
        let long = String(repeating: "Nội dung rất dài. ", count: 10)
        guard case .failure(.templateTooLong) = shipped.render(Self.announcement(body: long), for: tiny) else {
            Issue.record("expected templateTooLong")
            return
        }
    }

    @Test("templates: per-category override, folder plain before built-in, syntax errors with their line")
    func templateLookup() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("templates/zalo.model-practice.mustache", "{{% CONTENT_TYPE: TEXT}}\nMH: {{title}}")
        try workspace.write("templates/plain.mustache", "{{% CONTENT_TYPE: TEXT}}\nP: {{title}} {{unit}}")
        try workspace.write("templates/facebook.mustache", "{{% CONTENT_TYPE: TEXT}}\nline two\n{{#body}}unclosed")
        try workspace.write("templates/tiktok.mustache", "x")
        try workspace.write("templates/zalo.policy-update.mustache", "{{title}} & more")
        let templates = TemplateSet(directory: workspace.url("templates"))
        let renderer = Renderer(templates: templates, timeZone: Self.zone)
        #expect(
            try renderer.render(Self.announcement(category: .modelPractice), for: Self.zalo).get().text
                == "MH: Ra quân “Chủ nhật xanh”"
        )
        #expect(
            try renderer.render(Self.announcement(), for: Self.zalo).get().text
                == "P: Ra quân “Chủ nhật xanh” Đoàn phường An Hòa"
        )
        #expect(try renderer.render(Self.announcement(), for: Self.facebook).get().text.hasPrefix("P: "))
        let problems = templates.diagnostics
        let syntax = try #require(problems.first { $0.file.hasSuffix("facebook.mustache") })
        #expect(syntax.severity == .error)
        #expect(syntax.line == 3)
        #expect(syntax.message.contains("not closed"))
        #expect(problems.contains { $0.file.hasSuffix("tiktok.mustache") && $0.severity == .warning })
        #expect(
            problems.contains {
                $0.file.hasSuffix("zalo.policy-update.mustache") && $0.hint?.contains("CONTENT_TYPE") == true
            }
        )
    }

    @Test("the shipped templates are Loa's built-in ones, and `loa init` writes the same")
    func shippedTemplates() throws {
        for (name, text) in BuiltInTemplates.all {
            let shipped = try String(
                contentsOf: Self.packageRoot.appendingPathComponent("templates/\(name)"),
                encoding: .utf8
            )
            #expect(shipped == text, "templates/\(name) differs from BuiltInTemplates")
        }
        let example = try String(
            contentsOf: Self.packageRoot.appendingPathComponent("credentials.example"),
            encoding: .utf8
        )
        #expect(example == StarterWorkspace.credentialsExample)
    }

    @Test("NFD hashtags and titles render as NFC")
    func nfcOutput() throws {
        var announcement = Self.announcement()
        announcement.title = announcement.title.decomposedStringWithCanonicalMapping
        let variant = try shipped.render(announcement, for: Self.plain).get()
        #expect(Array(variant.text.utf8).starts(with: Array("Ra quân “Chủ nhật xanh”".utf8)))
    }
}

@Suite("Starter and example workspaces")
struct WorkspaceTests {
    @Test("loa init writes a workspace that passes check, and never overwrites a file")
    func starter() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("loa.yml", "# mine\n")
        let first = try StarterWorkspace.write(to: workspace.root)
        #expect(first.first == .kept("loa.yml"))
        #expect(first.dropFirst().allSatisfy { if case .written = $0 { true } else { false } })
        #expect(try String(contentsOf: workspace.url("loa.yml"), encoding: .utf8) == "# mine\n")
        try FileManager.default.removeItem(at: workspace.url("loa.yml"))
        let second = try StarterWorkspace.write(to: workspace.root)
        #expect(second.filter { if case .written = $0 { true } else { false } } == [.written("loa.yml")])
        let check = WorkspaceCheck.run(configFile: workspace.url("loa.yml"), environment: [:])
        #expect(check.diagnostics.isEmpty, "\(check.diagnostics)")
        #expect(check.exitCode == 0)
        #expect(check.draftCount == 1)
    }

    @Test("check renders a text once for the channels that share it, and names each channel a text fails")
    func checkSharesTexts() throws {
        let workspace = try TemporaryWorkspace()
        let communes = (1...40).map {
            "  zalo-xa-\($0):\n    platform: zalo\n    transport: outbox\n    max_length: 120"
        }
        try workspace.writeConfig(extraChannels: communes.joined(separator: "\n"))
        let long = String(repeating: "Đoàn viên thanh niên tham gia ngày hội. ", count: 6)
        try workspace.write(
            "queue/dai.md",
            "---\nid: dai\ntitle: Ngày hội\ncategory: activity-news\nunit: Đoàn xã\nchannels: [zalo-*]\n---\n\(long)\n"
        )
        try workspace.write(
            "queue/ngan.md",
            "---\nid: ngan\ntitle: Ngắn\ncategory: activity-news\nunit: Đoàn xã\nchannels: [zalo-*]\n---\nNgắn gọn.\n"
        )
        let check = WorkspaceCheck.run(configFile: workspace.url("loa.yml"), environment: [:])
        let tooLong = check.diagnostics.filter {
            $0.file.hasSuffix("queue/dai.md") && $0.message.hasPrefix("is too long for")
        }
        let named = tooLong.map { String($0.message.split(separator: ":")[0].dropFirst("is too long for ".count)) }
        #expect(named.sorted() == (1...40).map { "zalo-xa-\($0)" }.sorted(), "one message per channel, each its own")
        #expect(check.readyCount == 1, "\(check.diagnostics)")
    }

    @Test("the shipped example passes check: six announcements ready, one draft, one needing a cut for Zalo")
    func example() throws {
        let check = WorkspaceCheck.run(
            configFile: RendererTests.packageRoot.appendingPathComponent("loa.yml"),
            environment: [:]
        )
        #expect(check.diagnostics.isEmpty, "\(check.diagnostics)")
        #expect(check.readyCount == 6)
        #expect(check.draftCount == 1)
        let (opened, _) = Workspace.open(
            configFile: RendererTests.packageRoot.appendingPathComponent("loa.yml"),
            environment: [:]
        )
        let workspace = try #require(opened)
        let queue = workspace.loadQueue()
        let categories = Dictionary(grouping: queue.announcements.filter { $0.status == .ready }, by: \.category)
        #expect(categories.values.allSatisfy { $0.count == 2 })
        #expect(Set(queue.announcements.map(\.unit)).count >= 3)
        let renderer = workspace.renderer()
        let zalo = try #require(workspace.configuration.channel("zalo-doan-phuong"))
        let cut = queue.announcements.filter { (try? renderer.render($0, for: zalo).get().truncated) == true }
        #expect(cut.count >= 1)
        // One file is stored in NFD, as macOS editors save it.
        let files = try Queue.queueFiles(in: workspace.configuration.queueDirectory)
        let nfd = try files.filter { file in
            let text = try String(contentsOf: file, encoding: .utf8)
            return Array(text.utf8) != Array(VietnameseText.nfc(text).utf8)
        }
        #expect(nfd.count == 1)
    }
}
