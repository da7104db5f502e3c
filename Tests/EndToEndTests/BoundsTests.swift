import Foundation
import GRDB
import Testing

/// Values past every sane bound, and text no platform should get, refused by `loa check` with the bound in the
/// message, rather than accepted and trapping or misbehaving in `loa run` and `loa export`.
@Suite("bounds on values, end to end")
struct BoundsTests {
    static let outbox = "  zalo-nhom:\n    platform: zalo\n    transport: outbox"

    @Test(
        "durations past their bound are refused by check, and run does not trap",
        arguments: [
            ("timeout: 9999999999999999s", "timeout: '9999999999999999s' is out of range; expected from 0s to 10m"),
            (
                "min_gap: 9223372036854775807s",
                "min_gap: '9223372036854775807s' is out of range; expected from 0s to 30d"
            ),
        ]
    )
    func durations(line: String, message: String) throws {
        let bridge = try TestBridge { _, count in .ok(id: "p\(count)") }
        let workspace = try DeliveryWorkspace(
            channels: DeliveryWorkspace.webhook("fb", url: bridge.url(), extra: [line])
        )
        try workspace.announce("tin", "publish_at: 01/12/2026 08:00")
        let check = try workspace.loa("check")
        #expect(check.status == 2, "\(check.all)")
        #expect(check.standardOutput.contains("loa.yml:10: error: channels.fb.\(message)"), "\(check.all)")
        let run = try workspace.loa("run", "--now", Date.vietnam(9))
        #expect(run.status == 2, "\(run.all)")
        #expect(run.standardError.contains(message))
        #expect(bridge.received.isEmpty)
    }

    @Test("missed_after and engagement_schedule past their bounds are refused")
    func settings() throws {
        let workspace = try DeliveryWorkspace(
            channels: Self.outbox,
            settings: "missed_after: 99999999999d\nengagement_schedule: \"6h: 1h, 9999999d: 1d\""
        )
        let check = try workspace.loa("check")
        #expect(check.status == 2)
        let missed = "missed_after: '99999999999d' is out of range; expected from 0s to 3650d"
        #expect(check.standardOutput.contains(missed))
        #expect(check.standardOutput.contains("engagement_schedule: '6h: 1h, 9999999d: 1d' is not a schedule"))
        #expect(check.standardOutput.contains("growing ages up to 365d"))
    }

    @Test("a revision past the bound is refused, so `revision + 1` in a hint cannot trap")
    func revision() throws {
        let workspace = try DeliveryWorkspace(channels: Self.outbox)
        try workspace.announce("tin", "revision: 9223372036854775807")
        let check = try workspace.loa("check")
        #expect(check.status == 1)
        #expect(check.standardOutput.contains("revision: '9223372036854775807' is not a whole number from 1 to 100000"))
    }

    @Test("huge figures are refused by hand; figures already in an archive are summed without trapping")
    func figures() throws {
        let workspace = try DeliveryWorkspace(channels: Self.outbox)
        try workspace.announce("tin", "publish_at: 01/12/2026 08:00")
        _ = try workspace.loa("run", "--now", Date.vietnam(9))
        let huge = try workspace.loa(
            "engagement",
            "record",
            "tin",
            "--channel",
            "zalo-nhom",
            "reactions=5000000000000000000",
            "comments=5000000000000000000"
        )
        #expect(huge.status == 2, "\(huge.all)")
        #expect(huge.standardError.contains("must be a whole number from 0 to 1000000000000"))
        #expect(try workspace.rows("SELECT * FROM engagement_snapshots").isEmpty)

        // An archive written by an older Loa may hold such figures already.
        let confirm = try workspace.loa(
            "confirm",
            "tin",
            "--channel",
            "zalo-nhom",
            "--url",
            "https://zalo.example/p/1"
        )
        #expect(confirm.status == 0, "\(confirm.all)")
        let delivery: String = try #require(try workspace.rows("SELECT id FROM deliveries").first?["id"])
        try DatabaseQueue(path: workspace.archivePath).write { db in
            for metric in ["reactions", "comments", "shares"] {
                try db.execute(
                    sql: """
                        INSERT INTO engagement_snapshots (delivery_id, metric, value, taken_at, source)
                        VALUES (?, ?, 5000000000000000000, '2026-12-01 05:00:00.000', 'manual')
                        """,
                    arguments: [delivery, metric]
                )
            }
        }
        for format in ["xlsx", "html", "csv", "jsonl"] {
            let file = workspace.root.appendingPathComponent("report.\(format)")
            let export = try workspace.loa("export", "--format", format, "--output", file.path)
            #expect(export.status == 0, "\(format): \(export.all)")
            #expect((try? Data(contentsOf: file))?.isEmpty == false, "\(format)")
        }
        let html = try String(contentsOf: workspace.root.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains(dotted(Int.max)))
    }

