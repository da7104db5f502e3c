import Foundation

/// One `loa run`: sync the queue into the archive, settle what is too late, deliver what is due.
///
/// Safe to run every minute: a run that finds the lock held does nothing; a delivery that succeeded is never
/// sent again for the same revision; a run killed at any instant leaves an archive the next run continues from.
public struct DeliveryRun: Sendable {
    public var workspace: Workspace
    public var exchange: any HTTPExchange
    public var policy: RetryPolicy = .standard
    /// The clock for what is due (`--now`); signatures always use the real time.
    public var now: Date
    /// Show what would go where, and change nothing: no archive writes, no files, no requests.
    public var dryRun = false
    /// Send the posts a new archive held because they were long past their time (`loa run --catch-up`).
    public var catchUp = false
    /// Told of each decision and outcome as it happens, for progress on a terminal.
    public var onEvent: (@Sendable (RunEvent) -> Void)?

    public init(workspace: Workspace, exchange: any HTTPExchange = CurlExchange(), now: Date = Date()) {
        self.workspace = workspace
        self.exchange = exchange
        self.now = now
    }

    /// Why a run could not start.
    public enum Failure: Error, CustomStringConvertible {
        case locked(RunLock.Failure)
        case archive(ArchiveError)
        /// The PostgreSQL archive cannot be reached or used.
        case sharedArchive(PostgresArchiveError)
        /// The queue folder is missing, not a folder, or cannot be read: the same diagnostic as `loa check`'s.
        case queue(Diagnostic)

        public var description: String {
            switch self {
            case .locked(let failure): failure.description
            case .archive(let error): error.description
            case .sharedArchive(let error): error.description
            case .queue(let diagnostic): diagnostic.description
            }
        }
    }

    /// The lock file that keeps this host's runs apart (``Configuration/runLockPath``).
    public var lockPath: String { workspace.configuration.runLockPath }

