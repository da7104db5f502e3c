import CLoaSystem
import Foundation
import GRDB

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
        case archive(path: String, reason: String)
        /// The queue folder is missing, not a folder, or cannot be read: the same diagnostic as `loa check`'s.
        case queue(Diagnostic)

        public var description: String {
            switch self {
            case .locked(let failure): failure.description
            case .archive(let path, let reason): "the archive '\(path)' \(reason)"
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
        // A big queue's sync and plan free megabytes that a fan-out would otherwise keep resident.
        loa_fix_allocation_threshold()
        let phases = PhaseTimer()
        let archive = try openArchive()
        phases.mark("open archive")
        var report = RunReport()
        let sync: QueueSync.Outcome
        do {
            sync = try QueueSync(configuration: workspace.configuration, archive: archive, now: now).run()
        } catch let error as Queue.FolderError {
            throw Failure.queue(error.diagnostic)
        }
        report.diagnostics = sync.diagnostics
        report.queueFiles = sync.fileCount
        report.parsedFiles = sync.parsedCount
        phases.mark("sync queue")
        let planner = DuePlanner(
            configuration: workspace.configuration,
            renderer: workspace.renderer(now: now),
            now: now
        )
        let (planned, decisions) = try archive.writer.write { db in
            try planner.plan(db, announcements: sync.announcements)
        }
        report.events = decisions
        decisions.forEach { onEvent?($0) }
        phases.mark("plan")
        if dryRun {
            report.events += planned.map { item in
                let target = item.channel.transport == .outbox ? "outbox" : item.channel.url?.absoluteString ?? ""
                return RunEvent(
                    .wouldSend,
                    announcement: item.announcement.id,
                    channel: item.channel.id,
                    detail: "\(target), \(item.variant.length)/\(item.variant.limit) characters"
                )
            }
            return report
        }
        let outbox = OutboxWriter(
            directory: workspace.configuration.root.appendingPathComponent("outbox"),
            archive: archive,
            now: now,
            timeZone: workspace.configuration.timeZone
        )
        for item in planned where item.channel.transport == .outbox {
            let event = try outbox.deliver(item)
            onEvent?(event)
            report.events.append(event)
        }
        let webhook = WebhookDelivery(
            archive: archive,
            exchange: exchange,
            policy: policy,
            now: now,
            concurrency: workspace.configuration.concurrency,
            redactors: Dictionary(
                uniqueKeysWithValues: workspace.configuration.channels.map { ($0.id, Redactor(channels: [$0])) }
            ),
            onEvent: onEvent
        )
        report.events += try webhook.deliver(planned.filter { $0.channel.transport == .webhook })
        phases.mark("deliver")
        return report
    }

    /// The archive; for a dry run, an in-memory copy of it, so nothing on disk changes.
    private func openArchive() throws -> Archive {
        let path = workspace.configuration.archive
        do {
            guard dryRun else { return try Archive(path: path) }
            let copy = try DatabaseQueue()
            if FileManager.default.fileExists(atPath: path) {
                var configuration = GRDB.Configuration()
                configuration.readonly = true
                try DatabaseQueue(path: path, configuration: configuration).backup(to: copy)
            }
            return try Archive(writer: copy)
        } catch {
            let reason =
                ArchiveProblem(error, archive: path)?.reason
                ?? "cannot be created: its folder cannot be made (\(FileProblem.reason(of: error)))"
            throw Failure.archive(path: DisplayPath.of(URL(fileURLWithPath: path)), reason: reason)
        }
    }
}

/// With `LOA_PROFILE=1`, prints how long each phase of a run took to standard error, for profiling.
final class PhaseTimer {
    private var last = DispatchTime.now()
    private var lastCPU = PhaseTimer.cpuSeconds()
    private let enabled = ProcessInfo.processInfo.environment["LOA_PROFILE"] == "1"

    func mark(_ phase: String) {
        guard enabled else { return }
        let now = DispatchTime.now()
        let cpu = Self.cpuSeconds()
        let milliseconds = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e6
        let line =
            "\(phase): \(String(format: "%.1f", milliseconds)) ms, CPU \(String(format: "%.1f", (cpu - lastCPU) * 1000)) ms"
            + ", \(Self.residentMemory())\n"
        FileHandle.standardError.write(Data(line.utf8))
        last = now
        lastCPU = cpu
    }

    /// The resident set now and at its peak, from `/proc/self/status` (Linux).
    private static func residentMemory() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "" }
        func field(_ name: String) -> String {
            let line = status.split(separator: "\n").first { $0.hasPrefix(name + ":") } ?? ""
            return line.split(whereSeparator: \.isWhitespace).dropFirst().joined(separator: " ")
        }
        return "resident \(field("VmRSS")), peak \(field("VmHWM"))"
    }

    private static func cpuSeconds() -> Double {
        Double(clock()) / Double(CLOCKS_PER_SEC)
    }
}
