import Foundation
import Testing

@testable import Loa

/// Random inputs, built from the pieces that matter to each stage, through the front-matter parser, the
/// Markdown renderer and the template layer: none may trap, and what they return keeps its invariants.
///
/// A run is a second or two; `LOA_FUZZ_ITERATIONS=100000 swift test --filter FuzzTests` runs longer, and
/// `LOA_FUZZ_SEED=N` starts from another seed (a failure names the seed and iteration to replay).
@Suite("Fuzzing the parser, Markdown and templates")
struct FuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let iterations = environment["LOA_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 300
    static let seed = environment["LOA_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_201

    /// SplitMix64: small, fast, and the same sequence on every machine for a seed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        /// Up to `count` pieces drawn from `pieces`, joined.
        mutating func text(_ pieces: [String], count: Int) -> String {
            var result = ""
            for _ in 0..<Int.random(in: 0...count, using: &self) {
                if Int.random(in: 0..<8, using: &self) == 0 {
                    result.unicodeScalars.append(Unicode.Scalar(UInt8.random(in: 0...127, using: &self)))
                } else {
                    result += pieces.randomElement(using: &self) ?? ""
                }
            }
            return result
        }
    }

    static let markdownPieces = [
        "Đoàn viên", " ", " ", "\n", "\n\n", "\r\n", "\t", "**", "*", "_", "__", "~~", "`", "```", "~~~", "[", "]",
        "(", ")", "](", "![", "<", ">", "# ", "## ", "> ", "- ", "* ", "1. ", "2) ", "\\", "!", ".", "…", "?",
        "https://thanhdoancantho.example/a_b", "http://x.example/(c)", "mailto:a@b.example",
        "[liên kết](https://x.example)",
        "e\u{301}", "A\u{300}", "😀", "👨‍👩‍👧", "\u{200B}", "\u{2028}", "\u{0}", "\u{1B}", "---", "***", "#TuoiTre", "ﬁ",
    ]

    static let frontMatterPieces =
        [
            "---\n", "...\n", "title: Tin hoạt động\n", "category: activity-news\n", "category: policy\n",
            "unit: Đoàn phường An Hòa\n", "publish_at: 2026-12-01 08:00\n", "publish_at: 01/01/0001 08:00\n",
            "expires_at: 31/12/2026 17:00\n", "id: tin-a\n", "id: Tin-A\n",
            "id: \(String(repeating: "x", count: 120))\n",
            "channels: [fb-thanhdoan, zalo-*]\n", "channels: []\n", "link: https://x.example/a\n", "link: ftp://x\n",
            "images: [../credentials]\n", "images: [https://x.example/a.jpg]\n", "hashtags: [Tuổi trẻ, \"#A\"]\n",
            "status: draft\n", "revision: 9223372036854775807\n", "revision: 2\n", "variants:\n  zalo: ngắn\n",
            "title: \"a\\0b\"\n", "title: [a, b]\n", "unit:\n", "  - x\n", ": :\n", "\u{FEFF}", "\t", "\"", "'", "#",
            "&a ",
            "*a", "{", "}", "|\n", ">\n",
        ] + markdownPieces

    static let templatePieces = [
        "{{% CONTENT_TYPE: TEXT}}\n", "{{title}}", "{{body}}", "{{{body}}}", "{{&unit}}", "{{#link}}", "{{/link}}",
        "{{^truncated}}", "{{/truncated}}", "{{#hashtag_list}}{{.}} {{/hashtag_list}}", "{{hashtags}}", "{{titel}}",
        "{{> partial}}", "{{! comment }}", "{{=<% %>=}}", "<%title%>", "<%={{ }}=%>", "{{uppercased(title)}}",
        "{{upercased(title)}}", "{{#images}}{{.}}{{/images}}", "{{ publish_date }}", "{{", "}}", "{{#", "{{/", "\n",
        " ", "📢 ", "Xem thêm: ", "{{channel}}", "{{ first() }}", "{{title.count}}",
    ]

    @Test("the front-matter parser returns an announcement or an error, never traps")
    func parser() throws {
        let parser = AnnouncementParser(
            timeZone: TimeZone(identifier: "America/New_York")!,
            channelIDs: ["fb-thanhdoan", "zalo-doan-phuong"]
        )
        let file = URL(fileURLWithPath: "/tmp/loa-fuzz/queue/tin.md")
        var generator = Generator(state: Self.seed)
        for iteration in 0..<Self.iterations {
            let text =
                (Bool.random(using: &generator) ? "---\n" : "")
                + generator.text(Self.frontMatterPieces, count: 14)
                + (Bool.random(using: &generator) ? "---\n" : "") + generator.text(Self.markdownPieces, count: 20)
            let outcome = parser.parse(text, file: file)
            let context = "seed \(Self.seed), iteration \(iteration): \(text.debugDescription)"
            if let announcement = outcome.announcement {
                #expect(!outcome.diagnostics.hasErrors, "\(context)")
                #expect(AnnouncementParser.isValidID(announcement.id), "\(context)")
                #expect(announcement.id.utf8.count <= ConfigurationLoader.maximumIDLength, "\(context)")
                #expect(!announcement.body.isEmpty, "\(context)")
                #expect(!announcement.body.unicodeScalars.contains(where: AnnouncementParser.isControl), "\(context)")
                #expect(
                    Array(announcement.body.utf8) == Array(VietnameseText.nfc(announcement.body).utf8),
                    "\(context)"
                )
                #expect((1...AnnouncementParser.maximumRevision).contains(announcement.revision), "\(context)")
            } else {
                #expect(outcome.diagnostics.hasErrors, "\(context)")
            }
        }
    }

    @Test("Markdown to text never traps, keeps no trailing spaces and no runs of blank lines")
    func markdown() {
        var generator = Generator(state: Self.seed)
        for iteration in 0..<Self.iterations * 2 {
            let markdown = generator.text(Self.markdownPieces, count: 40)
            let text = MarkdownText.plainText(markdown, bullet: Bool.random(using: &generator) ? "•" : "-")
            let context = "seed \(Self.seed), iteration \(iteration): \(markdown.debugDescription)"
            #expect(!text.contains("\n\n\n"), "\(context)")
            #expect(!text.hasSuffix("\n"), "\(context)")
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                #expect(line.last.map { !$0.isWhitespace } ?? true, "\(context)")
            }
        }
    }

    @Test("templates: checking never traps; a rendering is NFC, not empty, and within the limit")
    func templates() throws {
        let workspace = try TemporaryWorkspace()
        var generator = Generator(state: Self.seed)
        let platforms = Platform.allCases
        for iteration in 0..<max(1, Self.iterations / 3) {
            let template = generator.text(Self.templatePieces, count: 12)
            let context = "seed \(Self.seed), iteration \(iteration): \(template.debugDescription)"
            _ = TemplateTags.problems(in: template, names: Renderer.variableNames)
            let platform = platforms.randomElement(using: &generator) ?? .plain
            try workspace.write("templates-\(iteration)/\(platform.rawValue).mustache", template)
            let templates = TemplateSet(directory: workspace.url("templates-\(iteration)"))
            let renderer = Renderer(templates: templates, timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!)
            let channel = Channel(
                id: "kenh",
                platform: platform,
                transport: .outbox,
                maxLength: Bool.random(using: &generator) ? Int.random(in: 1...400, using: &generator) : nil
            )
            let announcement = Announcement(
                id: "tin",
                title: generator.text(Self.markdownPieces, count: 4),
                category: Loa.Category.allCases.randomElement(using: &generator) ?? .activityNews,
                unit: "Đoàn phường An Hòa",
                link: Bool.random(using: &generator) ? URL(string: "https://x.example/tin") : nil,
                hashtags: ["Tuổi trẻ", generator.text(Self.markdownPieces, count: 3)],
                body: generator.text(Self.markdownPieces, count: 60),
                file: workspace.url("queue/tin.md")
            )
            switch renderer.render(announcement, for: channel) {
            case .success(let variant):
                #expect(Array(variant.text.utf8) == Array(VietnameseText.nfc(variant.text).utf8), "\(context)")
                #expect(variant.length == TextLength.measure(variant.text), "\(context)")
                #expect(variant.length <= channel.lengthLimit, "\(context)")
                let blank = variant.text.allSatisfy(\.isWhitespace)
                #expect(!blank, "\(context)")
            case .failure:
                break
            }
        }
    }
}
