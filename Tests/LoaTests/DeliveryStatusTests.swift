import Foundation
import Testing

@testable import Loa

@Suite("Delivery statuses, and what the queue sync reads")
struct DeliveryStatusTests {
    @Test("every status has a row in the transition table, and the sets agree with it")
    func transitionTable() {
        for status in DeliveryStatus.allCases {
            #expect(DeliveryStatus.transitions[status] != nil, "\(status) has no row")
        }
        // Nothing leaves a post that is out; a post too late is left only by an operator's retry (missed) or
        // a confirmation of a post made by hand.
        #expect(DeliveryStatus.allCases.allSatisfy { !DeliveryStatus.sent.canBecome($0) })
        #expect(DeliveryStatus.allCases.filter { DeliveryStatus.missed.canBecome($0) } == [.sent, .retrying])
        #expect(DeliveryStatus.allCases.filter { DeliveryStatus.expired.canBecome($0) } == [.sent])
        // A cancel is left only by an operator's retry, or by a success for a request already in flight.
        #expect(DeliveryStatus.allCases.filter { DeliveryStatus.cancelled.canBecome($0) } == [.sent, .retrying])
        #expect(DeliveryStatus.pending.canBecome(.sending) && !DeliveryStatus.held.canBecome(.sending))
        // Owed statuses are exactly the unsettled ones; held is settled for a run but still undelivered.
        #expect(DeliveryStatus.allCases.filter { !$0.isSettled } == [.pending, .sending, .retrying])
        #expect(DeliveryStatus.held.isSettled && DeliveryStatus.undelivered.contains(.held))
        #expect(DeliveryStatus.delivered.isDisjoint(with: DeliveryStatus.undelivered))
        // Every owed status can be settled by a run: sent, failed, missed, expired.
        for owed in DeliveryStatus.owed {
            #expect([.sent, .failed, .missed, .expired, .cancelled].allSatisfy { owed.canBecome($0) }, "\(owed)")
        }
    }

