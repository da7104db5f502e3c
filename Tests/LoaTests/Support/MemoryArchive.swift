import Foundation
import Synchronization

@testable import Loa

/// The archive seam in plain Swift, with no SQL: a second store for the conformance suite, so that a contract
/// only SQLite happens to keep shows up as a failure here, and a small fake for unit tests of one stage.
///
/// A transaction works on a copy of the state and puts it back when it returns, so a throw leaves nothing behind.
final class MemoryArchive: Archive {
    struct State: Sendable {
        var settings: [String: String] = [:]
        var announcements: [String: (hash: String, publishAt: Date?)] = [:]
        var deliveries: [String: DeliveryRecord] = [:]
        var attempts: [AttemptRecord] = []
        var queueFiles: [String: QueueFileRecord] = [:]
        var channels: [String: String?] = [:]
        var snapshots: [(delivery: String, metric: String, value: Int, time: Date)] = []
        var polls: [String: (polledAt: Date?, unchanged: Int, error: String?)] = [:]
        var variants: [String: String] = [:]
        var starts: [Int64: (deliveries: [(id: String, attemptCount: Int)], time: Date)] = [:]
        var nextStart: Int64 = 1
        var reminders: [String: Date] = [:]
        var confirmations: [String: Confirmation] = [:]
        var notices: [String: Notice] = [:]
        var notifiedEvents: Set<String> = []
        var hosts: [String: HostRecord] = [:]
        var leases: [String: ChannelLease] = [:]
        var lastToken: Int64 = 0
        var uploadedMedia: [String: [UploadedMedia]] = [:]
        var stoppedChannels: [String: StoppedChannel] = [:]
    }

    private let state = Mutex(State())

    func read<T>(_ work: (any ArchiveReading) throws -> T) throws -> T {
        let snapshot = state.withLock { $0 }
        return try work(Transaction(snapshot))
    }

    func write<T>(_ work: (any ArchiveWriting) throws -> T) throws -> T {
        try state.withLock { current in
            let transaction = Transaction(current)
            let result = try work(transaction)
            current = transaction.state
            return result
        }
    }

    final class Transaction: ArchiveWriting {
        var state: State

        init(_ state: State) {
            self.state = state
        }

        private func key(_ announcement: String, _ revision: Int) -> String { "\(announcement)\u{0}\(revision)" }

        func setting(_ key: String) throws -> String? { state.settings[key] }
        func setSetting(_ key: String, _ value: String) throws { state.settings[key] = value }
        func removeSetting(_ key: String) throws { state.settings[key] = nil }

        func deliveries(announcement: String?) throws -> [DeliveryRecord] {
            let all = Array(state.deliveries.values)
            if let announcement {
                return all.filter { $0.announcementId == announcement }
                    .sorted { ($0.revision, $0.channel) < ($1.revision, $1.channel) }
            }
            return all.sorted { one, other in
                if one.dueAt != other.dueAt { return one.dueAt > other.dueAt }
                return (one.announcementId, one.revision, one.channel)
                    < (other.announcementId, other.revision, other.channel)
            }
        }

        func deliveries(announcement: String, revision: Int) throws -> [DeliveryRecord] {
            state.deliveries.values.filter { $0.announcementId == announcement && $0.revision == revision }
        }

        func deliveries(ids: [String]) throws -> [DeliveryRecord] { ids.compactMap { state.deliveries[$0] } }

        func deliveries(channel: String) throws -> [DeliveryRecord] {
            state.deliveries.values.filter { $0.channel == channel }
        }

        func delivery(announcement: String, revision: Int, channel: String) throws -> DeliveryRecord? {
            state.deliveries.values.first {
                $0.announcementId == announcement && $0.revision == revision && $0.channel == channel
            }
        }

        func newestDelivery(announcement: String, channel: String) throws -> DeliveryRecord? {
            state.deliveries.values.filter { $0.announcementId == announcement && $0.channel == channel }
                .max { $0.revision < $1.revision }
        }

        func hasDeliveries() throws -> Bool { !state.deliveries.isEmpty }

        func dueDeliveries(at now: Date) throws -> [DeliveryRecord] {
            state.deliveries.values.filter { delivery in
                switch delivery.status {
                case .pending: delivery.dueAt <= now
                case .retrying: delivery.nextAttemptAt.map { $0 <= now } ?? false
                case .sending: true
                default: false
                }
            }
        }

