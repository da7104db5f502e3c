import Foundation
import Testing

/// `loa check`'s diagnostics in Vietnamese: the words change, the `file:line: error: field:` form editors read
/// does not.
extension LanguageOutputTests {
    @Test("loa check names the mistakes of queue files in Vietnamese, as file:line: error: field: message")
    func checkQueueInVietnamese() throws {
        let workspace = try DeliveryWorkspace(channels: Self.channels, settings: "language: vi")
        try workspace.write(
            "queue/sai.md",
            """
            ---
            tittle: Ra quân
            title: Ra quân làm sạch bờ kè
            unit: Đoàn phường An Hòa
            publish_at: 32/12/2026 08:00
            channels: [Zalo-nhom]
            link: bo-ke
            ---
            Nội dung.

            """
        )
        for name in ["mot", "hai"] {
            try workspace.write(
                "queue/\(name).md",
                "---\nid: trung\ntitle: Tin\ncategory: activity-news\nunit: Đoàn phường An Hòa\n"
                    + "publish_at: 01/12/2026 08:00\n---\nNội dung.\n"
            )
        }
        let check = try workspace.loa("check")
        #expect(check.status == 1, "\(check.all)")
        let output = check.all
        for expected in [
            "queue/sai.md:2: error: tittle: khóa không hợp lệ (có phải ý bạn là 'title'?)\n    gợi ý: các khóa hợp lệ: id, title,",
            "queue/sai.md:5: error: publish_at: '32/12/2026 08:00' có ngày không hợp lệ; ngày viết theo thứ tự ngày "
                + "trước (dd/MM/yyyy), không viết tháng trước",
            "queue/sai.md:6: error: channels[0]: 'Zalo-nhom' không ứng với kênh nào trong loa.yml "
                + "(có phải ý bạn là 'zalo-nhom'?)",
            "queue/sai.md:7: error: link: 'bo-ke' không phải địa chỉ web; cần dạng https://…",
            ": error: category: còn thiếu; cần một trong: ",
            "queue/mot.md:1: error: id: 'trung' đã là id của queue/hai.md\n    gợi ý: hãy đặt `id:` khác cho một "
                + "trong hai tệp; trước đó cả hai đều chưa được đăng",
        ] {
            #expect(output.contains(expected), "\(expected)\n---\n\(output)")
        }
        // The same workspace in English keeps the words editors and scripts know.
        let english = try workspace.loa("check", environment: ["LOA_LANG": "en"])
        #expect(
            english.all.contains(
                "queue/sai.md:2: error: tittle: unknown key (did you mean 'title'?)\n    hint: known keys:"
            )
        )
        #expect(english.all.contains("'Zalo-nhom' names no channel in loa.yml (did you mean 'zalo-nhom'?)"))
    }

    @Test("loa check names the mistakes of loa.yml in Vietnamese")
    func checkConfigurationInVietnamese() throws {
        let workspace = try DeliveryWorkspace(
            channels: "  zalo-nhom:\n    platform: zalo\n  fb:\n    platform: facebook\n    transport: webhook\n",
            settings: "language: vi\nquiet_hour: 22:00-06:00"
        )
        let check = try workspace.loa("check")
        #expect(check.status == 2, "\(check.all)")
        let output = check.all
        for expected in [
            "loa.yml:3: error: quiet_hour: khóa không hợp lệ",
            ": error: channels.zalo-nhom.transport: còn thiếu; cần một trong: ",
            ": error: channels.fb.url: còn thiếu; kênh webhook cần URL của cầu nối",
            ": error: channels.fb.secret: còn thiếu; kênh webhook ký mọi yêu cầu gửi đi\n    gợi ý: thêm `secret: ${",
        ] {
            #expect(output.contains(expected), "\(expected)\n---\n\(output)")
        }
    }
}
