import ArgumentParser
import Foundation
import Loa

/// `loa archive`: the archive as a whole.
struct ArchiveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: Message.archiveAbstract(),
        subcommands: [ArchiveCopyCommand.self]
    )
}

/// `loa archive copy --to URL|FILE`: the workspace's archive into a new, empty one, checked table by table.
struct ArchiveCopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: Message.copyAbstract(),
        discussion: Message.copyDiscussion()
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Option(name: .long, help: ArgumentHelp(Message.copyTo(), valueName: "url|file"))
    var to: String

    func run() async throws {
        let configuration = try workspace.open().configuration
        let environment = ProcessInfo.processInfo.environment
        let (credentials, _) = Credentials.load(
            from: configuration.credentialsFile,
            displayPath: configuration.credentialsFile.path
        )
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let target: ArchiveCopy.Location
        switch ArchiveCopy.destination(to, from: here, environment: environment, credentials: credentials) {
        case .success(let value): target = value
        case .failure(let problem):
            Console.write("loa archive copy: --to: \(problem.message)", to: .standardError)
            throw ExitStatus.code(ExitStatus.usage)
        }
        let source = ArchiveCopy.Location(configuration.archive, password: configuration.archivePassword)
        if ArchiveCopy.sameLocation(target.location, source.location) {
            Console.write("loa archive copy: --to: \(ArchiveCopy.Failure.sameArchive)", to: .standardError)
            throw ExitStatus.code(ExitStatus.usage)
        }
        let lockPath = configuration.runLockPath
        let report: ArchiveCopy.Report
        do {
            report = try await onOwnThread {
                // No run of this host writes the source while it is read: a run that holds the lock is waited for.
                let lock = try RunLock.waitFor(path: lockPath)
                defer { withExtendedLifetime(lock) {} }
                return try ArchiveCopy.copy(from: source, to: target)
            }
        } catch let failure as ArchiveCopy.Failure {
            Console.write("loa archive copy: \(failure)", to: .standardError)
            throw ExitStatus.code(failure.isUsage ? ExitStatus.usage : ExitStatus.rejected)
        } catch let failure as RunLock.Failure {
            Console.write("loa archive copy: \(failure)", to: .standardError)
            throw ExitStatus.code(ExitStatus.rejected)
        }
        let width = report.tables.map(\.name.count).max() ?? 0
        for table in report.tables {
            let name = table.name.padding(toLength: width, withPad: " ", startingAt: 0)
            Console.write(Message.copyTable.count(table.rows, ["table": name]))
        }
        Console.write(
            Message.copyDone(["source": source.location, "destination": target.location, "setting": target.setting])
        )
    }
}
