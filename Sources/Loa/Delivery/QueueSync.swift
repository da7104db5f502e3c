import Foundation

/// Brings the archive up to date with `queue/`: records announcements and creates their deliveries.
///
/// A cron run every minute must be cheap when nothing changed, so a file whose size and modification time match
/// the archive's record is not parsed again, unless one of its deliveries is due now. A file that failed to
/// parse is reported the run it changed, not every minute after.
struct QueueSync {
    let configuration: Configuration
    let archive: any Archive
    let now: Date
    /// `loa run --catch-up`: a new archive holds nothing back.
    var catchUp = false

    /// What the queue holds this run.
    struct Outcome {
        /// Parsed announcements by id: the changed files, and the unchanged ones with deliveries due.
        var announcements: [String: Announcement] = [:]
        /// Problems in files that changed since the last run.
        var diagnostics: [Diagnostic] = []
        /// How many files the queue holds.
        var fileCount = 0
        /// How many were parsed this run.
        var parsedCount = 0
        /// Deliveries held for a person as they were created: printed once, in this run.
        var events: [RunEvent] = []
        /// The announcements whose files changed since the last run.
        var changed: Set<String> = []
    }

    /// The setting listing the deliveries held because a new archive found them long past their time.
    static let catchUpSetting = "catch_up_held"
    /// The setting holding when the first run on this archive began.
    static let firstRunSetting = "first_run"
    /// The setting holding ``fingerprint(_:)`` of the configuration the queue was last read with.
    static let fingerprintSetting = "queue_fingerprint"
    /// The setting holding the last run's fingerprint of the queue's listing.
    static let listingSetting = "queue_listing"

    struct FileState: Equatable {
        var path: String
        var size: Int64
        var modifiedNanoseconds: Int64
    }

    struct CachedFile: Equatable {
        var size: Int64
        var modifiedNanoseconds: Int64
        var announcementID: String?
    }

    /// Which files a run reads, decided from the listing and the archive's record of it without touching either.
    /// A file to parse, and whether it changed since it was last parsed (its problems are then reported).
    typealias FileEntry = (file: FileState, changed: Bool)

    struct Reading: Equatable {
        /// The files to parse.
        var parse: [FileEntry] = []
        /// The files not parsed, with the id each held when it was: their claims still count for duplicate ids.
        var unread: [String: String] = [:]

        static func == (one: Reading, other: Reading) -> Bool {
            one.unread == other.unread && one.parse.map(\.file) == other.parse.map(\.file)
                && one.parse.map(\.changed) == other.parse.map(\.changed)
        }
    }

    /// What to read when the listing changed: every new or changed file, and the unchanged ones whose
    /// announcement has a delivery due (`due`) or shared its id with a file that changed or left (so an id that
    /// two files claimed is recorded again once one of them is renamed); with `configurationChanged`, every file.
    static func reading(
        _ files: [FileState],
        cache: [String: CachedFile],
        due: Set<String>,
        configurationChanged: Bool
    ) -> Reading {
        func isUnchanged(_ file: FileState, _ cached: CachedFile?) -> Bool {
            cached?.size == file.size && cached?.modifiedNanoseconds == file.modifiedNanoseconds
        }
        let present = Dictionary(files.map { ($0.path, $0) }) { first, _ in first }
        // In lower case: ids that differ only in case are the same id (DuplicateIDs).
        var touched: Set<String> = []
        for (path, cached) in cache {
            guard let id = cached.announcementID else { continue }
            if let file = present[path], isUnchanged(file, cached) { continue }
            touched.insert(id.lowercased())
        }
        var reading = Reading()
        for file in files {
            let cached = cache[file.path]
            if isUnchanged(file, cached), !configurationChanged, let cached {
                guard let id = cached.announcementID else { continue }
                if due.contains(id) || touched.contains(id.lowercased()) {
                    reading.parse.append((file, false))
                } else {
                    reading.unread[file.path] = id
                }
            } else {
                reading.parse.append((file, true))
            }
        }
        return reading
    }

    func run() throws -> Outcome {
        do {
            return try run(claimsKnown: false)
        } catch is SecondClaim {
            // Two files claim one id: everything written is rolled back, and the files are read again knowing it.
            return try run(claimsKnown: true)
        }
    }

