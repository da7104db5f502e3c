import Foundation
import GRDB
import Testing

@testable import Loa

/// Every store behind the archive seam, made new for one test; each passes every test of the suite below,
/// unchanged.
enum ArchiveStore: String, CaseIterable, CustomTestStringConvertible, Sendable {
    /// The default: a file, in WAL mode, as `loa run` opens it.
    case sqliteFile = "SQLite file"
    /// SQLite in memory, as a dry run uses it.
    case sqliteInMemory = "SQLite in memory"
    /// The seam in plain Swift, with no SQL (`MemoryArchive`): a contract only SQLite keeps fails here.
    case swiftInMemory = "Swift in memory"
    /// A database of its own on the tests' PostgreSQL server (`PostgresTestServer`); left out when there is none,
    /// outside CI.
    case postgres = "PostgreSQL"

    static var allCases: [ArchiveStore] {
        [.sqliteFile, .sqliteInMemory, .swiftInMemory] + (PostgresTestServer.runs ? [.postgres] : [])
    }

    var testDescription: String { rawValue }

    func make() throws -> (archive: any Archive, keep: Any) {
        switch self {
        case .sqliteFile:
            let folder = try TemporaryWorkspace()
            return (try SQLiteArchive(path: folder.url("archive/loa.sqlite").path), folder)
        case .sqliteInMemory:
            return (try SQLiteArchive(database: DatabaseQueue(), migrating: true), ())
        case .swiftInMemory:
            return (MemoryArchive(), ())
        case .postgres:
            let (location, password) = try PostgresTestServer.freshDatabase()
            return (try PostgresArchive.open(location, password: password), ())
        }
    }
}

/// The archive's contract, stated once and run against every store: what each named operation reads and writes,
/// the start journal that makes a killed run safe, the cancel that survives an answer, and all-or-nothing writes.
/// No test here writes SQL: each goes through the seam alone, as Loa's stages do.
@Suite("The archive seam: one contract for every store")
struct ArchiveConformanceTests {
    /// A fixed instant, whole seconds (every store keeps at least milliseconds).
    static let t0 = Date(timeIntervalSince1970: 1_796_000_000)

    static func at(_ minutes: Double) -> Date { t0.addingTimeInterval(minutes * 60) }

    static func announcement(_ id: String, revision: Int = 1, publish: Date? = t0) -> Announcement {
        Announcement(
            id: id,
            title: "Ra quân Chiến dịch Thanh niên tình nguyện hè – \(id)",
            category: .activityNews,
            unit: "Đoàn phường An Hòa",
            publishAt: publish,
            revision: revision,
            body: "Sáng nay, Đoàn phường tổ chức lễ ra quân.",
            file: URL(fileURLWithPath: "/tmp/queue/\(id).md")
        )
    }

    static func delivery(
        _ announcement: String,
        _ channel: String,
        revision: Int = 1,
        status: DeliveryStatus = .pending,
        due: Date = t0,
        transport: TransportKind = .webhook
    ) -> DeliveryRecord {
        DeliveryRecord(
            id: DeliveryID.make(announcement: announcement, revision: revision, channel: channel),
            announcementId: announcement,
            revision: revision,
            channel: channel,
            platform: .facebook,
            transport: transport,
            status: status,
            dueAt: due,
            attemptCount: 0,
            backoffStep: 0,
            createdAt: t0,
            updatedAt: t0
        )
    }

    static func attempt(_ delivery: DeliveryRecord, number: Int, outcome: AttemptRecord.Outcome) -> AttemptRecord {
        AttemptRecord(
            deliveryId: delivery.id,
            number: number,
            channel: delivery.channel,
            url: "https://bridge.example/hook?token=***",
            startedAt: at(1),
            finishedAt: at(1.5),
            durationMs: 30_000,
            httpStatus: outcome == .sent ? 200 : 503,
            responseBody: outcome == .sent ? #"{"id":"1_2"}"# : "Bận",
            remoteId: outcome == .sent ? "1_2" : nil,
            outcome: outcome
        )
    }

    /// Records announcements and their deliveries, as the queue sync does.
    static func seed(_ archive: any Archive, _ deliveries: [DeliveryRecord]) throws {
        try archive.write { archive throws in
            for id in Set(deliveries.map(\.announcementId)) {
                for revision in Set(deliveries.filter { $0.announcementId == id }.map(\.revision)) {
                    try archive.recordAnnouncement(
                        announcement(id, revision: revision),
                        contentHash: "hash-\(id)-\(revision)",
                        at: t0
                    )
                }
            }
            try archive.insertDeliveries(deliveries)
        }
    }

    @Test(
        "settings: read, written again, removed; Vietnamese keys and values as they were",
        arguments: ArchiveStore.allCases
    )
    func settings(_ store: ArchiveStore) throws {
        let (archive, keep) = try store.make()
        defer { withExtendedLifetime(keep) {} }
        #expect(try archive.setting("first_run") == nil)
        try archive.setSetting("first_run", "2026-11-30 01:00:00.000")
        try archive.setSetting("khóa 49", "Đoàn phường 49")
        try archive.setSetting("first_run", "2026-12-01 01:00:00.000")
        #expect(try archive.setting("first_run") == "2026-12-01 01:00:00.000")
        #expect(try archive.setting("khóa 49") == "Đoàn phường 49")
        try archive.write { try $0.removeSetting("first_run") }
        #expect(try archive.setting("first_run") == nil)
        #expect(try archive.setting("khóa 49") == "Đoàn phường 49")
    }

