import Foundation
import GRDB
import Testing

/// What officers type, taken as they write it, and what Loa says back, in words rather than error codes.
@Suite("Vietnamese input and plain-words errors, through the real binary")
struct PeopleInputTests {
    @Test("category labels, 7h30 and 22h-6h in NFD files are read as the officer meant")
    func vietnameseFields() throws {
        let workspace = try DeliveryWorkspace(
            channels: "  zalo-nhom:\n    platform: zalo\n    transport: outbox\n    quiet_hours: 22h-6h"
        )
        let file = """
            ---
            title: Triển khai văn bản mới
            category: Văn bản - Chính sách
            unit: Đoàn phường An Hòa
            publish_at: 01/12/2026 7h30
            ---
            Đoàn viên phường An Hòa đọc kỹ văn bản.
            """
        try workspace.write("queue/van-ban.md", file.decomposedStringWithCanonicalMapping)
        try workspace.write(
            "queue/tin.md",
            """
            ---
            title: Ra quân
            category: tin hoat dong
            unit: Đoàn phường An Hòa
            publish_at: 2026-12-01 19g
            ---
            Ra quân làm sạch bờ kè.
            """
        )
        let check = try workspace.loa("check")
        #expect(check.status == 0, "\(check.all)")
        let early = try workspace.loa("run", "--now", Date.vietnam(7, 29))
        #expect(early.status == 0 && early.all.isEmpty, "\(early.all)")
        #expect(try workspace.rows("SELECT * FROM deliveries WHERE status != 'pending'").isEmpty)
        _ = try workspace.loa("run", "--now", Date.vietnam(7, 30))
        let text = try String(
            contentsOf: workspace.root.appendingPathComponent("outbox/zalo-nhom/2026-12-01-van-ban/text.txt"),
            encoding: .utf8
        )
        #expect(text.hasPrefix("[Văn bản – Chính sách] Triển khai văn bản mới"), "\(text)")
        let categories = try workspace.rows("SELECT id, category FROM announcements ORDER BY id")
        #expect(categories.map { $0["category"] as String } == ["activity-news", "policy-update"])
        // 22:30 is inside the quiet hours written 22h-6h: the 19:00 post waits if it was not out by then.
        let quiet = try workspace.loa("run", "--now", Date.vietnam(22, 30), "--verbose")
        #expect(quiet.standardOutput.contains("waiting for the channel's quiet hours (22:00-06:00) to end"))
    }

    @Test("a category that is none of them names the ids and labels and suggests the one meant")
    func wrongCategory() throws {
        let workspace = try DeliveryWorkspace(channels: "  zalo-nhom:\n    platform: zalo\n    transport: outbox")
        try workspace.write(
            "queue/sai.md",
            "---\ntitle: Tin\ncategory: Tin hoat dongg\nunit: Đoàn phường\npublish_at: 01/12/2026 08:00\n---\nNội dung.\n"
        )
        let check = try workspace.loa("check")
        #expect(check.status == 1, "\(check.all)")
        #expect(check.all.contains("queue/sai.md:3: error: category: 'Tin hoat dongg' is not one of"), "\(check.all)")
        #expect(check.all.contains("Mô hình hay – Cách làm hiệu quả"), "\(check.all)")
        #expect(check.all.contains("(did you mean 'Tin hoạt động'?)"), "\(check.all)")
    }

