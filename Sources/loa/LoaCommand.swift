import ArgumentParser
import Foundation
import Loa
import Logging

/// The `loa` command: schedules, delivers and archives announcements on social channels.
@main
struct LoaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loa",
        abstract: Message.loaAbstract(),
        discussion: Message.loaDiscussion(),
        version: LoaVersion.current,
        subcommands: [
            InitCommand.self, CheckCommand.self, PreviewCommand.self, RunCommand.self, StatusCommand.self,
            RetryCommand.self, CancelCommand.self, ConfirmCommand.self, ChannelCommand.self, EngagementCommand.self,
            ExportCommand.self, ImportCommand.self, ArchiveCommand.self, SinkCommand.self, AgendaCommand.self,
            ZaloBotCommand.self,
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
        chooseLanguage()
        var name = "loa"
        do {
            var command = try parseAsRoot()
            name = commandPath(type(of: command))
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
            if let error = error as? PostgresArchiveError {
                // The PostgreSQL archive in words naming the server, never the password: a wrong password, a
                // missing database or tables not Loa's are configuration (exit 2); an unreachable server is not.
                FileHandle.standardError.write(Data("\(name): \(error)\n".utf8))
                switch error.kind {
                case .unreachable, .statement: Foundation.exit(ExitStatus.rejected)
                default: Foundation.exit(ExitStatus.usage)
                }
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

    /// A command's name as typed, for messages: `loa run`, and `loa archive copy` for a subcommand's.
    static func commandPath(_ command: any ParsableCommand.Type) -> String {
        for parent in configuration.subcommands {
            let parentName = parent.configuration.commandName ?? ""
            if ObjectIdentifier(parent) == ObjectIdentifier(command) { return "loa \(parentName)" }
            for child in parent.configuration.subcommands where ObjectIdentifier(child) == ObjectIdentifier(command) {
                return "loa \(parentName) \(child.configuration.commandName ?? "")"
            }
        }
        return "loa"
    }

    /// Sets the language of everything Loa prints, `--help` included, before any command is parsed: `LOA_LANG`,
    /// else the `language:` of the loa.yml the command will read, else English. `loa init` speaks Vietnamese
    /// unless `LOA_LANG` says otherwise: it writes a workspace that does.
    static func chooseLanguage() {
        let environment = ProcessInfo.processInfo.environment
        switch Language.fromEnvironment(environment) {
        case .success(let language):
            Language.current = language
            return
        case .failure(let problem):
            FileHandle.standardError.write(Data("loa: \(problem)\n".utf8))
            Foundation.exit(ExitStatus.usage)
        case nil:
            break
        }
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "init" {
            Language.current = .vi
            return
        }
        var option: String?
        for (index, argument) in arguments.enumerated() {
            if argument == "--config", index + 1 < arguments.count { option = arguments[index + 1] }
            if argument.hasPrefix("--config=") { option = String(argument.dropFirst("--config=".count)) }
        }
        let file = Workspace.configFile(option: option, environment: environment)
        Language.current = Language.declared(inConfigFile: file) ?? .en
    }
}