        func announcementsWithDeliveriesDue(at now: Date) throws -> Set<String> {
            Set(try dueDeliveries(at: now).map(\.announcementId))
        }

        func deliveriesEdited(announcement: String, revision: Int, contentHash: String) throws -> [DeliveryRecord] {
            try deliveries(announcement: announcement, revision: revision)
                .filter {
                    DeliveryStatus.delivered.contains($0.status) && $0.contentHash.map { $0 != contentHash } ?? false
                }
                .sorted { $0.channel < $1.channel }
        }

        func deliveredTwin(contentHash: String, otherThan announcement: String) throws
            -> (announcement: String, publishAt: Date?)?
        {
            for delivery in state.deliveries.values.sorted(by: { $0.id < $1.id })
            where delivery.announcementId != announcement && DeliveryStatus.delivered.contains(delivery.status) {
                if let recorded = state.announcements[key(delivery.announcementId, delivery.revision)],
                    recorded.hash == contentHash
                {
                    return (delivery.announcementId, recorded.publishAt)
                }
            }
            return nil
        }

        func deliveredChannel(announcement: String, revision: Int, among channels: [String]) throws -> String? {
            try deliveries(announcement: announcement, revision: revision)
                .filter { channels.contains($0.channel) && DeliveryStatus.delivered.contains($0.status) }
                .map(\.channel).min()
        }

        func lastSent(channel: String) throws -> Date? {
            state.deliveries.values.filter { $0.channel == channel && $0.status == .sent }.compactMap(\.sentAt).max()
        }

        func awaitingConfirmation() throws -> [AwaitingPost] {
            state.deliveries.values.filter { $0.status == .awaitingConfirmation }.map { delivery in
                let written = state.attempts.filter { $0.deliveryId == delivery.id && $0.outcome == .written }
                    .compactMap(\.finishedAt).max()
                return AwaitingPost(
                    delivery: delivery,
                    writtenAt: written ?? delivery.updatedAt,
                    remindedAt: state.reminders[delivery.id]
                )
            }
            .sorted { $0.writtenAt < $1.writtenAt }
        }

        func attempts(of delivery: String) throws -> [AttemptRecord] {
            state.attempts.filter { $0.deliveryId == delivery }.sorted { $0.number < $1.number }
        }

        func hasAttempts(_ delivery: String) throws -> Bool { state.attempts.contains { $0.deliveryId == delivery } }

        func tryCounts() throws -> [String: (tries: Int, interrupted: Int)] {
            var counts: [String: (tries: Int, interrupted: Int)] = [:]
            for attempt in state.attempts {
                var count = counts[attempt.deliveryId] ?? (0, 0)
                if attempt.outcome == .interrupted { count.interrupted += 1 } else { count.tries += 1 }
                counts[attempt.deliveryId] = count
            }
            return counts
        }

        func confirmation(of delivery: String) throws -> Confirmation? { state.confirmations[delivery] }

        func channelsWithDeliveries() throws -> [String] { Set(state.deliveries.values.map(\.channel)).sorted() }

        func recordConfirmation(_ confirmation: Confirmation, of delivery: String) throws {
            state.confirmations[delivery] = confirmation
        }

        func forgetConfirmation(of delivery: String) throws { state.confirmations[delivery] = nil }

        func recordedMetrics() throws -> [String] { Set(state.snapshots.map(\.metric)).sorted() }

        // Reports and imports: not kept in memory (the conformance suite does not cover them yet; see
        // docs/architecture.md). Names and metrics are.
        func reportNames() throws -> ReportNames {
            ReportNames(
                units: [],
                channels: Set(state.deliveries.values.map(\.channel)).sorted()
            )
        }

        func reportMetrics() throws -> [String] { Figures.ordered(Array(Set(state.snapshots.map(\.metric)))) }

        func reportCount(_ filter: ReportFilter, timeZone: TimeZone) throws -> Int {
            throw MemoryArchiveError("reports are not kept in memory")
        }

        func reportRows(_ filter: ReportFilter, timeZone: TimeZone, history: Bool) throws -> [ReportRow] {
            throw MemoryArchiveError("reports are not kept in memory")
        }

