import ArgumentParser
import Foundation
import Loa
import Logging

/// The `loa` command: schedules, delivers and archives announcements on social channels.
@main
struct LoaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loa",
        abstract: "Schedules, delivers and archives announcements on social channels.",
        discussion: """
            A workspace holds loa.yml, queue/ (one Markdown file per announcement) and templates/.
            Start with `loa init`, then `loa check` and `loa preview ID`; cron runs `loa run` every minute and
            `loa engagement` hourly; `loa export` makes the monthly, quarterly and yearly reports.

            Exit codes: 0 success (retries still owed count as success); 1 a delivery failed for good or a queue
            file was rejected; 2 bad usage or configuration.
            """,
        version: LoaVersion.current,
        subcommands: [
            InitCommand.self, CheckCommand.self, PreviewCommand.self, RunCommand.self, StatusCommand.self,
            RetryCommand.self, CancelCommand.self, ConfirmCommand.self, ChannelCommand.self, EngagementCommand.self,
            ExportCommand.self, ImportCommand.self, SinkCommand.self, AgendaCommand.self, ZaloBotCommand.self,
        ]
    )

    /// Runs the command, mapping argument errors to exit code 2 as the README says (ArgumentParser uses 64).
    /// Archive errors are said in words that name the archive (`ArchiveProblem`), whichever command met them.
    static func main() async {
        // Loa's own diagnostics (profiling with LOA_PROFILE=1) go to standard error, never into what a command
        // prints; the sink's request log keeps swift-log's default, standard output.
        LoggingSystem.bootstrap { label in
            label.hasPrefix("loa.")
                ? StreamLogHandler.standardError(label: label) : StreamLogHandler.standardOutput(label: label)
        }
        var name = "loa"
        do {
            var command = try parseAsRoot()
            name = "loa " + (type(of: command).configuration.commandName ?? "")
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if let error = error as? ArchiveError {
                // An archive Loa may not use is a matter of configuration: exit 2, in its own words.
                FileHandle.standardError.write(Data("\(name): \(error)\n".utf8))
                Foundation.exit(ExitStatus.usage)
            }
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.usage)
            }
            if let archive = WorkspaceOptions.archiveInUse, let problem = ArchiveProblem(error, archive: archive) {
                FileHandle.standardError.write(Data("\(name): \(problem)\n".utf8))
                Foundation.exit(ExitStatus.rejected)
            }
            if error is ExitCode || error is CleanExit || exitCode(for: error) != .failure {
                exit(withError: error)
            }
            // Anything else reaching here is an error no command put in words: never print it raw.
            FileHandle.standardError.write(Data("\(name): \(ErrorWords.describe(error))\n".utf8))
            Foundation.exit(ExitStatus.rejected)
        }
    }
}
