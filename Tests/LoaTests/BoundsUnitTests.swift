import Foundation
import Testing

@testable import Loa

/// Bounds and linear time in single stages: values that once trapped, and texts that once took minutes.
@Suite("Bounds and linear time")
struct BoundsUnitTests {
    /// The fastest of five runs of `work`, in seconds: the other tests run beside these, so single runs wander.
    static func time(_ work: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<5 {
            let start = DispatchTime.now().uptimeNanoseconds
            work()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }

    /// Ten times the input may take at most this many times as long: linear work gives about 10, quadratic about
    /// 100; the margin is for a machine busy with other tests.
    static let linearBound = 50.0

    /// A body of `lines` lines, each with Markdown links, bare addresses and emphasis.
    static func linkedBody(lines: Int, perLine: Int) -> String {
        let line = (0..<perLine).map { index in
            "Xem [bài \(index)](https://thanhdoancantho.example/tin/\(index)_a) và https://x.example/\(index)_b "
                + "**đậm \(index)** <https://y.example/\(index)>"
        }.joined(separator: " ")
        return Array(repeating: line, count: lines).joined(separator: "\n")
    }

    @Test(
        "Markdown to text takes time linear in the size of the body, on one long line or many",
        arguments: [(1, 200), (20, 10)]
    )
    func markdownIsLinear(lines: Int, perLine: Int) {
        let small = Self.linkedBody(lines: lines, perLine: perLine)
        let large = Self.linkedBody(lines: lines * 10, perLine: perLine)
        let wide = Self.linkedBody(lines: lines, perLine: perLine * 10)
        _ = MarkdownText.plainText(small)
        let base = Self.time { _ = MarkdownText.plainText(small) }
        let tall = Self.time { _ = MarkdownText.plainText(large) }
        let long = Self.time { _ = MarkdownText.plainText(wide) }
        // Linear is about 10; quadratic about 100. 30 leaves room for a busy machine.
        #expect(tall / base < Self.linearBound, "10× the lines took \(tall / base)× as long (\(base) s → \(tall) s)")
        #expect(
            long / base < Self.linearBound,
            "10× as long a line took \(long / base)× as long (\(base) s → \(long) s)"
        )
    }