    @Test("a queue file over 1 MiB is refused, naming the bound")
    func largeFile() throws {
        let workspace = try DeliveryWorkspace(channels: Self.outbox)
        try workspace.announce("lon", body: String(repeating: "Đoàn viên ra quân. ", count: 60_000))
        try workspace.announce("nho")
        let check = try workspace.loa("check")
        #expect(check.status == 1, "\(check.all)")
        #expect(check.standardOutput.contains("queue/lon.md: error: is "))
        #expect(check.standardOutput.contains("bytes; a queue file may have at most 1048576 bytes (1 MiB)"))
        #expect(check.standardOutput.contains("2 queue files: 1 ready"))
    }

    @Test("ids and channel ids longer than 100 characters are refused by check")
    func longIDs() throws {
        let longID = String(repeating: "tin-hoat-dong-", count: 17)
        let workspace = try DeliveryWorkspace(channels: Self.outbox)
        try workspace.announce("tin", "id: \(longID)")
        let check = try workspace.loa("check")
        #expect(check.status == 1, "\(check.all)")
        #expect(check.standardOutput.contains("id: '\(longID)' is not a valid id"))
        #expect(check.standardOutput.contains("at most 100 characters"))
        try FileManager.default.removeItem(at: workspace.root.appendingPathComponent("queue/tin.md"))
        try workspace.announce(longID)
        let byName = try workspace.loa("check")
        #expect(byName.status == 1)
        #expect(byName.standardOutput.contains("the file name '\(longID)' cannot serve as the id"))

        let longChannel = String(repeating: "zalo-nhom-", count: 11)
        let channels = try DeliveryWorkspace(channels: "  \(longChannel):\n    platform: zalo\n    transport: outbox")
        let config = try channels.loa("check")
        #expect(config.status == 2)
        #expect(config.standardOutput.contains("'\(longChannel)' is not a valid channel id"))
        #expect(config.standardOutput.contains("at most 100 characters"))
    }

