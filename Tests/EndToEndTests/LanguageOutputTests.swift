import Foundation
import Testing

/// Loa speaks Vietnamese or English, as loa.yml's `language:` or `LOA_LANG` says: messages, statuses, summaries,
/// `--help` and `loa init`'s files, through the real binary.
@Suite("Vietnamese and English output")
struct LanguageOutputTests {
    static let channels = """
          zalo-nhom:
            platform: zalo
            transport: outbox
        """

    @Test("language: vi: run, status, confirm, check and agenda speak Vietnamese with the reports' words")
    func vietnamese() throws {
        let workspace = try DeliveryWorkspace(channels: Self.channels, settings: "language: vi")
        try workspace.announce("ra-quan", "publish_at: 01/12/2026 08:00")
        try workspace.announce("sau", "publish_at: 03/12/2026 08:00")
        let run = try workspace.loa("run", "--now", Date.vietnam(8, 1))
        #expect(run.status == 0, "\(run.all)")
        #expect(
            run.standardOutput.hasPrefix("Chờ xác nhận ra-quan → zalo-nhom: hãy đăng tay từ outbox/zalo-nhom/"),
            "\(run.all)"
        )
        #expect(run.standardOutput.contains("rồi chạy `loa confirm ra-quan --channel zalo-nhom"), "\(run.all)")

