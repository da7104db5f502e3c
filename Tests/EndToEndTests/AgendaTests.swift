import Foundation
import Testing

/// `loa agenda`: what goes out when, as the channels' rules will have it, through the real binary.
@Suite("loa agenda")
struct AgendaTests {
    @Test("posts at their time, moved past quiet hours and the minimum gap; drafts marked; outbox posts waiting")
    func agenda() throws {
        let workspace = try DeliveryWorkspace(
            channels: """
                  fb-thanhdoan:
                    platform: facebook
                    transport: outbox
                    quiet_hours: "22:00-06:00"
                    min_gap: 2h
                  zalo-nhom:
                    platform: zalo
                    transport: outbox
                """
        )
        func post(_ id: String, _ time: String, channel: String, draft: Bool = false) throws {
            try workspace.announce(
                id,
                "publish_at: \(time)\nchannels: [\(channel)]\(draft ? "\nstatus: draft" : "")",
                body: "Tuổi trẻ phường An Hòa – \(id)."
            )
        }
        try post("ra-quan", "01/12/2026 08:00", channel: "zalo-nhom")
        try post("hien-mau", "02/12/2026 08:00", channel: "fb-thanhdoan")
        try post("tiep-suc", "02/12/2026 08:30", channel: "fb-thanhdoan")
        try post("dem-nhac", "02/12/2026 23:00", channel: "fb-thanhdoan")
        try post("ban-nhap", "03/12/2026 09:00", channel: "fb-thanhdoan", draft: true)
        try post("cuoi-thang", "20/12/2026 09:00", channel: "fb-thanhdoan")
        #expect(try workspace.loa("run", "--now", Date.vietnam(8, 5)).status == 0)
        let archiveBefore = try Data(contentsOf: URL(fileURLWithPath: workspace.archivePath))
        let agenda = try workspace.loa("agenda", "--now", Date.vietnam(9))
        #expect(agenda.status == 0, "\(agenda.all)")
        let lines = agenda.standardOutput.split(separator: "\n").map(String.init)
        #expect(
            lines.map { $0.split(separator: ":").first.map(String.init) ?? $0 } == [
                "fb-thanhdoan", "  02/12/2026 08", "  02/12/2026 10", "  03/12/2026 06", "  03/12/2026 09", "zalo-nhom",
                "  waiting for a person since 01/12/2026 08",
            ],
            "\(agenda.standardOutput)"
        )
        #expect(lines[2].contains("tiep-suc") && lines[2].contains("minimum gap of 2h"))
        #expect(lines[3].contains("dem-nhac") && lines[3].contains("quiet hours (22:00-06:00)"))
        #expect(lines[4].contains("(draft)") && lines[4].contains("ban-nhap"))
        #expect(lines[6].contains("ra-quan") && lines[6].contains("loa confirm ra-quan --channel zalo-nhom"))
        #expect(!agenda.standardOutput.contains("cuoi-thang"), "beyond seven days")
        // Further ahead, and as JSON.
        let month = try workspace.loa("agenda", "--days", "30", "--json", "--now", Date.vietnam(9))
        let entries = try #require(
            try JSONSerialization.jsonObject(with: Data(month.standardOutput.utf8)) as? [[String: Any]]
        )
        #expect(
            entries.map { $0["announcement"] as? String } == [
                "hien-mau", "tiep-suc", "dem-nhac", "ban-nhap", "cuoi-thang", "ra-quan",
            ]
        )
        #expect(
            entries.map { $0["kind"] as? String } == [
                "scheduled", "scheduled", "scheduled", "draft", "scheduled", "waiting",
            ]
        )
        #expect(entries[2]["at"] as? String == "2026-12-02T23:00:00Z", "06:00 on 3 December in Vietnam")
        // It only reads.
        #expect(try Data(contentsOf: URL(fileURLWithPath: workspace.archivePath)) == archiveBefore)
        #expect(try workspace.loa("agenda", "--days", "0").status == 2)
    }
}