    /// Thrown while files are recorded as they are parsed, when one claims an id that another file claims too;
    /// rolls the transaction back.
    private struct SecondClaim: Error {}

    /// Reads the queue into the archive; without `claimsKnown`, each file is recorded as soon as it is parsed,
    /// throwing ``SecondClaim`` at the first id claimed twice.
    private func run(claimsKnown: Bool) throws -> Outcome {
        var outcome = Outcome()
        let directory = configuration.queueDirectory.path
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        let queue = try Queue.Listing(directory: directory)
        outcome.fileCount = queue.count
        func fileStates(_ files: [Queue.StampedFile]) -> [FileState] {
            files.map { FileState(path: prefix + $0.name, size: $0.size, modifiedNanoseconds: $0.modifiedNanoseconds) }
        }
        let parser = AnnouncementParser(configuration)
        let fingerprint = Self.fingerprint(configuration)
        // A fingerprint of the whole listing (the folder, and each file's name, size and modification time): equal
        // to the last run's, nothing in the queue changed, and the per-file cache need not be read.
        let listing = queue.fingerprint + " " + prefix
        try archive.write { archive in
            // Attempts a killed run started become `sending` first, so that they count as due below. On a shared
            // archive, each host recovers only the channels it leases (DeliveryRun), never another host's.
            if ArchiveStores.isShared(configuration.archive) {
                try archive.excludeOtherQueueSyncs()
            } else {
                try archive.recoverInterruptedStarts()
            }
            let firstRunTime = try archive.setting(Self.firstRunSetting)
            let configurationChanged = try archive.setting(Self.fingerprintSetting) != fingerprint
            let due = try archive.announcementsWithDeliveriesDue(at: now)
            if !configurationChanged, try archive.setting(Self.listingSetting) == listing {
                // No file came, went or changed since the last run: only those with deliveries due are read (every
                // file claiming such an id, so a duplicate id is still seen), and the 10,000 rows of a full queue's
                // cache are not.
                guard !due.isEmpty else { return }
                let names = Set(
                    try archive.queueFilePaths(holding: due).compactMap { path in
                        path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
                    }
                )
                let reading = Reading(parse: fileStates(queue.files(named: names)).map { ($0, false) })
                try read(
                    reading,
                    parser: parser,
                    renamed: [:],
                    firstRun: false,
                    claimsKnown: claimsKnown,
                    into: &outcome,
                    archive
                )
                return
            }
            let renamed = configurationChanged ? try recordChannels(archive) : [:]
            let files = fileStates(queue.sortedFiles())
            let cache = try archive.queueFiles().mapValues {
                CachedFile(
                    size: $0.size,
                    modifiedNanoseconds: $0.modifiedNanoseconds,
                    announcementID: $0.announcementID
                )
            }
            let reading = Self.reading(files, cache: cache, due: due, configurationChanged: configurationChanged)
            // The first run on this archive: none recorded its time, and it holds no delivery (an archive from
            // before this setting has some). Other commands may have created the archive; only a run counts.
            let firstRun = try firstRunTime == nil && !archive.hasDeliveries()
            try read(
                reading,
                parser: parser,
                renamed: renamed,
                firstRun: firstRun,
                claimsKnown: claimsKnown,
                into: &outcome,
                archive
            )
            if firstRunTime == nil { try archive.setSetting(Self.firstRunSetting, now.formatted(.iso8601)) }
            try forgetRemovedFiles(present: Set(files.map(\.path)), cache: cache, prefix: prefix, archive)
            if configurationChanged { try archive.setSetting(Self.fingerprintSetting, fingerprint) }
            try archive.setSetting(Self.listingSetting, listing)
        }
        return outcome
    }

