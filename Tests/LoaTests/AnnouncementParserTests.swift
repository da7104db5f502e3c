import Foundation
import Testing

@testable import Loa

@Suite("Queue files")
struct AnnouncementParserTests {
    let zone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
    var parser: AnnouncementParser {
        AnnouncementParser(timeZone: zone, channelIDs: ["fb-thanhdoan", "zalo-doan-phuong", "zalo-oa"])
    }

    static let complete = """
        ---
        id: 2026-01-05-3-chu-dong
        title: Triển khai xây dựng Đoàn cơ sở “3 chủ động” năm 2026
        category: policy-update
        unit: Ban Thường vụ Thành đoàn Cần Thơ
        publish_at: 2026-01-05 08:00
        expires_at: 20/01/2026 17:00
        channels: [fb-thanhdoan, zalo-*]
        link: https://thanhdoancantho.example/bai-viet/123
        images: [images/ket-nap.png, https://thanhdoancantho.example/anh.jpg]
        hashtags: [Tuổi trẻ Cần Thơ, ThanhDoanCanTho]
        status: ready
        revision: 2
        variants:
          zalo: "Bản ngắn cho Zalo"
          fb-thanhdoan: Bản riêng cho trang Thành đoàn
        ---
        Nội dung **Markdown**.

        """