    @Test("an unconfirmed post is entered by a run only from an attempt in flight, and left only by a person")
    func unconfirmedTransitions() {
        let into = DeliveryStatus.allCases.filter { $0.canBecome(.unconfirmed) }
        #expect(into == [.pending, .sending, .retrying])
        #expect(
            DeliveryStatus.allCases.filter { DeliveryStatus.unconfirmed.canBecome($0) } == [
                .sent, .retrying, .cancelled,
            ]
        )
        // Never sent again by a run, never counted as out, and always shown to a person.
        #expect(DeliveryStatus.unconfirmed.isSettled)
        #expect(!DeliveryStatus.delivered.contains(.unconfirmed) && !DeliveryStatus.undelivered.contains(.unconfirmed))
        #expect(DeliveryStatus.needingAPerson.contains(.unconfirmed))
        #expect(DeliveryStatus.unconfirmed.label == "unconfirmed")
    }

    @Test("status sets become SQL lists in a fixed order")
    func sqlLists() {
        #expect(DeliveryStatus.sqlList(DeliveryStatus.owed) == "('pending', 'sending', 'retrying')")
        #expect(DeliveryStatus.sqlList(DeliveryStatus.delivered) == "('sent', 'awaiting_confirmation')")
        #expect(DeliveryStatus.sqlList(DeliveryStatus.undelivered) == "('pending', 'sending', 'retrying', 'held')")
    }

    @Test("one rule for duplicate ids: the later file is reported, naming the first; neither is posted")
    func duplicateIDs() {
        let duplicates = DuplicateIDs([
            (file: "queue/b.md", id: "trung-id"), (file: "queue/a.md", id: "trung-id"),
            (file: "queue/c.md", id: "rieng"),
        ])
        #expect(duplicates.contains("trung-id") && !duplicates.contains("rieng"))
        let messages = duplicates.diagnostics().map(\.description)
        #expect(messages.count == 1)
        #expect(
            messages.first?.hasPrefix("queue/b.md:1: error: id: 'trung-id' is already the id of queue/a.md") == true
        )
        #expect(duplicates.diagnostics(only: ["rieng"]).isEmpty)
        #expect(duplicates.note(for: "trung-id")?.contains("queue/a.md and queue/b.md have the same id") == true)
    }

    @Test("the sync parses new and changed files, and unchanged ones only when due; the rest keep their claims")
    func reading() {
        typealias File = QueueSync.FileState
        let files = [
            File(path: "/q/a.md", size: 10, modifiedNanoseconds: 1),
            File(path: "/q/b.md", size: 20, modifiedNanoseconds: 2),
            File(path: "/q/c.md", size: 30, modifiedNanoseconds: 3),
            File(path: "/q/d.md", size: 40, modifiedNanoseconds: 4),
            File(path: "/q/e.md", size: 50, modifiedNanoseconds: 5),
        ]
        let cache: [String: QueueSync.CachedFile] = [
            "/q/a.md": .init(size: 10, modifiedNanoseconds: 1, announcementID: "a"),  // unchanged, not due
            "/q/b.md": .init(size: 20, modifiedNanoseconds: 2, announcementID: "b"),  // unchanged, due
            "/q/c.md": .init(size: 31, modifiedNanoseconds: 3, announcementID: "c"),  // changed
            "/q/d.md": .init(size: 40, modifiedNanoseconds: 4, announcementID: nil),  // unchanged, failed to parse
        ]
        let reading = QueueSync.reading(files, cache: cache, due: ["b"], configurationChanged: false)
        #expect(reading.parse.map(\.file.path) == ["/q/b.md", "/q/c.md", "/q/e.md"])
        #expect(reading.parse.map(\.changed) == [false, true, true])
        #expect(reading.unread == ["/q/a.md": "a"])
        // A file that shared its id with one that changed or left is read again: the id may be free now.
        var shared = cache
        shared["/q/c.md"]?.announcementID = "a"
        shared["/q/gone.md"] = .init(size: 1, modifiedNanoseconds: 1, announcementID: "b")
        let freed = QueueSync.reading(files, cache: shared, due: [], configurationChanged: false)
        #expect(freed.parse.map(\.file.path) == ["/q/a.md", "/q/b.md", "/q/c.md", "/q/e.md"])
        #expect(freed.parse.map(\.changed) == [false, false, true, true])
        #expect(freed.unread.isEmpty)
        let all = QueueSync.reading(files, cache: cache, due: [], configurationChanged: true)
        #expect(all.parse.count == 5 && all.parse.allSatisfy(\.changed) && all.unread.isEmpty)
    }

    @Test("the schedule's rules: expiry before missed, missed before quiet hours, quiet hours before the gap")
    func dueRules() throws {
        let zone = try #require(TimeZone(identifier: "Asia/Ho_Chi_Minh"))
        let nine = Date(timeIntervalSince1970: 1_796_058_000 + 9 * 3600)  // 01/12/2026 09:00 in Vietnam
        let rules = DueRules(missedAfter: 48 * 3600, dates: LocalDateFormat(timeZone: zone), now: nine)
        let plain = Channel(id: "fb", platform: .facebook, transport: .webhook)
        let hour: TimeInterval = 3600
        #expect(
            rules.decide(publish: nine - hour, expires: nil, channel: plain, lastSent: nil, gapTaken: false) == .send
        )
        #expect(
            rules.decide(publish: nine - hour, expires: nine, channel: plain, lastSent: nil, gapTaken: false)
                == .expire(note: "not sent before it expired on 01/12/2026 09:00")
        )
        #expect(
            rules.decide(publish: nine - 49 * hour, expires: nine - 1, channel: plain, lastSent: nil, gapTaken: false)
                == .expire(note: "not sent before it expired on 01/12/2026 08:59"),
            "expiry is said first"
        )
        #expect(
            rules.decide(publish: nine - 49 * hour, expires: nil, channel: plain, lastSent: nil, gapTaken: false)
                == .miss(note: "not sent within 2d of 29/11/2026 08:00")
        )
        var quiet = plain
        quiet.quietHours = QuietHours("08:00-10:00")
        #expect(
            rules.decide(publish: nine - hour, expires: nil, channel: quiet, lastSent: nil, gapTaken: false)
                == .wait(reason: "waiting for the channel's quiet hours (08:00-10:00) to end")
        )
        var gap = plain
        gap.minGap = 15 * 60
        #expect(
            rules.decide(publish: nine - hour, expires: nil, channel: gap, lastSent: nine - 600, gapTaken: false)
                == .wait(reason: "waiting for the channel's minimum gap of 15m, until 09:05")
        )
        #expect(
            rules.decide(publish: nine - hour, expires: nil, channel: gap, lastSent: .distantPast, gapTaken: true)
                == .wait(reason: "waiting for the channel's minimum gap of 15m, until 09:15")
        )
        #expect(rules.decide(publish: nine, expires: nil, channel: gap, lastSent: nine - 900, gapTaken: false) == .send)
        // An operator's retry opens a fresh window: missed_after counts from it, but expiry still holds.
        let old = nine - 72 * hour
        #expect(
            rules.decide(
                publish: old,
                expires: nil,
                channel: plain,
                lastSent: nil,
                gapTaken: false,
                windowStart: nine - hour
            ) == .send
        )
        #expect(
            rules.decide(
                publish: old,
                expires: nil,
                channel: plain,
                lastSent: nil,
                gapTaken: false,
                windowStart: nine - 49 * hour
            ) == .miss(note: "not sent within 2d of the retry asked for on 29/11/2026 08:00")
        )
        #expect(
            rules.decide(
                publish: old,
                expires: nine - 1,
                channel: plain,
                lastSent: nil,
                gapTaken: false,
                windowStart: nine - hour
            ) == .expire(note: "not sent before it expired on 01/12/2026 08:59")
        )
        // A window start before publish_at changes nothing.
        #expect(
            rules.decide(
                publish: nine - 49 * hour,
                expires: nil,
                channel: plain,
                lastSent: nil,
                gapTaken: false,
                windowStart: nine - 50 * hour
            ) == .miss(note: "not sent within 2d of 29/11/2026 08:00")
        )
    }

    @Test("a new delivery is held for a renamed channel, a twin, or a new archive's late post, in that order")
    func holdRules() throws {
        let zone = try #require(TimeZone(identifier: "Asia/Ho_Chi_Minh"))
        let nine = Date(timeIntervalSince1970: 1_796_058_000 + 9 * 3600)  // 01/12/2026 09:00 in Vietnam
        let hour: TimeInterval = 3600
        func rules(newArchive: Bool) -> HoldRules {
            HoldRules(
                isNewArchive: newArchive,
                catchUp: hour,
                missedAfter: 48 * hour,
                timeZone: zone,
                now: nine
            )
        }
        func announcement(publish: Date, expires: Date? = nil) -> Announcement {
            Announcement(
                id: "tin",
                title: "Tin hoạt động",
                category: .activityNews,
                unit: "Đoàn phường An Hòa",
                publishAt: publish,
                expiresAt: expires,
                body: "Đoàn viên ra quân.",
                file: URL(fileURLWithPath: "/q/tin.md")
            )
        }
        let late = announcement(publish: nine - 3 * hour)
        #expect(rules(newArchive: false).decide(late, channel: "fb", renamedFrom: nil, twin: nil) == nil)
        let caught = try #require(rules(newArchive: true).decide(late, channel: "fb", renamedFrom: nil, twin: nil))
        #expect(caught.isCatchUp && caught.note.hasPrefix("this archive is new, and the post was due 01/12/2026 06:00"))
        // Fresh, missed or expired posts are not held by a new archive.
        for settled in [
            announcement(publish: nine - 0.5 * hour), announcement(publish: nine - 49 * hour),
            announcement(publish: nine - 3 * hour, expires: nine - 1),
        ] {
            #expect(rules(newArchive: true).decide(settled, channel: "fb", renamedFrom: nil, twin: nil) == nil)
        }
        let renamed = rules(newArchive: true).decide(late, channel: "fb-moi", renamedFrom: "fb", twin: ("cu", nil))
        #expect(
            renamed?.note.hasPrefix("channel 'fb-moi' has the address of 'fb'") == true && renamed?.isCatchUp == false
        )
        let moved = rules(newArchive: false).decide(late, channel: "fb", renamedFrom: nil, twin: ("cu", late.publishAt))
        #expect(moved?.note.hasPrefix("the same content was already delivered as 'cu' (renamed file?)") == true)
        let repeated = rules(newArchive: false).decide(
            late,
            channel: "fb",
            renamedFrom: nil,
            twin: ("cu", nine - 50 * hour)
        )
        #expect(
            repeated?.note.contains("due at another time: if this copy is a repeat, `loa retry tin` posts it") == true
        )
    }

    /// Seconds since the post was written, since then when it was last reminded (nil: never), and whether a
    /// reminder is due.
    static let reminderCases: [(Double, Double?, Bool)] = [
        (0, nil, false), (10_799, nil, false), (10_800, nil, true), (108_000, nil, true),
        (14_400, 10_800, false), (97_199, 10_800, false), (97_200, 10_800, true),
        // A reminder from before the post was written again (cancelled, retried): as if never reminded.
        (60, -200_000, false), (10_800, -200_000, true),
    ]

    @Test(
        "reminders: remind_after after it was written, then a day after the last reminder",
        arguments: Self.reminderCases
    )
    func reminders(sinceWritten: Double, remindedSinceWritten: Double?, due: Bool) {
        let written = Date(timeIntervalSince1970: 1_796_058_000)
        let rules = ReminderRules(remindAfter: 3 * 3600, now: written.addingTimeInterval(sinceWritten))
        #expect(
            rules.isDue(writtenAt: written, remindedAt: remindedSinceWritten.map(written.addingTimeInterval)) == due
        )
    }
}
