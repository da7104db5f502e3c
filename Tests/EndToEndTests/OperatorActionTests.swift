import Foundation
import GRDB
import Testing

/// Operator actions that cannot hurt: `loa confirm` only what waits for it, undo, retry with a fresh window, and
/// runs that exit 1 when they decide something a person must see.
@Suite("loa confirm, retry and the runs that need a person")
struct OperatorActionTests {
    static let outbox = "  zalo-nhom:\n    platform: zalo\n    transport: outbox"

    /// The delivery row of an announcement, for a workspace with one channel.
    static func row(_ workspace: DeliveryWorkspace, _ id: String) throws -> Row {
        try #require(
            try workspace.rows(
                "SELECT status, remote_url, note, sent_at, window_start FROM deliveries WHERE announcement_id = '\(id)'"
            ).first
        )
    }

    @Test("confirm is refused (exit 1, with the reason) unless the post awaits confirmation; --force overrides")
    func confirmOnlyWhatWaits() throws {
        let workspace = try DeliveryWorkspace(channels: Self.outbox)
        try workspace.announce("hom-nay", "publish_at: 01/12/2026 08:00")
        try workspace.announce("tuan-sau", "publish_at: 08/12/2026 08:00")
        _ = try workspace.loa("run", "--now", Date.vietnam(9))
        let early = try workspace.loa(
            "confirm",
            "tuan-sau",
            "--channel",
            "zalo-nhom",
            "--url",
            "https://zalo.me/g/abc/1",
            "--now",
            Date.vietnam(9, 5)
        )
        #expect(early.status == 1, "\(early.all)")
        #expect(
            early.standardError.contains(
                "left tuan-sau → zalo-nhom: it is not awaiting confirmation: it has not been written to the outbox "
                    + "yet (due 08/12/2026 08:00); if it was posted by hand anyway, confirm with --force"
            ),
            "\(early.all)"
        )
        #expect(try Self.row(workspace, "tuan-sau")["status"] == "pending", "next week's post is still owed")
        // Next week it is written to the outbox as usual.
        let nextWeek = try workspace.loa("run", "--now", Date.vietnam(9, plus: 7 * 86_400))
        #expect(nextWeek.status == 0, "\(nextWeek.all)")
        #expect(
            FileManager.default.fileExists(
                atPath: workspace.root.appendingPathComponent("outbox/zalo-nhom/2026-12-08-tuan-sau/text.txt").path
            )
        )
        #expect(try Self.row(workspace, "tuan-sau")["status"] == "awaiting_confirmation")
    }

    @Test("confirm without an address: --note (NFD typed, NFC kept) and --at 7h30; undo puts it back; twice refused")
    func confirmNoteAtAndUndo() throws {
        let workspace = try DeliveryWorkspace(channels: Self.outbox)
        try workspace.announce("tin", "publish_at: 01/12/2026 08:00")
        _ = try workspace.loa("run", "--now", Date.vietnam(9))
        let nfd = "nhóm Zalo Đoàn phường".decomposedStringWithCanonicalMapping
        let confirm = try workspace.loa(
            "confirm",
            "tin",
            "--channel",
            "zalo-nhom",
            "--note",
            nfd,
            "--at",
            "9h30",
            "--now",
            Date.vietnam(10)
        )
        #expect(confirm.status == 0, "\(confirm.all)")
        #expect(confirm.standardOutput == "confirmed tin → zalo-nhom: now sent\n")
        var row = try Self.row(workspace, "tin")
        #expect(row["status"] == "sent")
        #expect(row["remote_url"] == nil as String?)
        let note: String = row["note"]
        #expect(Array(note.utf8) == Array("posted by hand: nhóm Zalo Đoàn phường".utf8), "stored in NFC")
        #expect(row["sent_at"] == "2026-12-01 02:30:00.000", "09:30 in Vietnam")
        let kept = try #require(try workspace.rows("SELECT note, previous_status FROM confirmations").first)
        #expect(kept["previous_status"] == "awaiting_confirmation")
        #expect(Array((kept["note"] as String).utf8) == Array("nhóm Zalo Đoàn phường".utf8))

        let again = try workspace.loa("confirm", "tin", "--channel", "zalo-nhom", "--url", "https://zalo.me/g/x")
        #expect(again.status == 1)
        #expect(again.standardError.contains("it was confirmed already"), "\(again.all)")
        #expect(again.standardError.contains("`loa confirm --undo` first"), "\(again.all)")

        let undo = try workspace.loa("confirm", "tin", "--channel", "zalo-nhom", "--undo")
        #expect(undo.status == 0, "\(undo.all)")
        #expect(undo.standardOutput == "undone tin → zalo-nhom: now awaiting confirmation\n")
        row = try Self.row(workspace, "tin")
        #expect(row["status"] == "awaiting_confirmation")
        #expect(row["sent_at"] == nil as String?)
        #expect(try workspace.rows("SELECT * FROM confirmations").isEmpty)
        let undoAgain = try workspace.loa("confirm", "tin", "--channel", "zalo-nhom", "--undo")
        #expect(undoAgain.status == 1)
        #expect(undoAgain.standardError.contains("it is not confirmed: it is awaiting confirmation"))

        let future = try workspace.loa(
            "confirm",
            "tin",
            "--channel",
            "zalo-nhom",
            "--at",
            "02/12/2026 08:00",
            "--now",
            Date.vietnam(10)
        )
        #expect(future.status == 1)
        #expect(future.standardError.contains("--at 02/12/2026 08:00 is in the future"), "\(future.all)")
        let badTime = try workspace.loa("confirm", "tin", "--channel", "zalo-nhom", "--at", "25h")
        #expect(badTime.status == 2)
        #expect(badTime.standardError.contains("--at: '25h' is not a date-time"), "\(badTime.all)")
        let conflicting = try workspace.loa("confirm", "tin", "--channel", "zalo-nhom", "--undo", "--force")
        #expect(conflicting.status == 2)
        #expect(conflicting.standardError.contains("--undo takes no --url, --note, --at or --force"))
    }

    @Test("--force confirms a post not yet written, which is then never written; --undo makes it owed again")
    func forceAndUndo() throws {
        let workspace = try DeliveryWorkspace(channels: Self.outbox)
        try workspace.announce("som", "publish_at: 08/12/2026 08:00")
        _ = try workspace.loa("run", "--now", Date.vietnam(9))
        let forced = try workspace.loa(
            "confirm",
            "som",
            "--channel",
            "zalo-nhom",
            "--url",
            "https://zalo.me/g/abc/9",
            "--force",
            "--now",
            Date.vietnam(9, 1)
        )
        #expect(forced.status == 0, "\(forced.all)")
        #expect(
            try workspace.rows("SELECT forced, previous_status FROM confirmations").first?["previous_status"]
                == "pending"
        )
        let file = workspace.root.appendingPathComponent("outbox/zalo-nhom/2026-12-08-som/text.txt")
        _ = try workspace.loa("run", "--now", Date.vietnam(9, plus: 7 * 86_400))
        #expect(!FileManager.default.fileExists(atPath: file.path), "a confirmed post is not written")
        let undo = try workspace.loa("confirm", "som", "--channel", "zalo-nhom", "--undo")
        #expect(undo.status == 0 && undo.standardOutput == "undone som → zalo-nhom: now pending\n", "\(undo.all)")
        _ = try workspace.loa("run", "--now", Date.vietnam(9, 5, plus: 7 * 86_400))
        #expect(FileManager.default.fileExists(atPath: file.path), "owed again, and written")
        #expect(try Self.row(workspace, "som")["status"] == "awaiting_confirmation")
    }

    @Test("a webhook channel's delivery is not confirmed by hand without --force")
    func webhookConfirm() throws {
        let bridge = try TestBridge { _, _ in .respond(status: 400, body: "bad page") }
        let workspace = try DeliveryWorkspace(channels: DeliveryWorkspace.webhook("fb", url: bridge.url()))
        try workspace.announce("tin", "publish_at: 01/12/2026 08:00")
        _ = try workspace.loa("run", "--now", Date.vietnam(9))
        let refused = try workspace.loa("confirm", "tin", "--channel", "fb", "--url", "https://facebook.com/p/1")
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("it is a webhook channel; the bridge confirms its posts"))
        #expect(try Self.row(workspace, "tin")["status"] == "failed")
    }

    @Test("retry gives a failed post a fresh window: sent at the next run although missed_after has passed")
    func retryFreshWindow() throws {
        let healthy = Flag()
        let bridge = try TestBridge { _, count in
            healthy.isSet ? .ok(id: "p\(count)") : .respond(status: 400, body: "page token expired")
        }
        let workspace = try DeliveryWorkspace(channels: DeliveryWorkspace.webhook("fb", url: bridge.url()))
        try workspace.announce("tin", "publish_at: 01/12/2026 08:00")
        let failed = try workspace.loa("run", "--now", Date.vietnam(9))
        #expect(failed.status == 1 && failed.standardOutput.contains("failed      tin → fb"), "\(failed.all)")
        healthy.set()
        // Three days later the operator has fixed the bridge and decides the post should still go out.
        let later = 3 * 86_400
        let retry = try workspace.loa("retry", "tin", "--now", Date.vietnam(9, plus: later))
        #expect(retry.status == 0 && retry.standardOutput == "retry tin → fb: now retrying\n", "\(retry.all)")
        #expect(try Self.row(workspace, "tin")["window_start"] == "2026-12-04 02:00:00.000")
        let run = try workspace.loa("run", "--now", Date.vietnam(9, 1, plus: later))
        #expect(run.status == 0, "\(run.all)")
        #expect(try Self.row(workspace, "tin")["status"] == "sent", "not missed")
        #expect(bridge.received.count == 2)
    }

    @Test("missed and expired make the run that decides them exit 1, once; a missed post can be retried")
    func missedAndExpiredExitOne() throws {
        let bridge = try TestBridge { _, count in .ok(id: "p\(count)") }
        let workspace = try DeliveryWorkspace(channels: DeliveryWorkspace.webhook("fb", url: bridge.url()))
        try workspace.announce("lo", "publish_at: 01/12/2026 08:00")
        try workspace.announce("het-han", "publish_at: 01/12/2026 08:00\nexpires_at: 01/12/2026 12:00")
        // The machine was off for three days: nothing went out.
        _ = try workspace.loa("run", "--now", Date.vietnam(7))
        let back = try workspace.loa("run", "--now", Date.vietnam(9, plus: 3 * 86_400))
        #expect(back.status == 1, "\(back.all)")
        #expect(back.standardOutput.contains("missed      lo → fb"), "\(back.all)")
        #expect(back.standardOutput.contains("expired     het-han → fb"), "\(back.all)")
        let quiet = try workspace.loa("run", "--now", Date.vietnam(9, 1, plus: 3 * 86_400))
        #expect(quiet.status == 0 && quiet.all.isEmpty, "said once: \(quiet.all)")
        let expired = try workspace.loa("retry", "het-han", "--now", Date.vietnam(9, 2, plus: 3 * 86_400))
        #expect(expired.status == 1 && expired.standardError.contains("it expired; move expires_at"))
        let retry = try workspace.loa("retry", "lo", "--now", Date.vietnam(9, 2, plus: 3 * 86_400))
        #expect(retry.status == 0, "\(retry.all)")
        let sent = try workspace.loa("run", "--now", Date.vietnam(9, 3, plus: 3 * 86_400))
        #expect(sent.status == 0, "\(sent.all)")
        #expect(try workspace.statuses() == ["lo": "sent", "het-han": "expired"])
        #expect(bridge.received.count == 1)
    }

    @Test("a --channel that names no channel says so and suggests the one meant (exit 2)")
    func unknownChannel() throws {
        let workspace = try DeliveryWorkspace(channels: Self.outbox)
        try workspace.announce("tin", "publish_at: 01/12/2026 08:00")
        _ = try workspace.loa("run", "--now", Date.vietnam(9))
        for command in ["retry", "cancel"] {
            let typo = try workspace.loa(command, "tin", "--channel", "Zalo-nhom")
            #expect(typo.status == 2, "\(typo.all)")
            #expect(
                typo.standardError
                    == "loa \(command): --channel: there is no channel 'Zalo-nhom' in loa.yml (did you mean 'zalo-nhom'?)\n"
            )
        }
        let confirm = try workspace.loa("confirm", "tin", "--channel", "zalo-nhon", "--note", "nhóm Zalo")
        #expect(confirm.status == 2)
        #expect(
            confirm.standardError.contains("there is no channel 'zalo-nhon' in loa.yml (did you mean 'zalo-nhom'?)")
        )
        let glob = try workspace.loa("cancel", "tin", "--channel", "fb-*")
        #expect(glob.status == 2)
        #expect(glob.standardError.contains("no channel in loa.yml matches 'fb-*' (channels: zalo-nhom)"))
        #expect(try Self.row(workspace, "tin")["status"] == "awaiting_confirmation", "nothing changed")
        let export = try workspace.loa("export", "--format", "csv", "--channel", "Zalo-nhom")
        #expect(export.status == 2)
        #expect(
            export.standardError
                == "loa export: --channel: there is no channel 'Zalo-nhom' in loa.yml (did you mean 'zalo-nhom'?)\n"
        )
        // A channel that left loa.yml is still known by its records in the archive.
        try workspace.write(
            "loa.yml",
            "timezone: Asia/Ho_Chi_Minh\nchannels:\n  fb-moi:\n    platform: facebook\n    transport: outbox\n"
        )
        let old = try workspace.loa("export", "--format", "csv", "--channel", "zalo-nhom")
        #expect(old.status == 0, "\(old.all)")
    }
}
