import Foundation
import Testing

/// `loa preview` says when a post goes out, whether it is a draft, and which hashtags a platform drops.
@Suite("loa preview: when, draft, dropped hashtags")
struct PreviewDetailsTests {
    static let channels = """
          fb-doan:
            platform: facebook
            transport: outbox
          zalo-nhom:
            platform: zalo
            transport: outbox
        """

    static func workspace() throws -> DeliveryWorkspace {
        let workspace = try DeliveryWorkspace(channels: Self.channels)
        try workspace.write(
            "queue/ca-phe.md",
            """
            ---
            title: Cà phê cuối tuần cùng đoàn viên
            category: activity-news
            unit: Đoàn phường An Hòa
            publish_at: 05/12/2026 07:30
            status: draft
            hashtags: [Tuổi trẻ Cần Thơ, Đoàn Thanh niên, An Hòa, Cà phê, Cuối tuần]
            ---
            Sáng thứ Bảy, Đoàn phường mời đoàn viên cùng uống cà phê và góp ý.
            """
        )
        try workspace.write(
            "queue/ngay.md",
            "---\ntitle: Thông báo gấp\ncategory: policy-update\nunit: Đoàn phường\nhashtags: [An Hòa]\n---\nNội dung.\n"
        )
        return workspace
    }

    @Test("the time, the draft mark and the hashtags zalo drops, in text and JSON")
    func details() throws {
        let workspace = try Self.workspace()
        let preview = try workspace.loa("preview", "ca-phe")
        #expect(preview.status == 0, "\(preview.all)")
        let lines = preview.standardOutput.components(separatedBy: "\n")
        #expect(
            lines.first
                == "ca-phe · scheduled for 05/12/2026 07:30 · draft: not sent until its file says `status: ready`",
            "\(preview.all)"
        )
        let zalo = try #require(preview.standardOutput.range(of: "── zalo-nhom"))
        let facebookPart = preview.standardOutput[..<zalo.lowerBound]
        let zaloPart = preview.standardOutput[zalo.lowerBound...]
        #expect(zaloPart.contains("hashtags dropped for zalo: Cà phê, Cuối tuần"), "\(preview.all)")
        #expect(!facebookPart.contains("hashtags dropped"), "facebook carries ten: \(preview.all)")

        let json = try workspace.loa("preview", "ca-phe", "--json")
        let variants = try #require(
            try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]]
        )
        let byChannel = Dictionary(uniqueKeysWithValues: variants.map { ($0["channel"] as? String ?? "", $0) })
        #expect(byChannel["zalo-nhom"]?["dropped_hashtags"] as? [String] == ["Cà phê", "Cuối tuần"])
        #expect(byChannel["fb-doan"]?["dropped_hashtags"] as? [String] == [])
        #expect(byChannel["zalo-nhom"]?["publish_at"] as? String == "2026-12-05T00:30:00Z")
        #expect(byChannel["zalo-nhom"]?["draft"] as? Bool == true)

        let now = try workspace.loa("preview", "ngay")
        #expect(now.standardOutput.hasPrefix("ngay · no publish_at: sent at the next run\n"), "\(now.all)")
        let nowJSON = try workspace.loa("preview", "ngay", "--json")
        #expect(nowJSON.standardOutput.contains(#""publish_at" : null"#), "\(nowJSON.all)")
        #expect(nowJSON.standardOutput.contains(#""draft" : false"#), "\(nowJSON.all)")
    }

    @Test("in Vietnamese too")
    func vietnamese() throws {
        let workspace = try Self.workspace()
        let preview = try workspace.loa("preview", "ca-phe", environment: ["LOA_LANG": "vi"])
        #expect(
            preview.standardOutput.hasPrefix(
                "ca-phe · lên lịch lúc 05/12/2026 07:30 · bản nháp: chưa gửi cho đến khi tệp ghi `status: ready`\n"
            ),
            "\(preview.all)"
        )
        #expect(preview.standardOutput.contains("hashtag bị bỏ trên zalo: Cà phê, Cuối tuần"), "\(preview.all)")
        #expect(preview.standardOutput.contains("ký tự"), "\(preview.all)")
    }
}
