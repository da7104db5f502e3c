import Foundation

/// The sync's writes: announcements and their deliveries, the channels' destinations, files that left the queue.
extension QueueSync {
    /// Records an announcement and creates the deliveries it is owed.
    ///
    /// `renamed` names, for a channel, the ids that left loa.yml with its destination: a delivery those delivered
    /// is held rather than posted again under the new id. `firstRun`: the first run on a new archive.
    func record(
        _ announcement: Announcement,
        renamed: [String: [String]],
        firstRun: Bool,
        _ archive: any ArchiveWriting,
        events: inout [RunEvent]
    ) throws {
        let hash = ContentHash.of(announcement)
        try archive.recordAnnouncement(announcement, contentHash: hash, at: now)
        // A newer revision replaces whatever an older one still owed.
        try archive.markDeliveries(
            announcement: announcement.id,
            revisionsBelow: announcement.revision,
            statuses: DeliveryStatus.owed,
            status: .cancelled,
            note: Message.noteReplaced(["revision": "\(announcement.revision)"]),
            at: now
        )
        guard announcement.status == .ready else { return }
        let existing = try archive.deliveries(announcement: announcement.id, revision: announcement.revision)
        let channels = configuration.channels(matching: announcement.channelPatterns)
        let wanted = Set(channels.map(\.id))
        for var delivery in existing {
            if !wanted.contains(delivery.channel), DeliveryStatus.undelivered.contains(delivery.status) {
                delivery.status = .cancelled
                delivery.note = DeliveryRecord.channelLeftNote
                delivery.updatedAt = now
                try archive.updateDelivery(delivery)
            } else if DeliveryStatus.delivered.contains(delivery.status),
                let sentHash = delivery.contentHash, sentHash != hash
            {
                let note = Message.noteEdited(["revision": "\(announcement.revision + 1)"])
                if delivery.note != note {
                    delivery.note = note
                    delivery.updatedAt = now
                    try archive.updateDelivery(delivery)
                }
            }
        }
        let have = Set(existing.map(\.channel))
        let twin = try archive.deliveredTwin(contentHash: hash, otherThan: announcement.id)
        let holds = HoldRules(
            isNewArchive: firstRun && !catchUp,
            catchUp: configuration.catchUp,
            missedAfter: configuration.missedAfter,
            timeZone: configuration.timeZone,
            now: now
        )
        var catchUpHeld: [String] = []
        var created: [DeliveryRecord] = []
        for channel in channels where !have.contains(channel.id) {
            var delivery = DeliveryRecord(
                id: DeliveryID.make(
                    announcement: announcement.id,
                    revision: announcement.revision,
                    channel: channel.id
                ),
                announcementId: announcement.id,
                revision: announcement.revision,
                channel: channel.id,
                platform: channel.platform,
                transport: channel.transport,
                status: .pending,
                dueAt: announcement.publishAt ?? now,
                attemptCount: 0,
                backoffStep: 0,
                createdAt: now,
                updatedAt: now
            )
            // The old ids' deliveries of this revision, looked up only for a channel that was renamed.
            let renamedFrom = try renamed[channel.id].flatMap { oldIDs in
                try archive.deliveredChannel(
                    announcement: announcement.id,
                    revision: announcement.revision,
                    among: oldIDs
                )
            }
            let hold = holds.decide(
                announcement,
                channel: channel.id,
                renamedFrom: renamedFrom,
                twin: twin.map { ($0.announcement, $0.publishAt) }
            )
            if let hold {
                delivery.status = .held
                delivery.note = hold.note
                if hold.isCatchUp { catchUpHeld.append(delivery.id) }
            }
            created.append(delivery)
            if delivery.status == .held, let note = delivery.note {
                events.append(RunEvent(.held, announcement: announcement.id, channel: channel.id, detail: note))
            }
        }
        try archive.insertDeliveries(created)
        if !catchUpHeld.isEmpty {
            let listed = try archive.setting(Self.catchUpSetting)
            let ids =
                (listed.flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? []) + catchUpHeld
            try archive.setSetting(Self.catchUpSetting, JSONText.array(ids))
        }
    }

    /// Records where each configured channel's posts land; returns, for each channel, the ids that left loa.yml
    /// and had the same destination: the channel under its old names.
    func recordChannels(_ archive: any ArchiveWriting) throws -> [String: [String]] {
        let configured = Set(configuration.channels.map(\.id))
        var renamed: [String: [String]] = [:]
        for channel in configuration.channels {
            if let destination = channel.destination {
                let others = try archive.channels(destination: destination, otherThan: channel.id)
                    .filter { !configured.contains($0) }
                if !others.isEmpty { renamed[channel.id] = others.sorted() }
            }
            try archive.recordChannel(channel.id, destination: channel.destination)
        }
        return renamed
    }

    /// Unsettled deliveries of files that left the queue are cancelled, so their status says why.
    ///
    /// On an archive shared by several hosts, each host's copy of the queue is pulled at its own moment (or kept
    /// in another folder), so a file missing from this host's copy is not proof that it left the queue: only
    /// this host's own records of files under its queue folder are forgotten, and nothing is cancelled (`loa
    /// cancel` withdraws a post there).
    func forgetRemovedFiles(
        present: Set<String>,
        cache: [String: CachedFile],
        prefix: String,
        _ archive: any ArchiveWriting
    ) throws {
        let shared = ArchiveStores.isShared(configuration.archive)
        for (path, cached) in cache where !present.contains(path) {
            if shared {
                if path.hasPrefix(prefix) { try archive.forgetQueueFile(path) }
                continue
            }
            if let id = cached.announcementID {
                try archive.markDeliveries(
                    announcement: id,
                    revisionsBelow: nil,
                    statuses: DeliveryStatus.undelivered,
                    status: .cancelled,
                    note: Message.noteLeftQueue(["file": DisplayPath.of(URL(fileURLWithPath: path))]),
                    at: now
                )
            }
            try archive.forgetQueueFile(path)
        }
    }
}
