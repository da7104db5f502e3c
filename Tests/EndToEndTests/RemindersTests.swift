import Foundation
import Testing

/// A person is told, from cron too, when a post needs them: written to the outbox, and still waiting later.
@Suite("loa run: telling a person what to post by hand")
struct RemindersTests {
    static let channels = """
          zalo-nhom:
            platform: zalo
            transport: outbox
        """

    @Test(
        "a post written to the outbox is said once, with the folder and the command; reminded after remind_after, then daily"
    )
    func outboxAndReminders() throws {
        let workspace = try DeliveryWorkspace(channels: Self.channels, settings: "remind_after: 3h")
        try workspace.announce(
            "ra-quan",
            "publish_at: 01/12/2026 08:00",
            body: "Đoàn phường ra quân hưởng ứng Tháng Thanh niên."
        )
        // Cron: standard output is a file, not a terminal.
        let written = try workspace.loa("run", "--now", Date.vietnam(8, 1))
        #expect(written.status == 0, "\(written.all)")
        #expect(written.standardOutput.contains("written"), "\(written.all)")
        #expect(written.standardOutput.contains("ra-quan → zalo-nhom"))
        #expect(written.standardOutput.contains("outbox/zalo-nhom"), "names the folder: \(written.standardOutput)")
        #expect(written.standardOutput.contains("loa confirm ra-quan --channel zalo-nhom"), "names the command")
        // Said once: the next minutes are quiet until remind_after has passed.
        for minute in [2, 30] {
            let quiet = try workspace.loa("run", "--now", Date.vietnam(8, minute))
            #expect(quiet.status == 0 && quiet.all.isEmpty, "\(quiet.all)")
        }
        let quietLate = try workspace.loa("run", "--now", Date.vietnam(10, 59))
        #expect(quietLate.all.isEmpty, "\(quietLate.all)")
        let reminded = try workspace.loa("run", "--now", Date.vietnam(11, 2))
        #expect(reminded.status == 0)
        #expect(reminded.standardOutput.components(separatedBy: "\n").filter { $0.hasPrefix("reminder") }.count == 1)
        #expect(
            reminded.standardOutput.contains("written 01/12/2026 08:01, still not confirmed"),
            "\(reminded.standardOutput)"
        )
        #expect(reminded.standardOutput.contains("loa confirm ra-quan --channel zalo-nhom"))
        // Once, then once a day.
        for (hour, minute) in [(11, 3), (23, 0), (24 + 11, 1)] {
            let quiet = try workspace.loa("run", "--now", Date.vietnam(hour, minute))
            #expect(quiet.all.isEmpty, "\(hour):\(minute): \(quiet.all)")
        }
        let nextDay = try workspace.loa("run", "--now", Date.vietnam(24 + 11, 2))
        #expect(nextDay.standardOutput.contains("reminder"), "\(nextDay.all)")
        // Confirmed: never again.
        let confirm = try workspace.loa(
            "confirm",
            "ra-quan",
            "--channel",
            "zalo-nhom",
            "--url",
            "https://zalo.me/g/abc"
        )
        #expect(confirm.status == 0, "\(confirm.all)")
        let after = try workspace.loa("run", "--now", Date.vietnam(48 + 12))
        #expect(after.all.isEmpty, "\(after.all)")
    }
}