    @Test("engagement record: 1.250 is 1250; likes is refused with 'reactions' unless --new-metric")
    func engagementInput() throws {
        let workspace = try DeliveryWorkspace(channels: "  zalo-nhom:\n    platform: zalo\n    transport: outbox")
        try workspace.announce("tin", "publish_at: 01/12/2026 08:00")
        _ = try workspace.loa("run", "--now", Date.vietnam(9))
        let record = try workspace.loa(
            "engagement",
            "record",
            "tin",
            "--channel",
            "zalo-nhom",
            "views=1.250",
            "reactions=12"
        )
        #expect(record.status == 0, "\(record.all)")
        #expect(record.standardOutput == "recorded tin → zalo-nhom: reactions=12 views=1250\n")
        let likes = try workspace.loa("engagement", "record", "tin", "--channel", "zalo-nhom", "likes=3")
        #expect(likes.status == 2)
        #expect(
            likes.standardError
                == "loa engagement record: there is no metric 'likes' (did you mean 'reactions'?); add --new-metric "
                + "to record a new one\n"
        )
        let channel = try workspace.loa("engagement", "record", "tin", "--channel", "Zalo-nhom", "views=1")
        #expect(channel.status == 2)
        #expect(
            channel.standardError.contains("there is no channel 'Zalo-nhom' in loa.yml (did you mean 'zalo-nhom'?)")
        )
        let saves = try workspace.loa(
            "engagement",
            "record",
            "tin",
            "--channel",
            "zalo-nhom",
            "saves=4",
            "--new-metric"
        )
        #expect(saves.status == 0, "\(saves.all)")
        let again = try workspace.loa("engagement", "record", "tin", "--channel", "zalo-nhom", "saves=5")
        #expect(again.status == 0, "a metric recorded before is known: \(again.all)")
        let values = try workspace.rows("SELECT metric, max(value) AS value FROM engagement_snapshots GROUP BY metric")
        #expect(
            Dictionary(uniqueKeysWithValues: values.map { ($0["metric"] as String, $0["value"] as Int) })
                == ["views": 1250, "reactions": 12, "saves": 5]
        )
    }

    @Test("text that is UTF-8 read as Windows-1252 is diagnosed as that, with its fix, not as TCVN3")
    func windows1252() throws {
        let workspace = try DeliveryWorkspace(channels: "  zalo-nhom:\n    platform: zalo\n    transport: outbox")
        try workspace.announce("hong", "publish_at: 01/12/2026 08:00", body: "ThÃ nh Ä‘oÃ n Cáº§n ThÆ¡ tá»• chá»©c")
        let check = try workspace.loa("check")
        #expect(check.status == 1)
        #expect(check.all.contains("queue/hong.md:9: error: body: is not readable Vietnamese"), "\(check.all)")
        #expect(check.all.contains("opened as Windows-1252"), "\(check.all)")
        #expect(!check.all.contains("TCVN3 copied") && !check.all.contains("Công cụ chuyển mã"), "\(check.all)")
    }

    @Test("file errors are said in words: a missing folder is named, never 'Error Domain=…'")
    func fileErrorsInWords() throws {
        let workspace = try DeliveryWorkspace(channels: "  zalo-nhom:\n    platform: zalo\n    transport: outbox")
        try workspace.announce("tin", "publish_at: 01/12/2026 08:00")
        // An outbox that is a file: the attempt's message says so in words.
        try workspace.write("outbox", "not a folder")
        let run = try workspace.loa("run", "--now", Date.vietnam(9))
        #expect(!run.all.contains("Error Domain"), "\(run.all)")
        let message: String? = try workspace.rows("SELECT error_message FROM attempts").first?["error_message"]
        #expect(message?.hasPrefix("cannot write outbox/zalo-nhom/2026-12-01-tin/: ") == true, "\(message ?? "")")
        #expect(message.map { !$0.contains("Error Domain") && !$0.contains("NSCocoa") } == true, "\(message ?? "")")
        #expect(message?.contains("'outbox' is not a folder") == true, "\(message ?? "")")

        let export = try workspace.loa("export", "--format", "csv", "--output", "Báo cáo/thang-12.csv")
        #expect(export.status != 0)
        #expect(export.standardError.contains("the folder 'Báo cáo' does not exist"), "\(export.all)")
        #expect(!export.all.contains("Error Domain"))

        try workspace.write("tep", "a file")
        let initInFile = try workspace.loa("init", "tep/moi", environment: ["LOA_LANG": "en"])
        #expect(initInFile.status == 2)
        #expect(initInFile.standardError.hasPrefix("loa init: cannot write to tep/moi: "), "\(initInFile.all)")
        #expect(!initInFile.all.contains("Error Domain") && !initInFile.all.contains("NSCocoa"), "\(initInFile.all)")
        #expect(initInFile.standardError.contains("'tep' is not a folder"), "\(initInFile.all)")
    }
}