    /// Parses the files `reading` names (on every core) and records what they hold: each announcement and its
    /// deliveries, unless its id is claimed by another file too, and each file's stamps.
    ///
    /// Two files rarely claim one id, so unless `claimsKnown` each file is recorded as soon as it is parsed, while
    /// the next ones are parsed; the first id claimed a second time throws ``SecondClaim``, and the caller starts
    /// again knowing every claim before it records any.
    private func read(
        _ reading: Reading,
        parser: AnnouncementParser,
        renamed: [String: [String]],
        firstRun: Bool,
        claimsKnown: Bool,
        into outcome: inout Outcome,
        _ archive: any ArchiveWriting
    ) throws {
        let parse: @Sendable (FileEntry) -> AnnouncementParser.Outcome = {
            parser.parse(file: URL(fileURLWithPath: $0.file.path))
        }
        let display = { (path: String) in DisplayPath.of(URL(fileURLWithPath: path)) }
        var claims = reading.unread.map { (file: display($0.key), id: $0.value) }
        var changedIDs: Set<String> = []
        var duplicates = DuplicateIDs([])
        func record(_ entry: FileEntry, _ result: AnnouncementParser.Outcome) throws {
            let file = entry.file
            outcome.parsedCount += 1
            if entry.changed { outcome.diagnostics += result.diagnostics }
            if var announcement = result.announcement, !duplicates.contains(announcement.id),
                try !isStaleCopy(announcement, file: file.path, changed: entry.changed, &outcome, archive)
            {
                announcement.file = URL(fileURLWithPath: file.path)
                try self.record(announcement, renamed: renamed, firstRun: firstRun, archive, events: &outcome.events)
                outcome.announcements[announcement.id] = announcement
                if entry.changed { outcome.changed.insert(announcement.id) }
            }
            try archive.recordQueueFile(
                QueueFileRecord(
                    path: file.path,
                    size: file.size,
                    modifiedNanoseconds: file.modifiedNanoseconds,
                    announcementID: result.announcement?.id,
                    revision: result.announcement?.revision,
                    checkedAt: now
                )
            )
        }
        if claimsKnown {
            let parsed = reading.parse.concurrentMap(parse)
            for (entry, result) in zip(reading.parse, parsed) {
                guard let id = result.announcement?.id else { continue }
                claims.append((display(entry.file.path), id))
                if entry.changed { changedIDs.insert(id) }
            }
            duplicates = DuplicateIDs(claims)
            for (entry, result) in zip(reading.parse, parsed) { try record(entry, result) }
        } else {
            // In lower case, as DuplicateIDs compares them.
            var claimed = Set(claims.map { $0.id.lowercased() })
            try reading.parse.concurrentForEach(parse) { entry, result in
                if let id = result.announcement?.id, !claimed.insert(id.lowercased()).inserted { throw SecondClaim() }
                try record(entry, result)
            }
            return
        }
        guard !duplicates.isEmpty else { return }
        outcome.diagnostics += duplicates.diagnostics(only: changedIDs)
        for id in changedIDs {
            guard let note = duplicates.note(for: id) else { continue }
            try archive.markDeliveries(
                announcement: id,
                revisionsBelow: nil,
                statuses: DeliveryStatus.owed,
                status: nil,
                note: note,
                at: now
            )
        }
    }

    /// On an archive shared by several hosts, whether this host's copy of `announcement` is not the one the
    /// archive recorded first for its id and revision (another content hash: a queue folder not yet pulled, or
    /// a file edited without raising `revision:`). Such a copy is neither recorded nor sent from this host, so
    /// the first recorded text is the one every host sends; a warning says so when the file changed.
    private func isStaleCopy(
        _ announcement: Announcement,
        file: String,
        changed: Bool,
        _ outcome: inout Outcome,
        _ archive: any ArchiveWriting
    ) throws -> Bool {
        guard ArchiveStores.isShared(configuration.archive),
            let stored = try archive.contentHash(announcement: announcement.id, revision: announcement.revision),
            stored != ContentHash.of(announcement)
        else { return false }
        if changed {
            outcome.diagnostics.append(
                Diagnostic(
                    .warning,
                    area: .queue,
                    file: DisplayPath.of(URL(fileURLWithPath: file)),
                    field: "revision",
                    message: Message.diagStaleCopy([
                        "id": announcement.id, "revision": String(announcement.revision),
                    ]),
                    hint: Message.diagStaleCopyHint()
                )
            )
        }
        return true
    }

    /// What, in the configuration, changes how files parse or which deliveries they are owed.
    static func fingerprint(_ configuration: Configuration) -> String {
        let channels = configuration.channels.map {
            "\($0.id):\($0.platform.rawValue):\($0.transport.rawValue):\($0.destination ?? ""):\($0.maxImageBytes ?? 0)"
        }
        return ([configuration.timeZone.identifier] + channels).joined(separator: ",")
    }
}
