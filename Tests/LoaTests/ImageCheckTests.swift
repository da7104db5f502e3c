import Foundation
import Testing

@testable import Loa

@Suite("Images in queue files")
struct ImageCheckTests {
    @Test(
        "an image's kind is told by its first bytes",
        arguments: [
            (TestImages.png, ImageType.png),
            (TestImages.jpeg, .jpeg),
            (Data("GIF89a\u{1}\u{0}\u{1}\u{0}".utf8), .gif),
            (Data("GIF87a".utf8), .gif),
            (Data("RIFF\u{10}\u{0}\u{0}\u{0}WEBPVP8 ".utf8), .webp),
        ] as [(Data, ImageType?)]
    )
    func kinds(bytes: Data, expected: ImageType?) {
        #expect(ImageType.sniff(bytes) == expected)
    }

    @Test(
        "text, an empty file, a RIFF that is not WebP and a cut PNG signature are no image",
        arguments: [
            Data("Ảnh kết nạp đoàn viên".utf8), Data(), Data("RIFF\u{10}\u{0}\u{0}\u{0}WAVEfmt ".utf8),
            TestImages.png.prefix(5), Data([0xFF, 0xD8]),
        ]
    )
    func notImages(bytes: Data) {
        #expect(ImageType.sniff(bytes) == nil)
    }

    /// A workspace with a Facebook and a Zalo outbox channel, and `extra` channels.
    static func parser(_ workspace: TemporaryWorkspace, extra: String = "") throws -> AnnouncementParser {
        try workspace.writeConfig(extraChannels: extra)
        let (opened, diagnostics) = Workspace.open(configFile: workspace.url("loa.yml"), environment: [:])
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        return AnnouncementParser(try #require(opened).configuration)
    }

    static func announcement(_ images: String, channels: String = "") -> String {
        "---\ntitle: Tủ sách\ncategory: activity-news\nunit: Đoàn phường An Hòa\n\(channels)images:\n\(images)---\nNội dung.\n"
    }

    @Test("a PNG named .jpg is accepted, and read with its real type")
    func pngNamedJPEG() throws {
        let workspace = try TemporaryWorkspace()
        let parser = try Self.parser(workspace)
        try workspace.write("queue/images/tu-sach.jpg", data: TestImages.png)
        let file = try workspace.write("queue/tin.md", Self.announcement("  - images/tu-sach.jpg\n"))
        let outcome = parser.parse(file: file)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
        let announcement = try #require(outcome.announcement)
        guard case .file(let path, let location) = try #require(announcement.imageEntries.first) else {
            Issue.record("expected a file")
            return
        }
        let image = try ImageFile.read(path: path, file: location)
        #expect(image.type == .png)
        #expect(image.type.contentType == "image/png")
        #expect(image.name == "tu-sach.jpg")
        #expect(image.data == TestImages.png)
    }