    @Test(
        "emphasis markers that are never closed take linear time",
        arguments: ["*a ", "**a ", "_a ", "__a ", "~~a ", "[a ", "![a "]
    )
    func unclosedMarkersAreLinear(piece: String) {
        // Large enough that the small run takes a measurable time: a run of microseconds is mostly noise.
        let small = String(repeating: piece, count: 6_000)
        let large = String(repeating: piece, count: 60_000)
        _ = MarkdownText.plainText(small)
        let base = Self.time { _ = MarkdownText.plainText(small) }
        let tenfold = Self.time { _ = MarkdownText.plainText(large) }
        #expect(
            tenfold / base < Self.linearBound,
            "10× the text took \(tenfold / base)× as long (\(base) s → \(tenfold) s)"
        )
        #expect(MarkdownText.plainText(small) == String(small.dropLast()))
    }

    @Test("rendering and cutting a long body full of links takes linear time")
    func renderingIsLinear() {
        let renderer = Renderer(templates: TemplateSet(), timeZone: RendererTests.zone)
        func announcement(_ body: String) -> Announcement {
            RendererTests.announcement(body: body)
        }
        let small = announcement(Self.linkedBody(lines: 1, perLine: 300))
        let large = announcement(Self.linkedBody(lines: 1, perLine: 3000))
        let channel = Channel(id: "kenh", platform: .facebook, transport: .outbox, maxLength: 2000)
        _ = renderer.render(small, for: channel)
        let base = Self.time { _ = renderer.render(small, for: channel) }
        let tenfold = Self.time { _ = renderer.render(large, for: channel) }
        #expect(
            tenfold / base < Self.linearBound,
            "10× the body took \(tenfold / base)× as long (\(base) s → \(tenfold) s)"
        )
    }

    @Test("web addresses are found as before: punctuation after them left out, any case of the scheme")
    func webAddresses() {
        let text = "Xem https://a.example/x. Và (HTTP://B.example/y), httpx://no, http:/no, https://c.example/(d)!"
        let found = WebAddresses.ranges(in: text).map { String(text[$0]) }
        #expect(found == ["https://a.example/x", "HTTP://B.example/y", "https://c.example/(d)"])
    }

    @Test("durations format without trapping, however large; figures add up without trapping")
    func noTraps() {
        #expect(DurationText.format(9_999_999_999_999_999) == "3650d")
        #expect(DurationText.format(.infinity) == "3650d")
        #expect(DurationText.format(.nan) == "3650d")
        #expect(DurationText.parse("1e400s") == nil)
        #expect(Figures.sum([Int.max, 1, 5]) == Int.max)
        #expect(Figures.sum([5_000_000_000_000_000_000, 5_000_000_000_000_000_000]) == Int.max)
        #expect(Figures.sum([1, 2, 3]) == 6)
        #expect(SVGChart.niceCeiling(Int.max) == Int.max)
        #expect(SVGChart.niceCeiling(7) == 8)
        #expect(VietnameseNumber.format(Int.min) == "-9.223.372.036.854.775.808")
    }

    @Test("a bridge's figure past the bound is refused, naming it")
    func bridgeFigures() {
        #expect(
            Figures.parse(Data(#"{"views": 2000000000000}"#.utf8))
                == .failure(.tooLarge(metric: "views", value: "2000000000000"))
        )
        #expect(
            Figures.parse(Data(#"{"views": 5e18}"#.utf8)) == .failure(.tooLarge(metric: "views", value: "5e+18"))
        )
        #expect(Figures.parse(Data(#"{"views": 1000000000000}"#.utf8)) == .success(["views": 1_000_000_000_000]))
        #expect(Figures.parse(arguments: ["views=1000000000001"]) == .failure(.badValue("views=1000000000001")))
    }

    @Test("a local time the zone skips is refused; one it repeats is read")
    func skippedTimes() {
        let newYork = DateTimeParser(timeZone: TimeZone(identifier: "America/New_York")!)
        #expect(
            newYork.parse("2026-03-08 02:30") == .failure(.skippedTime("2026-03-08 02:30", zone: "America/New_York"))
        )
        #expect((try? newYork.parse("2026-03-08 03:30").get()) != nil)
        #expect((try? newYork.parse("2026-11-01 01:30").get()) != nil)
        #expect((try? newYork.parse("2026-03-08T02:30:00-05:00").get()) != nil)
        #expect(newYork.parseDay("0001-01-01") == .failure(.yearOutOfRange("0001-01-01")))
    }

    @Test(
        "template tags: unknown names, transforms and partials are problems; known ones, sections and comments are not",
        arguments: [
            ("{{% CONTENT_TYPE: TEXT}}\n{{title}}\n{{#hashtag_list}}{{.}}{{/hashtag_list}}", []),
            ("{{! {{titel}} }}\n{{ uppercased(title) }}\n{{#images}}{{ first() }}{{/images}}", []),
            ("{{=<% %>=}}\n<%title%>\n<%titel%>", [3]),
            ("a\n{{titel}}\n{{{bodyy}}}\n{{&unit}}", [2, 3]),
            ("{{#link}}\n{{/link}}\n{{> footer}}\n{{< base}}{{/base}}", [3, 4]),
            ("{{upercased(title)}}", [1]),
            ("{{title.count}}\n{{.title}}\n{{nope.count}}", [3]),
        ]
    )
    func templateTags(template: String, lines: [Int]) {
        #expect(TemplateTags.problems(in: template, names: Renderer.variableNames).map(\.line) == lines)
    }

    @Test("a template that renders to nothing is a failure, never an empty post")
    func emptyRendering() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write(
            "templates/zalo.mustache",
            "{{% CONTENT_TYPE: TEXT}}\n{{#truncated}}{{title}}{{/truncated}}\n"
        )
        let renderer = Renderer(
            templates: TemplateSet(directory: workspace.url("templates")),
            timeZone: RendererTests.zone
        )
        let result = renderer.render(RendererTests.announcement(), for: RendererTests.zalo)
        #expect(result == .failure(.empty(channel: "zalo-doan-phuong", template: "zalo.mustache")))
    }
}