    @Test(
        "deliveries: found by announcement, revision, channel and id, and kept field for field",
        arguments: ArchiveStore.allCases
    )
    func deliveries(_ store: ArchiveStore) throws {
        let (archive, keep) = try store.make()
        defer { withExtendedLifetime(keep) {} }
        #expect(try archive.read { try $0.hasDeliveries() } == false)
        var full = Self.delivery("ra-quan", "fb-thanhdoan", status: .retrying, due: Self.at(0))
        full.nextAttemptAt = Self.at(5)
        full.attemptCount = 2
        full.backoffStep = 1
        full.contentHash = "hash-ra-quan-1"
        full.variantId = "0123456789abcdef0123456789abcdef"
        full.note = "Bridge bận (503); thử lại lúc 08:05"
        let rows = [
            full,
            Self.delivery("ra-quan", "zalo-phuong", due: Self.at(0)),
            Self.delivery("ra-quan", "zalo-phuong", revision: 2, due: Self.at(0)),
            Self.delivery("mo-hinh", "fb-thanhdoan", due: Self.at(60)),
        ]
        // A delivery names the text it carries, stored first.
        try archive.write { try $0.storeVariant(id: full.variantId ?? "", text: "Ra quân", length: 7) }
        try Self.seed(archive, rows)
        try archive.read { archive throws in
            #expect(try archive.hasDeliveries())
            #expect(try archive.delivery(announcement: "ra-quan", revision: 1, channel: "fb-thanhdoan") == full)
            #expect(try archive.delivery(announcement: "ra-quan", revision: 3, channel: "fb-thanhdoan") == nil)
            #expect(
                try archive.deliveries(announcement: "ra-quan", revision: 1).map(\.channel).sorted()
                    == ["fb-thanhdoan", "zalo-phuong"]
            )
            #expect(
                try archive.deliveries(announcement: "ra-quan").map { "\($0.revision) \($0.channel)" }
                    == ["1 fb-thanhdoan", "1 zalo-phuong", "2 zalo-phuong"]
            )
            // Newest due first, then by announcement, revision and channel.
            #expect(
                try archive.deliveries(announcement: nil).map(\.id) == [rows[3].id, rows[0].id, rows[1].id, rows[2].id]
            )
            #expect(try archive.deliveries(channel: "zalo-phuong").map(\.revision).sorted() == [1, 2])
            #expect(try archive.newestDelivery(announcement: "ra-quan", channel: "zalo-phuong")?.revision == 2)
            #expect(
                try archive.deliveries(ids: [rows[3].id, "none", rows[0].id]).map(\.id) == [rows[3].id, rows[0].id]
            )
        }
        var changed = full
        changed.status = .sent
        changed.sentAt = Self.at(6)
        changed.remoteId = "104857600123456_987654321"
        changed.remoteUrl = "https://facebook.com/104857600123456/posts/987654321"
        try archive.write { try $0.updateDelivery(changed) }
        #expect(
            try archive.read { try $0.delivery(announcement: "ra-quan", revision: 1, channel: "fb-thanhdoan") }
                == changed
        )
    }

    @Test(
        "due: pending at its time, retrying at its retry time, and every sending; nothing else",
        arguments: ArchiveStore.allCases
    )
    func due(_ store: ArchiveStore) throws {
        let (archive, keep) = try store.make()
        defer { withExtendedLifetime(keep) {} }
        var retryingLater = Self.delivery("b", "c1", status: .retrying)
        retryingLater.nextAttemptAt = Self.at(30)
        var retryingNow = Self.delivery("b", "c2", status: .retrying)
        retryingNow.nextAttemptAt = Self.at(10)
        var rows = [
            Self.delivery("a", "c1", due: Self.at(10)),
            Self.delivery("a", "c2", due: Self.at(11)),
            retryingLater, retryingNow,
            Self.delivery("c", "c1", status: .sending, due: Self.at(500)),
        ]
        for (index, status) in DeliveryStatus.allCases.enumerated() where !DeliveryStatus.owed.contains(status) {
            rows.append(Self.delivery("d", "settled-\(index)", status: status))
        }
        try Self.seed(archive, rows)
        try archive.read { archive throws in
            let due = try archive.dueDeliveries(at: Self.at(10))
            #expect(Set(due.map(\.id)) == Set([rows[0].id, retryingNow.id, rows[4].id]))
            #expect(try archive.announcementsWithDeliveriesDue(at: Self.at(10)) == ["a", "b", "c"])
            #expect(try archive.announcementsWithDeliveriesDue(at: Self.at(-1)) == ["c"])
        }
    }

    @Test(
        "marking: a note, a status, only the statuses named, only older revisions when asked",
        arguments: ArchiveStore.allCases
    )
    func marking(_ store: ArchiveStore) throws {
        let (archive, keep) = try store.make()
        defer { withExtendedLifetime(keep) {} }
        let rows = [
            Self.delivery("a", "c1"), Self.delivery("a", "c2", status: .sent),
            Self.delivery("a", "c1", revision: 2), Self.delivery("b", "c1"),
        ]
        try Self.seed(archive, rows)
        try archive.write { archive throws in
            try archive.markDeliveries(
                announcement: "a",
                revisionsBelow: 2,
                statuses: DeliveryStatus.owed,
                status: .cancelled,
                note: "replaced by revision 2",
                at: Self.at(1)
            )
        }
        try archive.read { archive throws in
            let first = try #require(try archive.delivery(announcement: "a", revision: 1, channel: "c1"))
            #expect(
                first.status == .cancelled && first.note == "replaced by revision 2" && first.updatedAt == Self.at(1)
            )
            #expect(try archive.delivery(announcement: "a", revision: 1, channel: "c2")?.status == .sent)
            #expect(try archive.delivery(announcement: "a", revision: 2, channel: "c1")?.status == .pending)
            #expect(try archive.delivery(announcement: "b", revision: 1, channel: "c1")?.status == .pending)
        }
        try archive.write { archive throws in
            try archive.markDeliveries(
                announcement: "b",
                revisionsBelow: nil,
                statuses: DeliveryStatus.owed,
                status: nil,
                note: "hai tệp cùng mã",
                at: Self.at(2)
            )
        }
        let b = try archive.read { try $0.delivery(announcement: "b", revision: 1, channel: "c1") }
        #expect(b?.status == .pending && b?.note == "hai tệp cùng mã")
    }

    @Test(
        "the start journal: a killed run's starts become sending, counted; a recorded answer is not touched",
        arguments: ArchiveStore.allCases
    )
    func startJournal(_ store: ArchiveStore) throws {
        let (archive, keep) = try store.make()
        defer { withExtendedLifetime(keep) {} }
        let answered = Self.delivery("a", "c1")
        let lost = Self.delivery("a", "c2")
        let finished = Self.delivery("a", "c3")
        try Self.seed(archive, [answered, lost, finished])
        let entry = try archive.write { try $0.recordStarting([(answered.id, 0), (lost.id, 0)], at: Self.at(3)) }
        // The run records the first answer, then dies.
        var sent = answered
        sent.attemptCount = 1
        sent.status = .sent
        sent.sentAt = Self.at(4)
        try archive.write { try $0.recordOutcomes([(Self.attempt(answered, number: 1, outcome: .sent), sent)]) }
        // A finished run's journal is forgotten and never recovered.
        let done = try archive.write { try $0.recordStarting([(finished.id, 0)], at: Self.at(3)) }
        try archive.write { try $0.forgetStarts([done]) }
        #expect(entry != done)
        // The journal lists what it holds, with when it started: the run's starts, answered or not.
        let started = try archive.read { try $0.startedDeliveries() }
        #expect(started == [answered.id, lost.id].map { StartedDelivery(delivery: $0, startedAt: Self.at(3)) })
        try archive.write { try $0.recoverInterruptedStarts() }
        try archive.read { archive throws in
            let recovered = try #require(try archive.delivery(announcement: "a", revision: 1, channel: "c2"))
            #expect(recovered.status == .sending && recovered.attemptCount == 1 && recovered.updatedAt == Self.at(3))
            #expect(try archive.delivery(announcement: "a", revision: 1, channel: "c1")?.status == .sent)
            #expect(try archive.delivery(announcement: "a", revision: 1, channel: "c3")?.status == .pending)
        }
        // Recovered once: a second recovery finds nothing left in the journal.
        try archive.write { try $0.recoverInterruptedStarts() }
        #expect(try archive.read { try $0.delivery(announcement: "a", revision: 1, channel: "c2") }?.attemptCount == 1)
    }

    @Test(
        "answers: the attempt and the delivery together; a cancel survives all but a success",
        arguments: ArchiveStore.allCases
    )
    func answers(_ store: ArchiveStore) throws {
        let (archive, keep) = try store.make()
        defer { withExtendedLifetime(keep) {} }
        let keptCancel = Self.delivery("a", "c1")
        let lateCancel = Self.delivery("a", "c2")
        let plain = Self.delivery("a", "c3")
        let writtenCancel = Self.delivery("a", "c4", transport: .outbox)
        try Self.seed(archive, [keptCancel, lateCancel, plain, writtenCancel])
        // An operator cancels three while their requests are in flight (or their file is being written).
        _ = try archive.update(announcement: "a", channels: ["c1", "c2", "c4"]) { delivery in
            delivery.status = .cancelled
            delivery.note = "cancelled by an operator"
            return true
        }
        func answered(_ delivery: DeliveryRecord, _ status: DeliveryStatus) -> DeliveryRecord {
            var delivery = delivery
            delivery.attemptCount = 1
            delivery.status = status
            delivery.note = status == .sent ? nil : "Bridge bận (503)"
            delivery.nextAttemptAt = status == .retrying ? Self.at(10) : nil
            delivery.sentAt = status == .sent ? Self.at(2) : nil
            delivery.remoteId = status == .sent ? "1_2" : nil
            return delivery
        }
        var written = writtenCancel
        written.attemptCount = 1
        written.status = .awaitingConfirmation
        written.note = "post it by hand from outbox/c4/2026-12-01-a.txt"
        try archive.write { archive throws in
            try archive.recordOutcomes([
                (Self.attempt(keptCancel, number: 1, outcome: .retry), answered(keptCancel, .retrying)),
                (Self.attempt(lateCancel, number: 1, outcome: .sent), answered(lateCancel, .sent)),
                (Self.attempt(plain, number: 1, outcome: .retry), answered(plain, .retrying)),
                (Self.attempt(writtenCancel, number: 1, outcome: .written), written),
            ])
        }
        try archive.read { archive throws in
            let kept = try #require(try archive.delivery(announcement: "a", revision: 1, channel: "c1"))
            #expect(kept.status == .cancelled && kept.note == "cancelled by an operator" && kept.nextAttemptAt == nil)
            #expect(kept.attemptCount == 1)
            let late = try #require(try archive.delivery(announcement: "a", revision: 1, channel: "c2"))
            #expect(late.status == .sent && late.remoteId == "1_2" && late.note == DeliveryRecord.cancelledTooLate)
            // The file is in the outbox: a person is told what to do with it, whatever the cancel wanted.
            let handed = try #require(try archive.delivery(announcement: "a", revision: 1, channel: "c4"))
            #expect(handed.status == .awaitingConfirmation && handed.note == written.note)
            let retrying = try #require(try archive.delivery(announcement: "a", revision: 1, channel: "c3"))
            #expect(retrying.status == .retrying && retrying.nextAttemptAt == Self.at(10))
            let attempts = try archive.attempts(of: lateCancel.id)
            #expect(attempts.count == 1)
            #expect(attempts.first?.responseBody == #"{"id":"1_2"}"# && attempts.first?.outcome == .sent)
            #expect(attempts.first?.startedAt == Self.at(1) && attempts.first?.finishedAt == Self.at(1.5))
            #expect(try archive.hasAttempts(plain.id) && !archive.hasAttempts("none"))
        }
    }

    @Test(
        "tries: interrupted attempts counted apart; deliveries never tried left out",
        arguments: ArchiveStore.allCases
    )
    func tries(_ store: ArchiveStore) throws {
        let (archive, keep) = try store.make()
        defer { withExtendedLifetime(keep) {} }
        let tried = Self.delivery("a", "c1")
        try Self.seed(archive, [tried, Self.delivery("a", "c2")])
        try archive.write { archive throws in
            try archive.insertAttempt(Self.attempt(tried, number: 1, outcome: .interrupted))
            try archive.insertAttempt(Self.attempt(tried, number: 2, outcome: .retry))
            try archive.insertAttempt(Self.attempt(tried, number: 3, outcome: .sent))
        }
        let counts = try archive.tries()
        #expect(counts.count == 1)
        #expect(counts[tried.id]?.tries == 2 && counts[tried.id]?.interrupted == 1)
        #expect(try archive.attempts(of: tried.id).map(\.number) == [1, 2, 3])
    }

    @Test(
        "a report's tries: attempts found by the planner and answers recorded, interrupted ones apart",
        arguments: ArchiveStore.allCases
    )
    func reportTries(_ store: ArchiveStore) throws {
        let (archive, keep) = try store.make()
        defer { withExtendedLifetime(keep) {} }
        let tried = Self.delivery("a", "c1")
        let once = Self.delivery("a", "c2")
        try Self.seed(archive, [tried, once, Self.delivery("a", "c3")])
        var retrying = tried
        retrying.attemptCount = 2
        retrying.status = .retrying
        var sent = tried
        sent.attemptCount = 3
        sent.status = .sent
        var failed = once
        failed.attemptCount = 1
        failed.status = .failed
        try archive.write { archive throws in
            try archive.insertAttempt(Self.attempt(tried, number: 1, outcome: .interrupted))
            try archive.recordOutcomes([(Self.attempt(tried, number: 2, outcome: .retry), retrying)])
            try archive.recordOutcomes([
                (Self.attempt(tried, number: 3, outcome: .sent), sent),
                (Self.attempt(once, number: 1, outcome: .failed), failed),
            ])
        }
        #expect(try archive.tries().mapValues(\.tries) == [tried.id: 2, once.id: 1])
        // The Swift store keeps no reports.
        guard store != .swiftInMemory else { return }
        let rows = try archive.reportRows(ReportFilter(), timeZone: .current)
        #expect(rows.map(\.channel) == ["c1", "c2", "c3"])
        #expect(rows.map(\.attempts) == [2, 1, 0])
    }

    @Test(
        "what was delivered: the same text elsewhere, a renamed channel's post, edits, the last post's time",
        arguments: ArchiveStore.allCases
    )
    func delivered(_ store: ArchiveStore) throws {
        let (archive, keep) = try store.make()
        defer { withExtendedLifetime(keep) {} }
        var sent = Self.delivery("goc", "fb-cu", status: .sent)
        sent.sentAt = Self.at(5)
        sent.contentHash = "hash-goc-1"
        var later = Self.delivery("khac", "fb-cu", status: .sent)
        later.sentAt = Self.at(9)
        try Self.seed(archive, [sent, later, Self.delivery("goc", "zalo", status: .held)])
        try archive.read { archive throws in
            let twin = try archive.deliveredTwin(contentHash: "hash-goc-1", otherThan: "ban-sao")
            #expect(twin?.announcement == "goc" && twin?.publishAt == Self.t0)
            #expect(try archive.deliveredTwin(contentHash: "hash-goc-1", otherThan: "goc") == nil)
            #expect(
                try archive.deliveredChannel(announcement: "goc", revision: 1, among: ["fb-moi", "fb-cu"]) == "fb-cu"
            )
            #expect(try archive.deliveredChannel(announcement: "goc", revision: 1, among: ["zalo"]) == nil)
            #expect(
                try archive.deliveriesEdited(announcement: "goc", revision: 1, contentHash: "hash-moi").map(\.id) == [
                    sent.id
                ]
            )
            #expect(try archive.deliveriesEdited(announcement: "goc", revision: 1, contentHash: "hash-goc-1").isEmpty)
            #expect(try archive.lastSent(channel: "fb-cu") == Self.at(9))
            #expect(try archive.lastSent(channel: "zalo") == nil)
        }
    }

    @Test("queue files: recorded, listed, found by id in any case, forgotten", arguments: ArchiveStore.allCases)
    func queueFiles(_ store: ArchiveStore) throws {
        let (archive, keep) = try store.make()
        defer { withExtendedLifetime(keep) {} }
        let file = QueueFileRecord(
            path: "/srv/loa/queue/Tổng-kết.md",
            size: 1_250,
            modifiedNanoseconds: 1_796_000_000_123_456_789,
            announcementID: "Tong-Ket",
            revision: 1,
            checkedAt: Self.t0
        )
        let broken = QueueFileRecord(path: "/srv/loa/queue/loi.md", size: 3, modifiedNanoseconds: 1, checkedAt: Self.t0)
        try archive.write { archive throws in
            try archive.recordQueueFile(file)
            try archive.recordQueueFile(broken)
        }
        try archive.read { archive throws in
            let files = try archive.queueFiles()
            #expect(files.count == 2)
            #expect(
                files[file.path]?.size == 1_250 && files[file.path]?.modifiedNanoseconds == file.modifiedNanoseconds
            )
            #expect(files[file.path]?.announcementID == "Tong-Ket" && files[broken.path]?.announcementID == nil)
            #expect(files[file.path] == file)
            #expect(try archive.queueFilePaths(holding: ["tong-ket"]) == [file.path])
        }
        try archive.write { try $0.forgetQueueFile(file.path) }
        #expect(try archive.read { try $0.queueFiles().keys.sorted() } == [broken.path])
    }

    @Test(
        "channels: destinations recorded; a rename moves deliveries and attempts, and replaces what the new id was given",
        arguments: ArchiveStore.allCases
    )
    func channels(_ store: ArchiveStore) throws {
        let (archive, keep) = try store.make()
        defer { withExtendedLifetime(keep) {} }
        try archive.write { archive throws in
            try archive.recordChannel("fb-cu", destination: "dest-1")
            try archive.recordChannel("fb-moi", destination: "dest-1")
            try archive.recordChannel("zalo", destination: nil)
        }
        #expect(try archive.read { try $0.channels(destination: "dest-1", otherThan: "fb-moi") } == ["fb-cu"])
        var sent = Self.delivery("a", "fb-cu", status: .sent)
        sent.sentAt = Self.at(1)
        let given = Self.delivery("a", "fb-moi", status: .held)
        try Self.seed(archive, [sent, given])
        try archive.write { try $0.insertAttempt(Self.attempt(sent, number: 1, outcome: .sent)) }
        let rename = try archive.renameChannel(from: "fb-cu", to: "fb-moi", now: Self.at(2))
        #expect(rename.moved == 1 && rename.replaced == 1)
        try archive.read { archive throws in
            let moved = try archive.deliveries(channel: "fb-moi")
            #expect(moved.map(\.id) == [sent.id] && moved.first?.status == .sent)
            #expect(try archive.deliveries(channel: "fb-cu").isEmpty)
            #expect(try archive.attempts(of: sent.id).map(\.channel) == ["fb-moi"])
            #expect(try archive.channels(destination: "dest-1", otherThan: "zalo") == ["fb-moi"])
        }
        #expect(throws: ChannelRenameRefusal.self) {
            try archive.renameChannel(from: "fb-cu", to: "x", now: Self.at(3))
        }
    }

    @Test(
        "engagement: snapshots keep history, the latest per metric wins; targets and their reads",
        arguments: ArchiveStore.allCases
    )
    func engagement(_ store: ArchiveStore) throws {
        let (archive, keep) = try store.make()
        defer { withExtendedLifetime(keep) {} }
        var post = Self.delivery("a", "fb", status: .sent)
        post.sentAt = Self.at(1)
        post.remoteId = "1_2"
        var outbox = Self.delivery("a", "zalo", status: .sent, transport: .outbox)
        outbox.sentAt = Self.at(1)
        outbox.remoteId = "x"
        var direct = Self.delivery("a", "fb-page", status: .sent, transport: .facebookPage)
        direct.sentAt = Self.at(2)
        direct.remoteId = "104857600123456_7"
        try Self.seed(archive, [post, outbox, direct, Self.delivery("b", "fb")])
        try archive.write { archive throws in
            try archive.recordFigures(
                ["reactions": 12, "lượt xem": 480],
                delivery: post.id,
                at: Self.at(60),
                source: "bridge"
            )
            try archive.recordFigures(["reactions": 30], delivery: post.id, at: Self.at(120), source: "bridge")
        }
        #expect(try archive.read { try $0.latestFigures(of: post.id) } == ["reactions": 30, "lượt xem": 480])
        #expect(try archive.read { try $0.latestFigures(of: outbox.id) } == [:])
        var targets = try archive.read { try $0.engagementTargets() }
        // Posts Loa made itself, through a bridge or straight to the platform; never a post made by hand.
        #expect(targets.map(\.delivery.id) == [post.id, direct.id])
        #expect(targets.first?.lastPolledAt == nil && targets.first?.unchangedReads == 0)
        try archive.write { try $0.recordPoll(delivery: post.id, at: Self.at(120), unchangedReads: 2, error: nil) }
        try archive.write { try $0.recordPollFailure(delivery: post.id, error: "Bridge bận (503)") }
        targets = try archive.read { try $0.engagementTargets() }
        #expect(targets.first?.lastPolledAt == Self.at(120) && targets.first?.unchangedReads == 2)
        // A slot's read is taken once: from the last read as it was found, by whichever host comes first.
        let seen: [(delivery: String, lastPolledAt: Date?)] = [(post.id, Self.at(120)), (direct.id, nil)]
        #expect(try archive.write { try $0.claimPolls(seen, at: Self.at(200)) } == [post.id, direct.id])
        #expect(try archive.write { try $0.claimPolls(seen, at: Self.at(201)) }.isEmpty, "taken already")
        targets = try archive.read { try $0.engagementTargets() }
        #expect(targets.map(\.lastPolledAt) == [Self.at(200), Self.at(200)])
        #expect(targets.first?.unchangedReads == 2, "a claim leaves the count of unchanged reads")
        // A read that learnt nothing is given back; one given back late (read again since) is left alone.
        try archive.write { try $0.releasePoll(delivery: post.id, takenAt: Self.at(200), lastPolledAt: Self.at(120)) }
        try archive.write { try $0.releasePoll(delivery: direct.id, takenAt: Self.at(199), lastPolledAt: nil) }
        targets = try archive.read { try $0.engagementTargets() }
        #expect(targets.map(\.lastPolledAt) == [Self.at(120), Self.at(200)])
        #expect(try archive.write { try $0.claimPolls([(post.id, Self.at(120))], at: Self.at(300)) } == [post.id])
    }

    @Test("a removed delivery is gone, with its reads; texts are stored once", arguments: ArchiveStore.allCases)
    func removeAndVariants(_ store: ArchiveStore) throws {
        let (archive, keep) = try store.make()
        defer { withExtendedLifetime(keep) {} }
        let held = Self.delivery("a", "fb", status: .held)
        try Self.seed(archive, [held])
        try archive.write { archive throws in
            try archive.recordPoll(delivery: held.id, at: Self.at(1), unchangedReads: 0, error: nil)
            try archive.removeDelivery(held.id)
            try archive.storeVariant(id: "0123456789abcdef0123456789abcdef", text: "Tuổi trẻ Cần Thơ", length: 16)
            try archive.storeVariant(id: "0123456789abcdef0123456789abcdef", text: "Tuổi trẻ Cần Thơ", length: 16)
        }
        #expect(try archive.read { try $0.hasDeliveries() } == false)
    }

    @Test("posts awaiting confirmation: when written, when last reminded", arguments: ArchiveStore.allCases)
    func awaiting(_ store: ArchiveStore) throws {
        let (archive, keep) = try store.make()
        defer { withExtendedLifetime(keep) {} }
        var waiting = Self.delivery("a", "zalo-nhom", status: .awaitingConfirmation, transport: .outbox)
        waiting.attemptCount = 1
        try Self.seed(archive, [waiting, Self.delivery("a", "fb", status: .sent)])
        var written = Self.attempt(waiting, number: 1, outcome: .written)
        written.finishedAt = Self.at(2)
        try archive.write { try $0.insertAttempt(written) }
        var posts = try archive.read { try $0.awaitingConfirmation() }
        #expect(posts.map(\.delivery.id) == [waiting.id])
        #expect(posts.first?.writtenAt == Self.at(2) && posts.first?.remindedAt == nil)
        try archive.write { try $0.recordReminder(delivery: waiting.id, at: Self.at(180)) }
        try archive.write { try $0.recordReminder(delivery: waiting.id, at: Self.at(1620)) }
        posts = try archive.read { try $0.awaitingConfirmation() }
        #expect(posts.first?.remindedAt == Self.at(1620))
    }

    @Test("an announcement recorded again replaces its revision's fields", arguments: ArchiveStore.allCases)
    func announcementUpsert(_ store: ArchiveStore) throws {
        let (archive, keep) = try store.make()
        defer { withExtendedLifetime(keep) {} }
        var sent = Self.delivery("goc", "fb", status: .sent)
        sent.sentAt = Self.at(1)
        try Self.seed(archive, [sent])
        try archive.write { archive throws in
            try archive.recordAnnouncement(
                Self.announcement("goc", publish: Self.at(30)),
                contentHash: "hash-moi",
                at: Self.at(2)
            )
        }
        try archive.read { archive throws in
            #expect(try archive.contentHash(announcement: "goc", revision: 1) == "hash-moi")
            #expect(try archive.contentHash(announcement: "goc", revision: 2) == nil)
            #expect(try archive.contentHash(announcement: "khac", revision: 1) == nil)
            #expect(try archive.deliveredTwin(contentHash: "hash-goc-1", otherThan: "x") == nil)
            let twin = try archive.deliveredTwin(contentHash: "hash-moi", otherThan: "x")
            #expect(twin?.announcement == "goc" && twin?.publishAt == Self.at(30))
        }
    }

    @Test("the start journal leaves alone a delivery settled since its start", arguments: ArchiveStore.allCases)
    func startJournalSettled(_ store: ArchiveStore) throws {
        let (archive, keep) = try store.make()
        defer { withExtendedLifetime(keep) {} }
        let cancelled = Self.delivery("a", "c1")
        try Self.seed(archive, [cancelled])
        _ = try archive.write { try $0.recordStarting([(cancelled.id, 0)], at: Self.at(3)) }
        _ = try archive.update(announcement: "a", channels: nil) { delivery in
            delivery.status = .cancelled
            return true
        }
        try archive.write { try $0.recoverInterruptedStarts() }
        let after = try archive.read { try $0.delivery(announcement: "a", revision: 1, channel: "c1") }
        #expect(after?.status == .cancelled && after?.attemptCount == 0)
    }

    @Test(
        "a rename owes again what the old id's leaving cancelled, and refuses a post delivered under both ids",
        arguments: ArchiveStore.allCases
    )
    func renameRestoresAndRefuses(_ store: ArchiveStore) throws {
        let (archive, keep) = try store.make()
        defer { withExtendedLifetime(keep) {} }
        var left = Self.delivery("a", "cu", status: .cancelled)
        left.note = DeliveryRecord.channelLeftNote
        var both = Self.delivery("b", "cu", status: .sent)
        both.sentAt = Self.at(1)
        var bothNew = Self.delivery("b", "moi", status: .sent)
        bothNew.sentAt = Self.at(2)
        try Self.seed(archive, [left, both, bothNew])
        #expect(throws: ChannelRenameRefusal.self) { try archive.renameChannel(from: "cu", to: "moi", now: Self.at(3)) }
        // Refused as a whole: nothing moved.
        #expect(try archive.read { try $0.deliveries(channel: "cu") }.count == 2)
        try archive.write { try $0.removeDelivery(bothNew.id) }
        let rename = try archive.renameChannel(from: "cu", to: "moi", now: Self.at(3))
        #expect(rename.moved == 2 && rename.restored == 1 && rename.replaced == 0)
        let restored = try archive.read { try $0.delivery(announcement: "a", revision: 1, channel: "moi") }
        #expect(restored?.status == .pending && restored?.id == left.id)
    }

    @Test(
        "confirmations kept with what the delivery was, and forgotten; names an operator may use",
        arguments: ArchiveStore.allCases
    )
    func confirmations(_ store: ArchiveStore) throws {
        let (archive, keep) = try store.make()
        defer { withExtendedLifetime(keep) {} }
        let waiting = Self.delivery("a", "zalo-nhom", status: .awaitingConfirmation, transport: .outbox)
        try Self.seed(archive, [waiting, Self.delivery("b", "fb")])
        let confirmation = Confirmation(
            confirmedAt: Self.at(10),
            postedAt: Self.at(8),
            url: nil,
            note: "nhóm Zalo Đoàn phường",
            forced: false,
            before: .init(of: waiting)
        )
        try archive.write { try $0.recordConfirmation(confirmation, of: waiting.id) }
        #expect(try archive.confirmation(of: waiting.id) == confirmation)
        #expect(try archive.confirmation(of: "none") == nil)
        try archive.write { try $0.forgetConfirmation(of: waiting.id) }
        #expect(try archive.confirmation(of: waiting.id) == nil)
        #expect(try archive.channelsWithDeliveries() == ["fb", "zalo-nhom"])
        try archive.write { archive throws in
            try archive.recordFigures(
                ["views": 1, "lượt thích": 2],
                delivery: waiting.id,
                at: Self.at(1),
                source: "manual"
            )
        }
        #expect(try archive.recordedMetrics() == ["lượt thích", "views"])
    }

    @Test("a write that throws leaves the archive as it was", arguments: ArchiveStore.allCases)
    func allOrNothing(_ store: ArchiveStore) throws {
        struct Stop: Error {}
        let (archive, keep) = try store.make()
        defer { withExtendedLifetime(keep) {} }
        try archive.setSetting("queue_listing", "before")
        #expect(throws: Stop.self) {
            try archive.write { archive throws in
                try archive.setSetting("queue_listing", "after")
                try archive.recordAnnouncement(Self.announcement("a"), contentHash: "h", at: Self.t0)
                try archive.insertDeliveries([Self.delivery("a", "fb")])
                throw Stop()
            }
        }
        #expect(try archive.setting("queue_listing") == "before")
        #expect(try archive.read { try $0.hasDeliveries() } == false)
    }
    @Test(
        "attempts keep the host that made them; an attempt from before hosts has none",
        arguments: ArchiveStore.allCases
    )
    func attemptHosts(_ store: ArchiveStore) throws {
        let (archive, keep) = try store.make()
        defer { withExtendedLifetime(keep) {} }
        let delivery = Self.delivery("a", "fb")
        try Self.seed(archive, [delivery])
        var first = Self.attempt(delivery, number: 1, outcome: .retry)
        first.host = "máy-chủ-1"
        var second = Self.attempt(delivery, number: 2, outcome: .sent)
        second.host = nil
        var sent = delivery
        sent.attemptCount = 3
        sent.status = .sent
        try archive.write { archive throws in
            try archive.insertAttempt(first)
            try archive.insertAttempt(second)
            try archive.recordOutcomes([(Self.attempt(delivery, number: 3, outcome: .sent), sent)])
        }
        #expect(try archive.attempts(of: delivery.id).map(\.host) == ["máy-chủ-1", nil, HostName.current])
    }

    @Test(
        "hosts: registered, seen again with another version and hash, first seen kept",
        arguments: ArchiveStore.allCases
    )
    func hosts(_ store: ArchiveStore) throws {
        let (archive, keep) = try store.make()
        defer { withExtendedLifetime(keep) {} }
        #expect(try archive.read { try $0.hosts() }.isEmpty)
        let h2 = HostRecord(
            name: "h2",
            loaVersion: "1.0",
            configHash: "aa",
            firstSeenAt: Self.at(1),
            lastSeenAt: Self.at(1)
        )
        try archive.write { archive throws in
            try archive.recordHost(h2)
            try archive.recordHost(
                HostRecord(
                    name: "h1",
                    loaVersion: "1.0",
                    configHash: "aa",
                    firstSeenAt: Self.at(2),
                    lastSeenAt: Self.at(2)
                )
            )
            try archive.recordHost(
                HostRecord(
                    name: "h2",
                    loaVersion: "1.1",
                    configHash: "bb",
                    firstSeenAt: Self.at(5),
                    lastSeenAt: Self.at(5)
                )
            )
        }
        let hosts = try archive.read { try $0.hosts() }
        #expect(hosts.map(\.name) == ["h1", "h2"])
        #expect(
            hosts.last
                == HostRecord(
                    name: "h2",
                    loaVersion: "1.1",
                    configHash: "bb",
                    firstSeenAt: Self.at(1),
                    lastSeenAt: Self.at(5)
                )
        )
    }
    @Test(
        "leases: a channel with work due goes to one host at a time, is renewed, released, and taken over after it ends",
        arguments: ArchiveStore.allCases
    )
    func leases(_ store: ArchiveStore) throws {
        let (archive, keep) = try store.make()
        defer { withExtendedLifetime(keep) {} }
        var sent = Self.delivery("b", "c3", status: .sent)
        sent.sentAt = Self.at(0)
        try Self.seed(
            archive,
            [Self.delivery("a", "c1"), Self.delivery("a", "c2"), Self.delivery("a", "c4", due: Self.at(30)), sent]
        )
        let first = try archive.write { try $0.claimChannels(host: "h1", at: Self.at(1), for: 60, limit: 10) }
        #expect(first.map(\.channel) == ["c1", "c2"] && first.allSatisfy { $0.holder == "h1" })
        #expect(first.allSatisfy { $0.until == Self.at(2) } && Set(first.map(\.token)).count == 2)
        // Held: nobody else gets them until they end.
        #expect(try archive.write { try $0.claimChannels(host: "h2", at: Self.at(1.5), for: 60, limit: 10) }.isEmpty)
        let renewed = try archive.write { try $0.renewLeases(first, at: Self.at(1.5), for: 60) }
        #expect(renewed.map(\.channel) == ["c1", "c2"] && renewed.allSatisfy { $0.until == Self.at(2.5) })
        // Ended: another host takes them over, with higher tokens; the first host's renewal then fails.
        let taken = try archive.write { try $0.claimChannels(host: "h2", at: Self.at(3), for: 60, limit: 1) }
        #expect(taken.map(\.channel) == ["c1"] && taken[0].token > first.map(\.token).max() ?? 0)
        #expect(try archive.write { try $0.renewLeases(first, at: Self.at(3), for: 60) }.isEmpty)
        // Released early, a lease may be taken at once.
        try archive.write { try $0.releaseLeases(taken, at: Self.at(3.5)) }
        let third = try archive.write { try $0.claimChannels(host: "h3", at: Self.at(3.5), for: 60, limit: 10) }
        #expect(third.map(\.channel) == ["c1", "c2"] && third.allSatisfy { $0.holder == "h3" })
        let listed = try archive.read { try $0.channelLeases() }
        #expect(listed.map(\.channel) == ["c1", "c2"] && listed.map(\.token) == third.map(\.token))
    }

    @Test(
        "fenced answers: a success from any host wins; a failure only from the lease's holder, never over a success",
        arguments: ArchiveStore.allCases
    )
    func fencedOutcomes(_ store: ArchiveStore) throws {
        let (archive, keep) = try store.make()
        defer { withExtendedLifetime(keep) {} }
        let one = Self.delivery("a", "c1")
        let two = Self.delivery("b", "c1")
        try Self.seed(archive, [one, two])
        let paused = try archive.write { try $0.claimChannels(host: "h1", at: Self.at(1), for: 60, limit: 10) }
        let takeover = try archive.write { try $0.claimChannels(host: "h2", at: Self.at(5), for: 60, limit: 10) }
        func answered(_ delivery: DeliveryRecord, _ status: DeliveryStatus, remote: String? = nil) -> DeliveryRecord {
            var delivery = delivery
            delivery.attemptCount = 1
            delivery.status = status
            delivery.nextAttemptAt = status == .retrying ? Self.at(20) : nil
            delivery.sentAt = status == .sent ? Self.at(6) : nil
            delivery.remoteId = remote
            return delivery
        }
        let oldFence = ["c1": paused[0].token]
        let newFence = ["c1": takeover[0].token]
        // The paused host wakes up: its failure is recorded as an attempt, but changes nothing.
        try archive.write { archive throws in
            try archive.recordOutcomes(
                [(Self.attempt(one, number: 1, outcome: .retry), answered(one, .retrying))],
                fencedBy: oldFence
            )
        }
        #expect(try archive.read { try $0.deliveries(ids: [one.id]) }.first?.status == .pending)
        #expect(try archive.attempts(of: one.id).count == 1)
        // Its success counts: the post went out.
        try archive.write { archive throws in
            try archive.recordOutcomes(
                [(Self.attempt(two, number: 1, outcome: .sent), answered(two, .sent, remote: "9_9"))],
                fencedBy: oldFence
            )
        }
        #expect(try archive.read { try $0.deliveries(ids: [two.id]) }.first?.remoteId == "9_9")
        // The holder's failure on a delivery already sent changes nothing; on one owed, it is written.
        try archive.write { archive throws in
            try archive.recordOutcomes(
                [
                    (Self.attempt(two, number: 2, outcome: .retry), answered(two, .retrying)),
                    (Self.attempt(one, number: 2, outcome: .retry), answered(one, .retrying)),
                ],
                fencedBy: newFence
            )
        }
        try archive.read { archive throws in
            let rows = try archive.deliveries(ids: [one.id, two.id])
            #expect(rows.map(\.status) == [.retrying, .sent])
            #expect(rows[0].nextAttemptAt == Self.at(20))
        }
        #expect(try archive.attempts(of: two.id).count == 2)
        // Every answer is a try, written or fenced.
        guard store != .swiftInMemory else { return }
        let rows = try archive.reportRows(ReportFilter(), timeZone: .current)
        #expect(rows.map(\.attempts) == [2, 2])
    }

    @Test("recovery on leased channels only: another host's starts are left to it", arguments: ArchiveStore.allCases)
    func recoveryOnChannels(_ store: ArchiveStore) throws {
        let (archive, keep) = try store.make()
        defer { withExtendedLifetime(keep) {} }
        let mine = Self.delivery("a", "c1")
        let theirs = Self.delivery("a", "c2")
        try Self.seed(archive, [mine, theirs])
        _ = try archive.write { try $0.recordStarting([(mine.id, 0), (theirs.id, 0)], at: Self.at(3)) }
        try archive.write { try $0.recoverInterruptedStarts(on: ["c1"]) }
        try archive.read { archive throws in
            let rows = try archive.deliveries(ids: [mine.id, theirs.id])
            #expect(rows.map(\.status) == [.sending, .pending] && rows.map(\.attemptCount) == [1, 0])
        }
        // Recovered once: the count has moved, so a second recovery leaves it.
        try archive.write { try $0.recoverInterruptedStarts(on: ["c1"]) }
        #expect(try archive.read { try $0.deliveries(ids: [mine.id]) }.first?.attemptCount == 1)
    }
}