    public func perform() throws -> RunReport {
        let lock: RunLock?
        do {
            lock = dryRun ? nil : try RunLock.acquire(path: lockPath)
        } catch {
            throw Failure.locked(error)
        }
        defer { withExtendedLifetime(lock) {} }
        let shared = ArchiveStores.isShared(workspace.configuration.archive)
        let phases = PhaseTimer()
        let archive = try openArchive()
        if shared && !dryRun {
            try HostRegistry.register(archive, configuration: workspace.configuration, now: now)
        }
        let archiveFile = dryRun || shared ? nil : FileIdentity(path: workspace.configuration.archive)
        phases.mark("open archive")
        var report = RunReport()
        // A stopped channel given new credentials since posts again from this run on.
        _ = try ChannelStops.resumeChanged(archive, configuration: workspace.configuration)
        if catchUp {
            report.events += try OperatorActions(archive: archive, now: now).catchUp()
        }
        let sync: QueueSync.Outcome
        do {
            sync = try QueueSync(
                configuration: workspace.configuration,
                archive: archive,
                now: now,
                catchUp: catchUp
            ).run()
        } catch let error as Queue.FolderError {
            throw Failure.queue(error.diagnostic)
        }
        report.events += sync.events
        sync.events.forEach { onEvent?($0) }
        report.diagnostics = sync.diagnostics
        report.queueFiles = sync.fileCount
        report.parsedFiles = sync.parsedCount
        phases.mark("sync queue")
        let planner = DuePlanner(
            configuration: workspace.configuration,
            renderer: workspace.renderer(now: now),
            now: now
        )
        let notices = try Notifier.unsent(archive, configuration: workspace.configuration)
        var announcements = notices.isEmpty ? sync.announcements : sync.announcements.merging(notices) { $1 }
        let redactors = Dictionary(
            uniqueKeysWithValues: workspace.configuration.channels.map { ($0.id, Redactor(channels: [$0])) }
        )
        let lease = workspace.configuration.effectiveLease
        let started = DispatchTime.now().uptimeNanoseconds
        /// Seconds since the run began sending, added to its clock (`now`) for leases.
        func elapsed() -> TimeInterval { Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 }
        /// Plans what is due (on the `leased` channels only, when given), and sends it.
        func planAndDeliver(leased leases: [ChannelLease]?) throws {
            let leased = leases.map { Set($0.map(\.channel)) }
            var (planned, decisions) = try archive.write { archive in
                try planner.plan(archive, announcements: announcements, changed: sync.changed, channels: leased)
            }
            report.events += decisions
            decisions.forEach { onEvent?($0) }
            phases.mark("plan")
            if dryRun {
                report.events += planned.map { item in
                    let address = item.channel.url.map { redactors[item.channel.id]?.address($0) ?? Redactor.mask }
                    let target =
                        DirectTransports.transport(for: item.channel)?.destination
                        ?? (item.channel.transport == .outbox ? "outbox" : address ?? "")
                    return RunEvent(
                        .wouldSend,
                        announcement: item.announcement.id,
                        channel: item.channel.id,
                        detail: Message.runWouldSendDetail([
                            "target": target, "length": "\(item.variant.length)", "limit": "\(item.variant.limit)",
                        ])
                    )
                }
                return
            }
            var leases = leases
            if let held = leases, !planned.isEmpty {
                Self.pauseForTests("LOA_TEST_PAUSE_BEFORE_SENDING")
                // A host paused or cut off since it leased (planning can take a while) must not send on channels
                // another host has taken over since: the leases are renewed just before sending, and what was
                // planned on a lost one is left to its new holder. Answers that come after a lease is lost
                // meanwhile are fenced by its token (``ArchiveWriting/recordOutcomes(_:fencedBy:)``).
                let at = now.addingTimeInterval(elapsed())
                let kept = try archive.write { try $0.renewLeases(held, at: at, for: lease) }
                let keptChannels = Set(kept.map(\.channel))
                planned.removeAll { !keptChannels.contains($0.channel.id) }
                leases = kept
                Self.pauseForTests("LOA_TEST_PAUSE_IN_FLIGHT")
            }
            report.events += try deliver(planned, archive, redactors, leases: leases)
        }
        // A shared archive's work is taken a batch of channels at a time, each batch leased in one short
        // transaction committed before anything is sent, while half the lease is left: the other hosts' runs take
        // the rest meanwhile. Leases are kept to the run's end (so that a channel planned once is not leased again
        // by the same run) and then released for any host's next run.
        var held: [ChannelLease] = []
        defer { if !held.isEmpty { _ = try? archive.write { try $0.releaseLeases(held, at: now) } } }
        if shared && !dryRun {
            while elapsed() < lease / 2 {
                // The leases of earlier batches, whose answers may still be coming, are renewed first (on the
                // run's clock); one lost meanwhile was taken over, and its answers are fenced out.
                if !held.isEmpty {
                    let at = now.addingTimeInterval(elapsed())
                    let renewed = try archive.write { try $0.renewLeases(held, at: at, for: lease) }
                    let kept = Set(renewed.map(\.channel))
                    held = renewed + held.filter { !kept.contains($0.channel) }
                }
                let leases = try claimChannels(archive)
                if leases.isEmpty { break }
                held += leases
                try planAndDeliver(leased: leases)
            }
        } else {
            try planAndDeliver(leased: nil)
            if dryRun { return report }
        }
        phases.mark("deliver")
        let reminders = try Reminders(
            archive: archive,
            rules: ReminderRules(remindAfter: workspace.configuration.remindAfter, now: now),
            dates: LocalDateFormat(timeZone: workspace.configuration.timeZone)
        ).remind()
        reminders.forEach { onEvent?($0) }
        report.events += reminders
        phases.mark("remind")
        if let notifier = Notifier(configuration: workspace.configuration, now: now),
            let notice = try notifier.record(events: report.events, diagnostics: report.diagnostics, in: archive)
        {
            if shared {
                // The notice goes out under a lease of the notify channel, like any post: when another host holds
                // it, that host's run (or the next run to lease it) sends the notice (``Notifier/unsent``).
                announcements[notice.id] = notice
                let leases = try claimChannels(archive)
                held += leases
                if !leases.isEmpty { try planAndDeliver(leased: leases) }
            } else {
                let (planned, decisions) = try archive.write { archive in
                    try planner.plan(archive, announcements: [notice.id: notice])
                }
                decisions.forEach { onEvent?($0) }
                report.events += try decisions + deliver(planned, archive, redactors)
            }
        }
        if let archiveFile, archiveFile != FileIdentity(path: workspace.configuration.archive) {
            // What this run recorded went into a file nobody can open again: the next run would start a new
            // archive. Said loudly, so that a person restores it before cron's next minute does.
            report.diagnostics.append(
                Diagnostic(
                    area: .configuration,
                    file: DisplayPath.of(URL(fileURLWithPath: workspace.configuration.archive)),
                    message: Message.runArchiveReplaced(),
                    hint: Message.runArchiveReplacedHint()
                )
            )
        }
        return report
    }

