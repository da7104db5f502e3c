import ArgumentParser
import Foundation
import Loa
import Synchronization

/// The options every command that reads a workspace takes.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(Message.optionConfig()))
    var config: String?

    var configFile: URL {
        Workspace.configFile(option: config, environment: ProcessInfo.processInfo.environment)
    }

    /// Opens the workspace, printing its problems to standard error; exits 2 when it cannot be used.
    func open() throws -> Workspace {
        let (workspace, diagnostics) = Workspace.open(configFile: configFile)
        Console.report(diagnostics.sortedForReport(), to: .standardError)
        guard let workspace, !diagnostics.contains(where: { $0.severity == .error && $0.area == .configuration }) else {
            throw ExitStatus.code(ExitStatus.usage)
        }
        Self.archive.withLock { $0 = workspace.configuration.archive }
        return workspace
    }

    /// The archive of the workspace the command opened, so that an archive error reaching `main` can name it.
    static var archiveInUse: String? { archive.withLock { $0 } }
    private static let archive = Mutex<String?>(nil)
}

/// Parses `--now` as ISO 8601 or a local date-time of the workspace.
struct ClockOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(Message.optionNow())
    )
    var now: String?

    func date(in timeZone: TimeZone) throws -> Date {
        guard let now else { return Date() }
        switch DateTimeParser(timeZone: timeZone).parse(now) {
        case .success(let date): return date
        case .failure(let failure): throw ValidationError("--now: \(failure)")
        }
    }
}
