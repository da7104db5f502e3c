import ArgumentParser
import CLoaSystem
import Foundation
import Loa

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: Message.runAbstract(),
        discussion: Message.runDiscussion()
    )

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var clock: ClockOption

    @Flag(name: .long, help: ArgumentHelp(Message.runDryRun()))
    var dryRun = false

    @Flag(name: .shortAndLong, help: ArgumentHelp(Message.runVerbose()))
    var verbose = false

    @Flag(
        name: .long,
        help: ArgumentHelp(Message.runCatchUp())
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
                Console.write(Message.runLocked(["path": DisplayPath.of(URL(fileURLWithPath: path))]))
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
        let kind = event.kind.label
        let padding = String(repeating: " ", count: max(0, 11 - kind.count))
        return
            "\(kind)\(padding) \(Console.oneLine(event.announcement)) → \(event.channel): \(Console.oneLine(event.detail))"
    }

    static func summary(_ report: RunReport) -> String {
        let parts: [(RunEvent.Kind, Message)] = [
            (.sent, .summarySent), (.written, .summaryWritten), (.wouldSend, .summaryWouldSend),
            (.retrying, .summaryRetrying), (.waiting, .summaryWaiting), (.failed, .summaryFailed),
            (.missed, .summaryMissed), (.expired, .summaryExpired), (.held, .summaryHeld),
            (.caughtUp, .summaryCaughtUp), (.unrenderable, .summaryUnrenderable), (.reminder, .summaryReminder),
            (.stopped, .summaryStopped),
        ]
        let counts = parts.compactMap { kind, words in report.count(kind) > 0 ? words.count(report.count(kind)) : nil }
        var summary = Message.summaryRead([
            "files": Message.summaryQueueFiles.count(report.queueFiles), "read": "\(report.parsedFiles)",
        ])
        summary += counts.isEmpty ? Message.summaryNothingDue() : counts.joined(separator: ", ")
        if report.diagnostics.hasErrors { summary += Message.summaryRejected() }
        return summary
    }
}