    /// Sends what was planned: outbox posts written, webhook posts sent; returns what happened to each.
    private func deliver(
        _ planned: [PlannedDelivery],
        _ archive: any Archive,
        _ redactors: [String: Redactor],
        leases: [ChannelLease]? = nil
    ) throws -> [RunEvent] {
        let outbox = OutboxWriter(
            directory: workspace.configuration.root.appendingPathComponent("outbox"),
            archive: archive,
            now: now,
            timeZone: workspace.configuration.timeZone
        )
        let fence = leases.map { Dictionary(uniqueKeysWithValues: $0.map { ($0.channel, $0.token) }) }
        var events: [RunEvent] = []
        for item in planned where item.channel.transport == .outbox {
            let event = try outbox.deliver(item)
            onEvent?(event)
            events.append(event)
        }
        let webhook = WebhookDelivery(
            archive: archive,
            exchange: exchange,
            policy: policy,
            now: now,
            concurrency: workspace.configuration.concurrency,
            redactors: redactors,
            onEvent: onEvent,
            fence: fence
        )
        // Usually every planned delivery goes to a webhook: then the list is handed on as it is, not copied.
        let webhookItems =
            planned.allSatisfy { $0.channel.transport == .webhook }
            ? planned : planned.filter { $0.channel.transport == .webhook }
        events += try webhook.deliver(webhookItems)
        var direct = DirectDelivery(archive: archive, exchange: exchange, policy: policy, now: now, onEvent: onEvent)
        direct.fence = fence
        events += try direct.deliver(planned.filter { $0.channel.transport.isDirect })
        return events
    }

    /// Leases the channels with work due that no other host holds (``Configuration/effectiveLease``), and turns
    /// what a dead host left in the start journal on them into `sending` deliveries, sent again with the same
    /// `webhook-id`.
    private func claimChannels(_ archive: any Archive) throws -> [ChannelLease] {
        let lease = workspace.configuration.effectiveLease
        let leases = try archive.write { archive in
            try archive.claimChannels(host: HostName.current, at: now, for: lease, limit: Self.leaseLimit)
        }
        if !leases.isEmpty {
            try archive.write { try $0.recoverInterruptedStarts(on: Set(leases.map(\.channel))) }
        }
        return leases
    }

    /// For the tests of a host paused between planning and sending (a stand-in for a host frozen or cut off):
    /// with `LOA_TEST_PAUSE_BEFORE_SENDING=FILE`, a run on a shared archive writes FILE and does nothing until
    /// `FILE.resume` exists, before it checks its leases for its first batch; with `LOA_TEST_PAUSE_IN_FLIGHT=FILE`,
    /// after that check, just before the batch's requests. Once.
    ///
    /// It waits for a file rather than stopping itself with SIGSTOP for the test's SIGCONT: on a loaded machine
    /// the two signals raced, and CI saw a paused host run on early once and stay stopped for good once.
    private static func pauseForTests(_ variable: String) {
        guard let marker = ProcessInfo.processInfo.environment[variable], !marker.isEmpty,
            !FileManager.default.fileExists(atPath: marker)
        else { return }
        _ = FileManager.default.createFile(atPath: marker, contents: Data("\(getpid())\n".utf8))
        while !FileManager.default.fileExists(atPath: marker + ".resume") { usleep(10_000) }
    }

    /// How many channels a run leases at a time: small enough that hosts starting together share the work.
    static let leaseLimit = 50

    /// The archive; for a dry run, an in-memory copy of it, so nothing on disk changes.
    private func openArchive() throws -> any Archive {
        let path = workspace.configuration.archive
        let password = workspace.configuration.archivePassword
        do {
            return dryRun
                ? try ArchiveStores.scratchCopy(of: path, password: password)
                : try ArchiveStores.open(path, password: password)
        } catch let error as ArchiveError {
            throw Failure.archive(error)
        } catch let error as PostgresArchiveError {
            throw Failure.sharedArchive(error)
        } catch {
            throw Failure.archive(ArchiveError(path: path, opening: error))
        }
    }
}
