import ArgumentParser
import CLoaSystem
import Foundation
import Loa

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Deliver what is due and retry what is owed; the job cron runs every minute.",
        discussion: """
            When standard output is not a terminal, prints nothing unless something needs a person (a post \
            was written to the outbox to post by hand, still waits there `remind_after` after it was written \
            and then once a day, failed for good, was missed or expired, cannot be rendered, or a queue file \
            was rejected), so cron mails only those. A run that finds another holding the lock exits 0 at once.
            Exit codes: 0 success, retries still owed included; 1 a delivery failed for good or a queue file \
            was rejected; 2 bad usage or configuration.
            """
    )

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var clock: ClockOption

    @Flag(name: .long, help: "Show what would go where, and change nothing.")
    var dryRun = false

    @Flag(name: .shortAndLong, help: "Print every decision, also when not on a terminal.")
    var verbose = false

    @Flag(
        name: .long,
        help: "Also send the posts a new archive held because they were more than `catch_up` past their time."
    )
    var catchUp = false

    func run() async throws {
        // A process-wide allocator setting, so the executable's to make: a big queue's sync and plan free
        // megabytes that a fan-out would otherwise keep resident.
        loa_fix_allocation_threshold()
        let opened = try workspace.open()
        var job = DeliveryRun(workspace: opened, now: try clock.date(in: opened.configuration.timeZone))
        job.dryRun = dryRun
        job.catchUp = catchUp
        let everything = verbose || dryRun || Console.Stream.standardOutput.isTerminal
        job.onEvent = { event in
            if everything || event.needsAPerson { Console.write(Self.line(event)) }
        }
        let frozenJob = job
        let report: RunReport
        do {
            report = try await onOwnThread { try frozenJob.perform() }
        } catch DeliveryRun.Failure.locked(.held(let path)) {
            if verbose {
                Console.write(
                    "another loa run is working (\(DisplayPath.of(URL(fileURLWithPath: path))) is locked); nothing to do"
                )
            }
            return
        } catch DeliveryRun.Failure.queue(let diagnostic) {
            Console.report([diagnostic], to: .standardError)
            throw ExitStatus.code(ExitStatus.usage)
        } catch DeliveryRun.Failure.sharedArchive(let error) {
            // As LoaCommand says any error of a PostgreSQL archive: configuration exits 2, a server out of reach 1.
            Console.write("loa run: \(error)", to: .standardError)
            switch error.kind {
            case .unreachable, .statement: throw ExitStatus.code(ExitStatus.rejected)
            default: throw ExitStatus.code(ExitStatus.usage)
            }
        } catch let failure as DeliveryRun.Failure {
            Console.write("loa run: \(failure)", to: .standardError)
            throw ExitStatus.code(ExitStatus.usage)
        }
        Console.report(report.diagnostics, to: .standardError)
        for event in report.events where event.kind == .wouldSend {
            Console.write(Self.line(event))
        }
        if everything { Console.write(Self.summary(report)) }
        if report.exitCode != 0 { throw ExitStatus.code(report.exitCode) }
    }

    static func line(_ event: RunEvent) -> String {
        // Padded to line up the usual words, never cut: "unrenderable" is longer than the column.
        let kind = event.kind.rawValue
        let padding = String(repeating: " ", count: max(0, 11 - kind.count))
        return
            "\(kind)\(padding) \(Console.oneLine(event.announcement)) → \(event.channel): \(Console.oneLine(event.detail))"
    }

    static func summary(_ report: RunReport) -> String {
        let parts: [(RunEvent.Kind, String)] = [
            (.sent, "sent"), (.written, "written to the outbox"), (.wouldSend, "would be sent"),
            (.retrying, "to retry"), (.waiting, "waiting"), (.failed, "failed"), (.missed, "missed"),
            (.expired, "expired"), (.held, "held"), (.caughtUp, "caught up"), (.unrenderable, "cannot be rendered"),
            (.reminder, "still to post by hand"),
        ]
        let counts = parts.compactMap { kind, label in report.count(kind) > 0 ? "\(report.count(kind)) \(label)" : nil }
        var summary = "\(Console.count(report.queueFiles, "queue file")), \(report.parsedFiles) read: "
        summary += counts.isEmpty ? "nothing due" : counts.joined(separator: ", ")
        if report.diagnostics.hasErrors { summary += "; queue files rejected (see above)" }
        return summary
    }
}
