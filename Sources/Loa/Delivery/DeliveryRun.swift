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
        /// The queue folder is missing, not a folder, or cannot be read: the same diagnostic as `loa check`'s.
        case queue(Diagnostic)

        public var description: String {
            switch self {
            case .locked(let failure): failure.description
            case .archive(let error): error.description
            case .queue(let diagnostic): diagnostic.description
            }
        }
    }

    /// The lock file that keeps runs apart: the archive's path with `.lock` added.
    public var lockPath: String { workspace.configuration.archive + ".lock" }

    public func perform() throws -> RunReport {
        let lock: RunLock?
        do {
            lock = dryRun ? nil : try RunLock.acquire(path: lockPath)
        } catch {
            throw Failure.locked(error)
        }
        defer { withExtendedLifetime(lock) {} }
        let phases = PhaseTimer()
        let archive = try openArchive()
        let archiveFile = dryRun ? nil : FileIdentity(path: workspace.configuration.archive)
        phases.mark("open archive")
        var report = RunReport()
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
        let (planned, decisions) = try archive.write { archive in
            try planner.plan(
                archive,
                announcements: notices.isEmpty ? sync.announcements : sync.announcements.merging(notices) { $1 },
                changed: sync.changed
            )
        }
        report.events += decisions
        decisions.forEach { onEvent?($0) }
        phases.mark("plan")
        let redactors = Dictionary(
            uniqueKeysWithValues: workspace.configuration.channels.map { ($0.id, Redactor(channels: [$0])) }
        )
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
                    detail: "\(target), \(item.variant.length)/\(item.variant.limit) characters"
                )
            }
            return report
        }
        report.events += try deliver(planned, archive, redactors)
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
            let (planned, decisions) = try archive.write { archive in
                try planner.plan(archive, announcements: [notice.id: notice])
            }
            decisions.forEach { onEvent?($0) }
            report.events += try decisions + deliver(planned, archive, redactors)
        }
        if let archiveFile, archiveFile != FileIdentity(path: workspace.configuration.archive) {
            // What this run recorded went into a file nobody can open again: the next run would start a new
            // archive. Said loudly, so that a person restores it before cron's next minute does.
            report.diagnostics.append(
                Diagnostic(
                    area: .configuration,
                    file: DisplayPath.of(URL(fileURLWithPath: workspace.configuration.archive)),
                    message: "the archive was deleted or replaced while this run worked; what it recorded is lost",
                    hint: "restore the archive from a backup; the next run starts a new one, which holds posts more "
                        + "than `catch_up` past their time for `loa run --catch-up`"
                )
            )
        }
        return report
    }

    /// Sends what was planned: outbox posts written, webhook posts sent; returns what happened to each.
    private func deliver(
        _ planned: [PlannedDelivery],
        _ archive: any Archive,
        _ redactors: [String: Redactor]
    ) throws -> [RunEvent] {
        let outbox = OutboxWriter(
            directory: workspace.configuration.root.appendingPathComponent("outbox"),
            archive: archive,
            now: now,
            timeZone: workspace.configuration.timeZone
        )
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
            onEvent: onEvent
        )
        events += try webhook.deliver(planned.filter { $0.channel.transport == .webhook })
        events += try DirectDelivery(
            archive: archive,
            exchange: exchange,
            policy: policy,
            now: now,
            onEvent: onEvent
        )
        .deliver(planned.filter { $0.channel.transport.isDirect })
        return events
    }

    /// The archive; for a dry run, an in-memory copy of it, so nothing on disk changes.
    private func openArchive() throws -> any Archive {
        let path = workspace.configuration.archive
        do {
            return dryRun ? try ArchiveStores.scratchCopy(of: path) : try ArchiveStores.open(path)
        } catch let error as ArchiveError {
            throw Failure.archive(error)
        } catch {
            throw Failure.archive(ArchiveError(path: path, opening: error))
        }
    }
}

/// A file's device and inode, to tell whether a path still names the file opened earlier.
struct FileIdentity: Equatable {
    let device: UInt64
    let inode: UInt64

    /// The identity of the file at `path`; nil when there is none.
    init?(path: String) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let device = (attributes[.systemNumber] as? NSNumber)?.uint64Value,
            let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value
        else { return nil }
        self.device = device
        self.inode = inode
    }
}