        func forEachReportRow(
            _ filter: ReportFilter,
            timeZone: TimeZone,
            _ body: (ReportRow) throws -> Void
        ) throws {
            throw MemoryArchiveError("reports are not kept in memory")
        }

        func importRows(_ files: [(file: String, rows: [ReportRow])], now: Date) throws -> [ImportCount] {
            throw MemoryArchiveError("imports are not kept in memory")
        }

        func queueFiles() throws -> [String: QueueFileRecord] { state.queueFiles }

        func queueFilePaths(holding announcements: Set<String>) throws -> [String] {
            let wanted = Set(announcements.map { $0.lowercased() })
            return state.queueFiles.values.filter {
                $0.announcementID.map { wanted.contains($0.lowercased()) } ?? false
            }
            .map(\.path)
        }

        func channels(destination: String, otherThan channel: String) throws -> [String] {
            state.channels.filter { $0.value == destination && $0.key != channel }.map(\.key).sorted()
        }

        func latestFigures(of delivery: String) throws -> [String: Int] {
            var latest: [String: (value: Int, time: Date)] = [:]
            for snapshot in state.snapshots where snapshot.delivery == delivery {
                if let known = latest[snapshot.metric], known.time > snapshot.time { continue }
                latest[snapshot.metric] = (snapshot.value, snapshot.time)
            }
            return latest.mapValues(\.value)
        }

        func engagementTargets() throws -> [EngagementTarget] {
            state.deliveries.values
                .filter { $0.status == .sent && $0.transport != .outbox && $0.remoteId != nil }
                .sorted { ($0.sentAt ?? .distantPast) < ($1.sentAt ?? .distantPast) }
                .map { delivery in
                    let poll = state.polls[delivery.id]
                    return EngagementTarget(
                        delivery: delivery,
                        lastPolledAt: poll?.polledAt,
                        unchangedReads: poll?.unchanged ?? 0
                    )
                }
        }

        func recordAnnouncement(_ announcement: Announcement, contentHash: String, at now: Date) throws {
            state.announcements[key(announcement.id, announcement.revision)] = (contentHash, announcement.publishAt)
        }

        func insertDeliveries(_ deliveries: [DeliveryRecord]) throws {
            for delivery in deliveries {
                guard state.deliveries[delivery.id] == nil else { throw MemoryArchiveError("delivery exists") }
                guard
                    state.announcements[key(delivery.announcementId, delivery.revision)] != nil
                        || state.notices[delivery.announcementId] != nil
                else {
                    throw MemoryArchiveError("no such announcement")
                }
                if let variant = delivery.variantId, state.variants[variant] == nil {
                    throw MemoryArchiveError("no such variant")
                }
                state.deliveries[delivery.id] = delivery
            }
        }

        func updateDelivery(_ delivery: DeliveryRecord) throws {
            guard state.deliveries[delivery.id] != nil else { throw MemoryArchiveError("no such delivery") }
            state.deliveries[delivery.id] = delivery
        }

        func markDeliveries(
            announcement: String,
            revisionsBelow: Int?,
            statuses: Set<DeliveryStatus>,
            status: DeliveryStatus?,
            note: String,
            at now: Date
        ) throws {
            for (id, var delivery) in state.deliveries
            where delivery.announcementId == announcement && statuses.contains(delivery.status)
                && revisionsBelow.map({ delivery.revision < $0 }) ?? true
            {
                if let status { delivery.status = status }
                delivery.note = note
                delivery.updatedAt = now
                state.deliveries[id] = delivery
            }
        }

        func recordReminder(delivery: String, at time: Date) throws { state.reminders[delivery] = time }

        func recordNotice(_ notice: Notice, events: [String]) throws {
            guard state.notices[notice.id] == nil else { throw MemoryArchiveError("notice \(notice.id) exists") }
            state.notices[notice.id] = notice
            state.notifiedEvents.formUnion(events)
        }

        func unsentNotices() throws -> [Notice] {
            state.notices.values.filter { notice in
                state.deliveries.values.contains {
                    $0.announcementId == notice.id && $0.channel == notice.channel
                        && DeliveryStatus.owed.contains($0.status)
                }
            }
            .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        }

        func notifiedEvents(among keys: [String]) throws -> Set<String> {
            state.notifiedEvents.intersection(keys)
        }

