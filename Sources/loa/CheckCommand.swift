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

    func run() async throws {
        let check = WorkspaceCheck.run(configFile: workspace.configFile)
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