    @Test("ids and channel ids that differ only in case are refused")
    func caseCollisions() throws {
        let workspace = try DeliveryWorkspace(channels: Self.outbox)
        try workspace.announce("mot", "id: Tin-A")
        try workspace.announce("hai", "id: tin-a")
        let check = try workspace.loa("check")
        #expect(check.status == 1, "\(check.all)")
        #expect(check.standardOutput.contains("queue/mot.md:1: error: id: 'Tin-A' differs only in case from 'tin-a'"))
        let run = try workspace.loa("run", "--now", Date.vietnam(9))
        #expect(run.status == 1, "\(run.all)")
        #expect(try workspace.rows("SELECT * FROM deliveries").isEmpty, "neither is posted until one is renamed")

        let channels = try DeliveryWorkspace(
            channels: Self.outbox + "\n  Zalo-Nhom:\n    platform: zalo\n    transport: outbox"
        )
        let config = try channels.loa("check")
        #expect(config.status == 2, "\(config.all)")
        #expect(
            config.standardOutput.contains("'Zalo-Nhom' differs only in case from the channel 'zalo-nhom' on line 4")
        )
    }

    @Test("images outside the queue folder, directly, by an absolute path or through a link, are refused")
    func imagesOutside() throws {
        let workspace = try DeliveryWorkspace(channels: Self.outbox)
        try workspace.write("credentials", "X=1\n")
        try workspace.write("queue/images/ok.jpg", data: TestImages.jpeg)
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("loa-outside-\(UUID()).jpg")
        try Data("secret".utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(
            at: workspace.root.appendingPathComponent("queue/images/link.jpg"),
            withDestinationURL: outside
        )
        try workspace.announce("tin", "images: [../credentials, images/link.jpg, images/ok.jpg, \(outside.path)]")
        let check = try workspace.loa("check")
        #expect(check.status == 1, "\(check.all)")
        let out = check.standardOutput
        #expect(
            out.contains("queue/tin.md:7: error: images[0]: '../credentials' is outside the queue folder"),
            "\(out)"
        )
        #expect(out.contains("queue/tin.md:7: error: images[1]: 'images/link.jpg' is outside the queue folder"))
        #expect(out.contains("images[3]: '\(outside.path)' is outside the queue folder"))
        #expect(!out.contains("images[2]"))
        let run = try workspace.loa("run", "--now", Date.vietnam(9))
        #expect(run.status == 1)
        #expect(try workspace.rows("SELECT * FROM deliveries").isEmpty)
    }

    @Test("control characters in a body are refused, naming the line; tabs are fine")
    func controlCharacters() throws {
        let workspace = try DeliveryWorkspace(channels: Self.outbox)
        try workspace.announce("tin", body: "Dòng một\tcó tab\nDòng hai\u{0}có NUL\nDòng ba \u{1B}[31m")
        try workspace.announce("tab", body: "Cột một\tcột hai\r\nDòng hai")
        let check = try workspace.loa("check")
        #expect(check.status == 1, "\(check.all)")
        #expect(check.standardOutput.contains("queue/tin.md:10: error: body: contains the control character U+0000"))
        #expect(!check.standardOutput.contains("queue/tab.md"))
    }

    @Test(
        "years outside 2000–2999 are refused with the bound",
        arguments: ["01/01/0001 08:00", "0001-01-01 08:00", "01/01/9999 08:00", "1999-12-31T08:00:00+07:00"]
    )
    func years(date: String) throws {
        let workspace = try DeliveryWorkspace(channels: Self.outbox)
        try workspace.announce("tin", "publish_at: \(date)")
        let check = try workspace.loa("check")
        #expect(check.status == 1, "\(check.all)")
        #expect(
            check.standardOutput.contains("publish_at: '\(date)' is out of range; expected a year from 2000 to 2999")
        )
    }

    @Test("a local time the zone skips is refused, naming the field")
    func skippedTime() throws {
        let workspace = try DeliveryWorkspace(channels: Self.outbox)
        try workspace.write("loa.yml", "timezone: America/New_York\nchannels:\n\(Self.outbox)\n")
        try workspace.announce("tin", "publish_at: 2026-03-08 02:30")
        try workspace.announce("hop-le", "publish_at: 2026-03-08 03:30")
        let check = try workspace.loa("check")
        #expect(check.status == 1, "\(check.all)")
        #expect(check.standardOutput.contains("queue/tin.md:7: error: publish_at: '2026-03-08 02:30' does not exist"))
        #expect(check.standardOutput.contains("America/New_York"))
        #expect(!check.standardOutput.contains("hop-le"))
    }

    @Test("a template with a misspelt value, or a partial, is refused naming the template and line")
    func templateNames() throws {
        let workspace = try DeliveryWorkspace(channels: Self.outbox)
        try workspace.announce("tin")
        try workspace.write(
            "templates/zalo.mustache",
            "{{% CONTENT_TYPE: TEXT}}\n{{titel}}\n\n{{{ bodyy }}}\n{{#hashtag_list}}{{.}} {{/hashtag_list}}\n"
                + "{{> chan-trang}}\n{{ uppercased(unit) }}\n"
        )
        let check = try workspace.loa("check")
        #expect(check.status == 2, "\(check.all)")
        let out = check.standardOutput
        #expect(out.contains("templates/zalo.mustache:2: error: uses 'titel', which is not a value Loa gives"))
        #expect(out.contains("templates/zalo.mustache:4: error: uses 'bodyy', which is not a value Loa gives"))
        #expect(out.contains("(did you mean 'body'?); known values: title, body, category"))
        #expect(out.contains("templates/zalo.mustache:6: error: includes the partial 'chan-trang'"))
        #expect(!out.contains("zalo.mustache:5"))
        #expect(!out.contains("zalo.mustache:7"))
        let run = try workspace.loa("run", "--now", Date.vietnam(9))
        #expect(run.status == 2)
        #expect(!FileManager.default.fileExists(atPath: workspace.root.appendingPathComponent("outbox").path))
    }

    @Test("a template that renders to nothing is an error in check, and nothing empty is posted")
    func emptyRendering() throws {
        let workspace = try DeliveryWorkspace(channels: Self.outbox)
        try workspace.announce("tin", "publish_at: 01/12/2026 08:00")
        try workspace.write(
            "templates/zalo.mustache",
            "{{% CONTENT_TYPE: TEXT}}\n{{#truncated}}{{body}}{{/truncated}}\n"
        )
        let check = try workspace.loa("check")
        #expect(check.status == 1, "\(check.all)")
        #expect(
            check.standardOutput.contains(
                "body: renders to no text at all for zalo-nhom with the template zalo.mustache"
            )
        )
        let run = try workspace.loa("run", "--now", Date.vietnam(9))
        #expect(run.status == 1, "\(run.all)")
        #expect(try workspace.statuses() == ["tin": "pending"])
        #expect(!FileManager.default.fileExists(atPath: workspace.root.appendingPathComponent("outbox/zalo-nhom").path))
    }
}

/// `1.250`-style numbers as the HTML report writes them.
private func dotted(_ value: Int) -> String {
    var digits = Array(String(value))
    var groups: [String] = []
    while !digits.isEmpty {
        groups.insert(String(digits.suffix(3)), at: 0)
        digits.removeLast(min(3, digits.count))
    }
    return groups.joined(separator: ".")
}