    @Test("every front-matter field is read")
    func everyField() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("queue/images/ket-nap.png", data: TestImages.png)
        let file = try workspace.write("queue/bai.md", Self.complete)
        let outcome = parser.parse(file: file)
        #expect(outcome.diagnostics.isEmpty)
        let announcement = try #require(outcome.announcement)
        #expect(announcement.id == "2026-01-05-3-chu-dong")
        #expect(announcement.title == "Triển khai xây dựng Đoàn cơ sở “3 chủ động” năm 2026")
        #expect(announcement.category == .policyUpdate)
        #expect(announcement.unit == "Ban Thường vụ Thành đoàn Cần Thơ")
        #expect(announcement.publishAt == Date(timeIntervalSince1970: 1_767_574_800))
        #expect(LocalDateFormat(timeZone: zone).dayAndTime(try #require(announcement.expiresAt)) == "20/01/2026 17:00")
        #expect(announcement.channelPatterns == ["fb-thanhdoan", "zalo-*"])
        #expect(announcement.link?.absoluteString == "https://thanhdoancantho.example/bai-viet/123")
        #expect(announcement.images == ["images/ket-nap.png", "https://thanhdoancantho.example/anh.jpg"])
        #expect(announcement.hashtags == ["Tuổi trẻ Cần Thơ", "ThanhDoanCanTho"])
        #expect(announcement.status == .ready)
        #expect(announcement.revision == 2)
        #expect(
            announcement.variants == ["zalo": "Bản ngắn cho Zalo", "fb-thanhdoan": "Bản riêng cho trang Thành đoàn"]
        )
        #expect(announcement.body == "Nội dung **Markdown**.")
        #expect(announcement.bodyLine == 18)
    }

    @Test("defaults: id from the file name, ready, revision 1, all channels, due now")
    func defaults() throws {
        let workspace = try TemporaryWorkspace()
        let file = try workspace.write(
            "queue/2026-02-01-tin-ngan.md",
            "---\ntitle: Tin ngắn\ncategory: activity-news\nunit: Đoàn phường An Hòa\n---\nNội dung.\n"
        )
        let announcement = try #require(parser.parse(file: file).announcement)
        #expect(announcement.id == "2026-02-01-tin-ngan")
        #expect(announcement.status == .ready)
        #expect(announcement.revision == 1)
        #expect(announcement.channelPatterns == nil)
        #expect(announcement.publishAt == nil)
        #expect(announcement.variants.isEmpty)
    }

    @Test("NFD files are read as NFC, byte for byte")
    func nfdInput() throws {
        let workspace = try TemporaryWorkspace()
        let nfd = Self.complete.replacingOccurrences(of: "images: [images/ket-nap.png, ", with: "images: [")
            .decomposedStringWithCanonicalMapping
        let file = try workspace.write("queue/bai.md", nfd)
        let announcement = try #require(parser.parse(file: file).announcement)
        #expect(Array(announcement.title.utf8) == Array("Triển khai xây dựng Đoàn cơ sở “3 chủ động” năm 2026".utf8))
        #expect(Array(announcement.unit.utf8) == Array("Ban Thường vụ Thành đoàn Cần Thơ".utf8))
        #expect(Array(announcement.body.utf8) == Array("Nội dung **Markdown**.".utf8))
        #expect(Array((announcement.variants["zalo"] ?? "").utf8) == Array("Bản ngắn cho Zalo".utf8))
    }

    @Test("a byte-order mark, CRLF line ends and a '...' closing fence are accepted")
    func editorQuirks() throws {
        let text =
            "\u{FEFF}---\r\ntitle: Tin\r\ncategory: activity-news\r\nunit: Đoàn xã Mỹ Khánh\r\n...\r\nDòng 1\r\nDòng 2\r\n"
        let outcome = parser.parse(text, file: URL(fileURLWithPath: "/tmp/q/tin.md"))
        let announcement = try #require(outcome.announcement)
        #expect(announcement.body == "Dòng 1\nDòng 2")
        #expect(announcement.bodyLine == 6)
    }

    /// A minimal valid file with one line replaced or added.
    static func file(with line: String, replacing key: String? = nil) -> String {
        var lines = ["---", "title: Tin hoạt động", "category: activity-news", "unit: Đoàn phường An Hòa"]
        if let key, let index = lines.firstIndex(where: { $0.hasPrefix("\(key):") }) {
            lines[index] = line
        } else {
            lines.append(line)
        }
        return (lines + ["---", "Nội dung bài."]).joined(separator: "\n")
    }

    @Test(
        "each bad field is reported at its line with what was expected",
        arguments: [
            (file(with: "publsh_at: 2026-01-05 08:00"), 5, "publsh_at", "did you mean 'publish_at'?"),
            (file(with: "category: policy", replacing: "category"), 3, "category", "not one of policy-update"),
            (file(with: "publish_at: 01/20/2026 08:00"), 5, "publish_at", "day first"),
            (file(with: "publish_at: 2026-01-05"), 5, "publish_at", "no time of day"),
            (file(with: "expires_at: 2026-13-01 08:00"), 5, "expires_at", "no such month"),
            (file(with: "channels: [fb-thanhdon]"), 5, "channels[0]", "did you mean 'fb-thanhdoan'?"),
            (file(with: "channels: [tiktok-*]"), 5, "channels[0]", "names no channel"),
            (file(with: "link: thanhdoan.vn/bai"), 5, "link", "expected https://"),
            (file(with: "images: [anh/khong-co.jpg]"), 5, "images[0]", "does not exist"),
            (file(with: "status: published"), 5, "status", "not one of ready, draft"),
            (file(with: "revision: 0"), 5, "revision", "whole number from 1"),
            (file(with: "revision: hai"), 5, "revision", "whole number from 1"),
            (file(with: "id: Bài viết 1"), 5, "id", "id: bai-viet-1"),
            (file(with: "variants:\n  zallo: Ngắn"), 6, "variants.zallo", "did you mean 'zalo'?"),
            (file(with: "title:", replacing: "title"), 2, "title", "is empty"),
            (file(with: "unit: [a, b]", replacing: "unit"), 4, "unit", "expected a single value"),
            (file(with: "title: Lặp lại"), 5, "title", "appears twice (first on line 2)"),
            (file(with: "title: Thµnh ®oµn CÇn Th¬", replacing: "title"), 2, "title", "UniKey"),
            (file(with: "hashtags: [a, #b]"), 5, nil, "starts a comment"),
            (file(with: "title: \"không đóng ngoặc", replacing: "title"), 2, nil, "YAML syntax"),
        ] as [(String, Int, String?, String)]
    )
    func badField(text: String, line: Int, field: String?, expected: String) throws {
        let workspace = try TemporaryWorkspace()
        let file = try workspace.write("queue/bai.md", text)
        let outcome = parser.parse(file: file)
        #expect(outcome.announcement == nil)
        let diagnostic = try #require(outcome.diagnostics.first { $0.severity == .error })
        #expect(diagnostic.line == line)
        #expect(diagnostic.field == field)
        #expect(diagnostic.description.contains(expected), "\(diagnostic)")
        #expect(diagnostic.file.hasSuffix("queue/bai.md"))
    }

    @Test("missing required fields are each reported")
    func missingFields() {
        let outcome = parser.parse("---\nlink: https://x.example\n---\nBody\n", file: URL(fileURLWithPath: "/tmp/a.md"))
        let fields = Set(outcome.diagnostics.compactMap(\.field))
        #expect(fields == ["title", "category", "unit"])
    }

    @Test("a file without front matter, or without its end, says so")
    func fences() {
        let none = parser.parse("Chỉ có nội dung\n", file: URL(fileURLWithPath: "/tmp/a.md"))
        #expect(none.diagnostics.first?.message.contains("must start with a line '---'") == true)
        let open = parser.parse("---\ntitle: x\n", file: URL(fileURLWithPath: "/tmp/a.md"))
        #expect(open.diagnostics.first?.message.contains("no closing '---'") == true)
    }

    @Test("an empty body and a body in VNI are errors")
    func body() {
        let empty = parser.parse(
            Self.file(with: "status: ready").replacingOccurrences(of: "Nội dung bài.", with: "  \n"),
            file: URL(fileURLWithPath: "/tmp/a.md")
        )
        #expect(empty.diagnostics.contains { $0.field == "body" && $0.message.contains("is empty") && $0.line == 7 })
        let legacy = Self.file(with: "status: ready").replacingOccurrences(
            of: "Nội dung bài.",
            with: "Thaønh ñoaøn Caàn Thô toå chöùc ngaøy hoäi"
        )
        let vni = parser.parse(legacy, file: URL(fileURLWithPath: "/tmp/a.md"))
        #expect(vni.diagnostics.contains { $0.field == "body" && $0.hint?.contains("VNI") == true })
    }

    @Test("an invalid file name needs an explicit id, with a suggestion")
    func fileNameID() {
        let outcome = parser.parse(
            Self.file(with: "status: ready"),
            file: URL(fileURLWithPath: "/tmp/Thông báo số 1.md")
        )
        #expect(outcome.diagnostics.first?.hint == "add `id: thong-bao-so-1` to the front matter, or rename the file")
    }

    @Test("two files with the same id are both held back, and one bad file does not stop the others")
    func queue() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("queue/a.md", Self.file(with: "id: trung-lap"))
        try workspace.write("queue/b.md", Self.file(with: "id: trung-lap"))
        try workspace.write("queue/c.md", Self.file(with: "category: sai", replacing: "category"))
        try workspace.write("queue/d.md", Self.file(with: "status: ready"))
        try workspace.write("queue/_nhap.md", "not even front matter")
        try workspace.write("queue/ghi-chu.txt", "ignored")
        let queue = Queue.load(directory: workspace.url("queue"), parser: parser)
        #expect(queue.fileCount == 4)
        #expect(queue.announcements.map(\.id) == ["d"])
        #expect(queue.diagnostics.count == 2)
        let duplicate = try #require(queue.diagnostics.first { $0.field == "id" })
        #expect(duplicate.file.hasSuffix("queue/b.md"))
        #expect(duplicate.message.contains("queue/a.md"))
    }
}
