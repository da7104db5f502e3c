import ArgumentParser
import Foundation
import Loa

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: Message.checkAbstract(),
        discussion: Message.checkDiscussion()
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Flag(name: .long, help: ArgumentHelp(Message.checkOnline()))
    var online = false

    func run() async throws {
        var check = WorkspaceCheck.run(configFile: workspace.configFile)
        if online, let opened = Workspace.open(configFile: workspace.configFile).0 {
            let report = OnlineCheck().run(opened.configuration, configFile: DisplayPath.of(workspace.configFile))
            check.diagnostics += report.diagnostics
            for line in report.ready { Console.write(Message.onlineLine(["line": line])) }
        }
        Console.report(check.diagnostics, to: .standardOutput)
        let errors = check.diagnostics.filter { $0.severity == .error }.count
        let warnings = check.diagnostics.count - errors
        Console.write(
            Message.checkSummary([
                "files": Message.summaryQueueFiles.count(check.fileCount), "ready": "\(check.readyCount)",
                "draft": "\(check.draftCount)", "errors": Message.countError.count(errors),
                "warnings": Message.countWarning.count(warnings),
            ])
        )
        if check.exitCode != 0 { throw ExitStatus.code(check.exitCode) }
    }
}
