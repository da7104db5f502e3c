import Foundation
import Testing

/// `loa engagement`, `export`, `import`, `sink` and the operator commands' refusals in Vietnamese, through the
/// real binary with LOA_LANG=vi.
extension LanguageOutputTests {
    static let vi = ["LOA_LANG": "vi"]

    /// A workspace whose post `tin` was written to the outbox at 09:00 on 1/12/2026 and confirmed by hand.
    static func confirmedPost(settings: String = "") throws -> DeliveryWorkspace {
        let workspace = try DeliveryWorkspace(channels: channels, settings: settings)
        try workspace.announce("tin", "publish_at: 01/12/2026 08:00")
        let run = try workspace.loa("run", "--now", Date.vietnam(9))
        #expect(run.status == 0, "\(run.all)")
        let confirm = try workspace.loa(
            "confirm",
            "tin",
            "--channel",
            "zalo-nhom",
            "--note",
            "nhóm Zalo",
            "--now",
            Date.vietnam(10)
        )
        #expect(confirm.status == 0, "\(confirm.all)")
        return workspace
    }

    @Test("loa engagement record says what it recorded, and what it refused, in Vietnamese")
    func engagementInVietnamese() throws {
        let workspace = try Self.confirmedPost()
        let record = try workspace.loa(
            "engagement",
            "record",
            "tin",
            "--channel",
            "zalo-nhom",
            "reactions=1.250",
            "views=480",
            "--now",
            Date.vietnam(20),
            environment: Self.vi
        )
        #expect(record.status == 0, "\(record.all)")
        #expect(record.standardOutput == "đã ghi số liệu tin → zalo-nhom: reactions=1250 views=480\n")
        let likes = try workspace.loa(
            "engagement",
            "record",
            "tin",
            "--channel",
            "zalo-nhom",
            "likes=3",
            environment: Self.vi
        )
        #expect(likes.status == 2)
        #expect(
            likes.standardError
                == "loa engagement record: không có chỉ số 'likes' (có phải ý bạn là 'reactions'?); "
                + "thêm --new-metric để ghi một chỉ số mới\n",
            "\(likes.all)"
        )
        let channel = try workspace.loa(
            "engagement",
            "record",
            "tin",
            "--channel",
            "Zalo-nhom",
            "views=1",
            environment: Self.vi
        )
        #expect(channel.status == 2)
        #expect(
            channel.standardError
                == "loa engagement record: --channel: không có kênh 'Zalo-nhom' trong loa.yml "
                + "(có phải ý bạn là 'zalo-nhom'?)\n",
            "\(channel.all)"
        )
        let nobody = try workspace.loa(
            "engagement",
            "record",
            "khong-co",
            "--channel",
            "zalo-nhom",
            "views=1",
            environment: Self.vi
        )
        #expect(nobody.status == 1)
        #expect(nobody.standardError.contains("kho lưu trữ không có lượt đăng 'khong-co' lên 'zalo-nhom'"))
        let negative = try workspace.loa(
            "engagement",
            "record",
            "tin",
            "--channel",
            "zalo-nhom",
            "views=-1",
            environment: Self.vi
        )
        #expect(negative.status == 2)
        #expect(negative.standardError.contains("'views=-1': giá trị phải là số nguyên từ 0 đến"), "\(negative.all)")
    }

    @Test("loa export and loa import speak Vietnamese: refusals and what each file brought")
    func exportAndImportInVietnamese() throws {
        let ward = try Self.confirmedPost()
        let early = try DeliveryWorkspace(channels: Self.channels, settings: "language: vi")
        let noArchive = try early.loa("export", "--format", "csv")
        #expect(noArchive.status == 1)
        #expect(noArchive.standardError.hasPrefix("loa export: chưa có kho lưu trữ ở "), "\(noArchive.all)")
        #expect(noArchive.standardError.hasSuffix("; hãy chạy `loa run` trước\n"), "\(noArchive.all)")
        let month = try early.loa("export", "--format", "csv", "--month", "13/2026")
        #expect(month.status == 2)
        #expect(
            month.standardError.contains("--month: '13/2026' không phải là tháng; cần dạng MM/yyyy"),
            "\(month.all)"
        )
        let both = try early.loa("export", "--format", "csv", "--month", "11/2026", "--year", "2026")
        #expect(both.standardError.contains("--month và --year: chỉ nêu một kỳ, không nêu nhiều kỳ"), "\(both.all)")

        let file = ward.root.appendingPathComponent("phuong.jsonl")
        let export = try ward.loa("export", "--format", "jsonl", "--output", file.path, environment: Self.vi)
        #expect(export.status == 0, "\(export.all)")
        try early.announce("rieng", "publish_at: 02/12/2026 08:00")
        #expect(try early.loa("run", "--now", Date.vietnam(9)).status == 0)
        let imported = try early.loa("import", file.path)
        #expect(imported.status == 0, "\(imported.all)")
        #expect(
            imported.standardOutput.hasSuffix(
                ": 1 lượt đăng của Đoàn phường An Hòa (1 mới, 0 cập nhật, 0 không đổi)\n"
            ),
            "\(imported.all)"
        )
        let missing = try early.loa("import", "khong-co.jsonl")
        #expect(missing.status == 1)
        #expect(
            missing.standardError == "loa import: tệp 'khong-co.jsonl' không tồn tại; chưa nhập gì\n",
            "\(missing.all)"
        )
    }

    @Test("retry, cancel and confirm give their reasons in Vietnamese")
    func operatorRefusalsInVietnamese() throws {
        let workspace = try Self.confirmedPost(settings: "language: vi")
        let retry = try workspace.loa("retry", "tin")
        #expect(retry.status == 1)
        #expect(
            retry.all.contains("tin → zalo-nhom: bài đã được đăng rồi; muốn đăng lại thì tăng revision"),
            "\(retry.all)"
        )
        let cancel = try workspace.loa("cancel", "tin")
        #expect(cancel.all.contains("bài đã được đăng rồi; hãy xóa bài ngay trên nền tảng"), "\(cancel.all)")
        let again = try workspace.loa("confirm", "tin", "--channel", "zalo-nhom", "--note", "nhóm khác")
        #expect(again.status == 1)
        #expect(
            again.all.contains(
                "bài đã được xác nhận rồi (đã đăng tay: nhóm Zalo); muốn sửa thì chạy `loa confirm --undo` trước"
            ),
            "\(again.all)"
        )
        let future = try workspace.loa(
            "confirm",
            "tin",
            "--channel",
            "zalo-nhom",
            "--url",
            "https://zalo.me/p/1",
            "--at",
            "2099-01-01 08:00",
            "--force"
        )
        #expect(future.status != 0)
        #expect(future.all.contains("là thời điểm chưa tới; chỉ xác nhận bài sau khi đã đăng"), "\(future.all)")
    }

    @Test("loa sink says where it listens and what it received in Vietnamese")
    func sinkInVietnamese() throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent(
            "loa-sink-vi-\(UUID().uuidString).jsonl"
        )
        defer { try? FileManager.default.removeItem(at: log) }
        let process = Process()
        process.executableURL = LoaProcess.binary
        process.arguments = ["sink", "--port", "0", "--secret", DeliveryWorkspace.secret, "--log", log.path]
        process.environment = ProcessInfo.processInfo.environment.merging(Self.vi) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { process.terminate() }
        func line() -> String {
            var text = ""
            let deadline = Date().addingTimeInterval(20)
            while !text.hasSuffix("\n"), Date() < deadline {
                let data = output.fileHandleForReading.availableData
                if data.isEmpty { break }
                text += String(decoding: data, as: UTF8.self)
            }
            return text
        }
        let started = line()
        #expect(started.hasPrefix("loa sink: đang nghe ở http://127.0.0.1:"), "\(started)")
        #expect(started.contains("(có kiểm chữ ký, nhật ký: \(log.path), ảnh: "), "\(started)")
        let range = try #require(started.range(of: #"127\.0\.0\.1:(\d+)"#, options: .regularExpression))
        let port = try #require(Int(started[range].split(separator: ":").last ?? ""))
        let workspace = try DeliveryWorkspace(
            channels: DeliveryWorkspace.webhook("fb", url: "http://127.0.0.1:\(port)/facebook/thanhdoan")
        )
        try workspace.announce("tin-1")
        let run = try workspace.loa("run", "--now", Date.vietnam(9))
        #expect(run.status == 0, "\(run.all)")
        let received = line()
        #expect(received.hasPrefix("bài "), "\(received)")
        #expect(received.contains(" ← /facebook/thanhdoan ("), "\(received)")
    }
}