    @Test("a text file named .jpg is refused at its own line, naming the image")
    func textNamedJPEG() throws {
        let workspace = try TemporaryWorkspace()
        let parser = try Self.parser(workspace)
        try workspace.write("queue/images/a.jpg", data: TestImages.jpeg)
        try workspace.write("queue/images/ghi-chu.jpg", "Đây là ghi chú, không phải ảnh")
        try workspace.write("queue/images/rong.png", "")
        let file = try workspace.write(
            "queue/tin.md",
            Self.announcement("  - images/a.jpg\n  - images/ghi-chu.jpg\n  - images/rong.png\n")
        )
        let outcome = parser.parse(file: file)
        #expect(outcome.announcement == nil)
        let errors = outcome.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 2)
        let text = try #require(errors.first { $0.field == "images[1]" })
        #expect(text.line == 7)
        #expect(text.message.contains("'images/ghi-chu.jpg' is not a JPEG, PNG, GIF or WebP image"))
        let empty = try #require(errors.first { $0.field == "images[2]" })
        #expect(empty.line == 8)
        #expect(empty.message.contains("'images/rong.png' is an empty file"))
    }

    @Test("Facebook: over 4 MB is a warning, over 10 MB an error; max_image_bytes overrides the ceiling")
    func sizes() throws {
        let workspace = try TemporaryWorkspace()
        let parser = try Self.parser(
            workspace,
            extra: "  fb-nho:\n    platform: facebook\n    transport: outbox\n    max_image_bytes: 2000000\n"
        )
        try workspace.write("queue/images/vua.jpg", data: TestImages.jpeg(size: 4_500_000))
        try workspace.write("queue/images/lon.jpg", data: TestImages.jpeg(size: 10_000_001))
        let facebook = try workspace.write(
            "queue/fb.md",
            Self.announcement("  - images/vua.jpg\n", channels: "channels: [fb-thanhdoan]\n")
        )
        let advised = parser.parse(file: facebook)
        #expect(advised.announcement != nil)
        let warning = try #require(advised.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.field == "images[0]")
        #expect(
            warning.message.contains(
                "'images/vua.jpg' is 4,500,000 bytes; the platform of channel fb-thanhdoan recommends"
            )
        )
        let large = try workspace.write(
            "queue/lon.md",
            Self.announcement("  - images/lon.jpg\n", channels: "channels: [fb-thanhdoan, zalo-*]\n")
        )
        let refused = parser.parse(file: large)
        #expect(refused.announcement == nil)
        let error = try #require(refused.diagnostics.first { $0.severity == .error })
        #expect(error.line == 7)
        #expect(
            error.message.contains(
                "is 10,000,001 bytes; channels fb-thanhdoan, zalo-doan-phuong take images up to 10 MB"
            )
        )
        let small = try workspace.write(
            "queue/nho.md",
            Self.announcement("  - images/vua.jpg\n", channels: "channels: [fb-nho]\n")
        )
        let overridden = try #require(parser.parse(file: small).diagnostics.first)
        #expect(overridden.severity == .error)
        #expect(overridden.message.contains("channel fb-nho take images up to 2 MB"))
        #expect(!parser.parse(file: small).diagnostics.contains { $0.severity == .warning })
    }

    @Test("a Facebook post takes at most 10 images, web addresses included")
    func count() throws {
        let workspace = try TemporaryWorkspace()
        let parser = try Self.parser(workspace)
        try workspace.write("queue/images/a.jpg", data: TestImages.jpeg)
        let list = (1...11).map { $0 == 11 ? "  - https://x.example/\($0).jpg\n" : "  - images/a.jpg\n" }.joined()
        let file = try workspace.write("queue/tin.md", Self.announcement(list))
        let outcome = parser.parse(file: file)
        #expect(outcome.announcement == nil)
        let error = try #require(outcome.diagnostics.first)
        #expect(error.field == "images")
        #expect(error.line == 5)
        #expect(error.message.contains("has 11 images; channels fb-thanhdoan, zalo-doan-phuong take at most 10"))
    }

    @Test("sizes in messages: exact bytes, and MB from a million on")
    func sizeWords() {
        #expect(ImageLimits.exact(10_000_001) == "10,000,001 bytes")
        #expect(ImageLimits.exact(999) == "999 bytes")
        #expect(ImageLimits.describe(183_204) == "183,204 bytes")
        #expect(ImageLimits.describe(4_000_000) == "4 MB")
        #expect(ImageLimits.describe(4_460_000) == "4.5 MB")
    }

    @Test("an entry's path as a media server holds it: no '.' parts, 'x/..' pairs removed")
    func normalizedPaths() {
        #expect(AnnouncementImage.normalized("./images/a.jpg") == "images/a.jpg")
        #expect(AnnouncementImage.normalized("images/x/../b.jpg") == "images/b.jpg")
        #expect(AnnouncementImage.normalized("images//c.jpg") == "images/c.jpg")
    }
}