        func removeDelivery(_ delivery: String) throws {
            state.deliveries[delivery] = nil
            state.polls[delivery] = nil
            state.reminders[delivery] = nil
            state.uploadedMedia[delivery] = nil
        }

        func uploadedMedia(of delivery: String) throws -> [UploadedMedia] { state.uploadedMedia[delivery] ?? [] }

        func keepUploadedMedia(_ media: [UploadedMedia], of delivery: String, at time: Date) throws {
            guard state.deliveries[delivery] != nil else { throw MemoryArchiveError("no delivery \(delivery)") }
            state.uploadedMedia[delivery] = media.isEmpty ? nil : media
        }

        func stoppedChannels() throws -> [StoppedChannel] {
            state.stoppedChannels.values.sorted { $0.channel < $1.channel }
        }

        func stopChannel(_ stop: StoppedChannel) throws { state.stoppedChannels[stop.channel] = stop }

        func resumeChannel(_ channel: String) throws -> Bool {
            state.stoppedChannels.removeValue(forKey: channel) != nil
        }

        func storeVariant(id: String, text: String, length: Int) throws {
            if state.variants[id] == nil { state.variants[id] = text }
        }

        func recoverInterruptedStarts() throws {
            for (_, start) in state.starts.sorted(by: { $0.key < $1.key }) {
                for (id, count) in start.deliveries {
                    guard var delivery = state.deliveries[id], delivery.attemptCount == count,
                        delivery.status == .pending || delivery.status == .retrying
                    else { continue }
                    delivery.status = .sending
                    delivery.attemptCount += 1
                    delivery.updatedAt = start.time
                    state.deliveries[id] = delivery
                }
            }
            state.starts = [:]
        }

        func recordStarting(_ deliveries: [(id: String, attemptCount: Int)], at time: Date) throws -> Int64 {
            let id = state.nextStart
            state.nextStart += 1
            state.starts[id] = (deliveries, time)
            return id
        }

        func forgetStarts(_ entries: [Int64]) throws {
            for entry in entries { state.starts[entry] = nil }
        }

        func recordOutcomes(_ outcomes: [(attempt: AttemptRecord, delivery: DeliveryRecord)]) throws {
            for (attempt, answered) in outcomes {
                try insertAttempt(attempt)
                guard let current = state.deliveries[answered.id] else { continue }
                var delivery = answered
                if current.status == .cancelled {
                    if DeliveryStatus.delivered.contains(answered.status) {
                        if answered.status == .sent { delivery.note = DeliveryRecord.cancelledTooLate }
                    } else {
                        delivery.status = .cancelled
                        delivery.nextAttemptAt = nil
                        delivery.note = current.note
                    }
                }
                state.deliveries[answered.id] = delivery
            }
        }

        func insertAttempt(_ attempt: AttemptRecord) throws {
            guard state.deliveries[attempt.deliveryId] != nil else { throw MemoryArchiveError("no such delivery") }
            state.attempts.append(attempt)
        }

        func recordQueueFile(_ file: QueueFileRecord) throws { state.queueFiles[file.path] = file }
        func forgetQueueFile(_ path: String) throws { state.queueFiles[path] = nil }
        func recordChannel(_ channel: String, destination: String?) throws { state.channels[channel] = destination }

        func moveChannelRecords(from old: String, to new: String, at now: Date) throws {
            for (id, var delivery) in state.deliveries where delivery.channel == old {
                delivery.channel = new
                delivery.updatedAt = now
                state.deliveries[id] = delivery
            }
            for index in state.attempts.indices where state.attempts[index].channel == old {
                state.attempts[index].channel = new
            }
            state.channels[old] = nil
        }

        func recordFigures(_ figures: [String: Int], delivery: String, at time: Date, source: String) throws {
            for (metric, value) in figures.sorted(by: { $0.key < $1.key }) {
                state.snapshots.append((delivery, metric, value, time))
            }
        }

        func recordPoll(delivery: String, at time: Date, unchangedReads: Int, error: String?) throws {
            state.polls[delivery] = (time, unchangedReads, error)
        }

        func startedDeliveries() throws -> [StartedDelivery] {
            state.starts.sorted { ($0.value.time, $0.key) < ($1.value.time, $1.key) }.flatMap { _, start in
                start.deliveries.map { StartedDelivery(delivery: $0.id, startedAt: start.time) }
            }
        }