        let status = try workspace.loa("status")
        let header = try #require(status.standardOutput.split(separator: "\n").first)
        #expect(
            header.hasPrefix("THÔNG BÁO") && header.contains("TRẠNG THÁI") && header.contains("GHI CHÚ"),
            "\(header)"
        )
        #expect(status.standardOutput.contains("Chờ xác nhận"), "\(status.all)")
        #expect(status.standardOutput.contains("Chờ đăng"), "\(status.all)")
        let json = try workspace.loa("status", "--json")
        #expect(
            json.standardOutput.contains(#""status" : "awaiting_confirmation""#),
            "JSON stays in the contract's words"
        )

        let early = try workspace.loa(
            "confirm",
            "sau",
            "--channel",
            "zalo-nhom",
            "--note",
            "nhóm Zalo",
            "--now",
            Date.vietnam(9)
        )
        #expect(early.status == 1)
        #expect(
            early.standardError.contains("bài không ở trạng thái Chờ xác nhận")
                && early.standardError.contains("xác nhận với --force"),
            "\(early.all)"
        )
        let confirm = try workspace.loa(
            "confirm",
            "ra-quan",
            "--channel",
            "zalo-nhom",
            "--note",
            "nhóm Zalo",
            "--now",
            Date.vietnam(9)
        )
        #expect(confirm.status == 0, "\(confirm.all)")
        #expect(confirm.standardOutput == "đã xác nhận ra-quan → zalo-nhom: giờ là Đã đăng\n", "\(confirm.all)")

        let check = try workspace.loa("check")
        #expect(
            check.standardOutput.hasSuffix("2 tệp hàng đợi: 2 sẵn sàng, 0 bản nháp; 0 lỗi, 0 cảnh báo\n"),
            "\(check.all)"
        )
        let agenda = try workspace.loa("agenda", "--now", Date.vietnam(24 * 10))
        #expect(
            agenda.standardOutput == "Không có gì đến hạn trong 7 ngày tới, và không có việc gì chờ người làm.\n",
            "\(agenda.all)"
        )

        // LOA_LANG wins over loa.yml.
        let english = try workspace.loa("status", environment: ["LOA_LANG": "en"])
        #expect(english.standardOutput.hasPrefix("ANNOUNCEMENT"), "\(english.all)")
        #expect(english.standardOutput.contains("sent"), "\(english.all)")
        let unknown = try workspace.loa("status", environment: ["LOA_LANG": "fr"])
        #expect(unknown.status == 2)
        #expect(unknown.standardError == "loa: LOA_LANG: 'fr' is not a language Loa speaks; expected vi or en\n")
    }

    @Test("--help speaks the language of LOA_LANG, else of the loa.yml the command would read")
    func help() throws {
        let workspace = try DeliveryWorkspace(channels: Self.channels, settings: "language: vi")
        let root = try workspace.loa("--help")
        #expect(root.words.contains("Lên lịch, đăng và lưu trữ thông báo"), "\(root.all)")
        let run = try workspace.loa("run", "--help")
        #expect(run.words.contains("Đăng các bài đến hạn và thử lại"), "\(run.all)")
        #expect(run.words.contains("Cho xem bài nào sẽ đi đâu"), "option help too: \(run.all)")
        let confirm = try workspace.loa("confirm", "--help")
        #expect(confirm.words.contains("Hoàn tác một xác nhận nhầm"), "\(confirm.all)")
        let english = try workspace.loa("run", "--help", environment: ["LOA_LANG": "en"])
        #expect(english.words.contains("Deliver what is due and retry what is owed"), "\(english.all)")
        // Elsewhere, the loa.yml named by --config decides.
        let elsewhere = try LoaProcess.run(
            ["export", "--help", "--config", workspace.root.appendingPathComponent("loa.yml").path],
            in: FileManager.default.temporaryDirectory
        )
        #expect(elsewhere.words.contains("Xuất kho lưu trữ để báo cáo"), "\(elsewhere.all)")
        let plain = try LoaProcess.run(["--help"], in: FileManager.default.temporaryDirectory)
        #expect(plain.words.contains("Schedules, delivers and archives"), "English without a loa.yml")
    }

    @Test("loa init writes a Vietnamese workspace (language: vi) unless LOA_LANG=en")
    func initWorkspace() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("loa-init-vi-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try LoaProcess.run(["init", folder.path], in: FileManager.default.temporaryDirectory)
        #expect(written.status == 0, "\(written.all)")
        #expect(written.standardOutput.contains("đã ghi  \(folder.path)/loa.yml"), "\(written.all)")
        #expect(written.standardOutput.hasSuffix("Tiếp theo: sửa loa.yml và queue/, rồi chạy `loa check`.\n"))
        let yaml = try String(contentsOf: folder.appendingPathComponent("loa.yml"), encoding: .utf8)
        #expect(yaml.contains("\nlanguage: vi "), "\(yaml)")
        #expect(yaml.contains("# Đăng tay: Loa ghi bài sẵn"), "\(yaml)")
        let credentials = try String(contentsOf: folder.appendingPathComponent("credentials.example"), encoding: .utf8)
        #expect(credentials.contains("# Chép tệp này thành `credentials`"))
        let check = try LoaProcess.run(["check"], in: folder)
        #expect(check.status == 0, "\(check.all)")
        #expect(check.standardOutput == "1 tệp hàng đợi: 0 sẵn sàng, 1 bản nháp; 0 lỗi, 0 cảnh báo\n", "\(check.all)")

        let english = folder.appendingPathComponent("en")
        let inEnglish = try LoaProcess.run(["init", english.path], in: folder, environment: ["LOA_LANG": "en"])
        #expect(inEnglish.standardOutput.contains("wrote  \(english.path)/loa.yml"), "\(inEnglish.all)")
        let englishYAML = try String(contentsOf: english.appendingPathComponent("loa.yml"), encoding: .utf8)
        #expect(englishYAML.contains("\nlanguage: en "), "\(englishYAML)")
        let englishCheck = try LoaProcess.run(["check"], in: english)
        #expect(englishCheck.standardOutput == "1 queue file: 0 ready, 1 draft; 0 errors, 0 warnings\n")
    }

    @Test("language: names vi or en, or loa check says which line is wrong")
    func wrongLanguage() throws {
        let workspace = try DeliveryWorkspace(channels: Self.channels, settings: "language: fr")
        let check = try workspace.loa("check")
        #expect(check.status == 2, "\(check.all)")
        #expect(
            check.standardOutput.contains(
                "loa.yml:2: error: language: 'fr' is not a language Loa speaks; expected vi or en"
            ),
            "\(check.all)"
        )
    }
}

extension LoaProcess.Output {
    /// Standard output with every run of white space made one space: help text is wrapped to the screen.
    var words: String {
        standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