        func contentHash(announcement: String, revision: Int) throws -> String? {
            state.announcements[key(announcement, revision)]?.hash
        }

        func hosts() throws -> [HostRecord] { state.hosts.values.sorted { $0.name < $1.name } }

        func excludeOtherQueueSyncs() throws {}

        func channelLeases() throws -> [ChannelLease] {
            state.leases.values.sorted { $0.channel.utf8.lexicographicallyPrecedes($1.channel.utf8) }
        }

        func claimChannels(host: String, at now: Date, for duration: TimeInterval, limit: Int) throws
            -> [ChannelLease]
        {
            let due = Set(try dueDeliveries(at: now).map(\.channel)).sorted {
                $0.utf8.lexicographicallyPrecedes($1.utf8)
            }
            var leased: [ChannelLease] = []
            for channel in due where leased.count < limit {
                if let held = state.leases[channel], held.until > now { continue }
                state.lastToken += 1
                let lease = ChannelLease(
                    channel: channel,
                    holder: host,
                    token: state.lastToken,
                    until: now.addingTimeInterval(duration)
                )
                state.leases[channel] = lease
                leased.append(lease)
            }
            return leased
        }

        func renewLeases(_ leases: [ChannelLease], at now: Date, for duration: TimeInterval) throws
            -> [ChannelLease]
        {
            leases.compactMap { lease in
                guard var held = state.leases[lease.channel], held.token == lease.token, held.until > now else {
                    return nil
                }
                held.until = now.addingTimeInterval(duration)
                state.leases[lease.channel] = held
                return held
            }
        }

        func releaseLeases(_ leases: [ChannelLease], at now: Date) throws {
            for lease in leases {
                guard var held = state.leases[lease.channel], held.token == lease.token, held.until > now else {
                    continue
                }
                held.until = now
                state.leases[lease.channel] = held
            }
        }

        func recoverInterruptedStarts(on channels: Set<String>) throws {
            for (_, start) in state.starts.sorted(by: { $0.key < $1.key }) {
                for (id, count) in start.deliveries {
                    guard var delivery = state.deliveries[id], channels.contains(delivery.channel),
                        delivery.attemptCount == count, delivery.status == .pending || delivery.status == .retrying
                    else { continue }
                    delivery.status = .sending
                    delivery.attemptCount += 1
                    delivery.updatedAt = start.time
                    state.deliveries[id] = delivery
                }
            }
        }

        func recordOutcomes(
            _ outcomes: [(attempt: AttemptRecord, delivery: DeliveryRecord)],
            fencedBy leases: [String: Int64]
        ) throws {
            for (attempt, answered) in outcomes {
                if !DeliveryStatus.delivered.contains(answered.status) {
                    let current = state.deliveries[answered.id]?.status
                    guard state.leases[answered.channel]?.token == leases[answered.channel],
                        leases[answered.channel] != nil, let current, !DeliveryStatus.delivered.contains(current)
                    else {
                        try insertAttempt(attempt)
                        continue
                    }
                }
                try recordOutcomes([(attempt, answered)])
            }
        }

        func recordHost(_ host: HostRecord) throws {
            var host = host
            host.firstSeenAt = state.hosts[host.name]?.firstSeenAt ?? host.firstSeenAt
            state.hosts[host.name] = host
        }

        func claimPolls(_ polls: [(delivery: String, lastPolledAt: Date?)], at now: Date) throws -> Set<String> {
            var claimed: Set<String> = []
            for (delivery, seen) in polls where state.polls[delivery]?.polledAt == seen {
                let known = state.polls[delivery]
                state.polls[delivery] = (now, known?.unchanged ?? 0, known?.error)
                claimed.insert(delivery)
            }
            return claimed
        }

        func releasePoll(delivery: String, takenAt: Date, lastPolledAt: Date?) throws {
            guard let known = state.polls[delivery], known.polledAt == takenAt else { return }
            state.polls[delivery] = (lastPolledAt, known.unchanged, known.error)
        }

        func recordPollFailure(delivery: String, error: String) throws {
            let known = state.polls[delivery]
            state.polls[delivery] = (known?.polledAt, known?.unchanged ?? 0, error)
        }
    }
}

struct MemoryArchiveError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
