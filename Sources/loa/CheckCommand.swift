import ArgumentParser
import Foundation
import Loa

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate loa.yml, credentials, templates and every queue file.",
        discussion: """
            Lists every problem as file:line: severity: field: message. Each announcement is also rendered for \
            each of its channels, so a text too long for a channel is found before it is due.
            Exit codes: 0 clean (warnings allowed); 1 a queue file has errors; 2 the configuration has errors.
            """
    )

    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        let check = WorkspaceCheck.run(configFile: workspace.configFile)
        Console.report(check.diagnostics, to: .standardOutput)
        let errors = check.diagnostics.filter { $0.severity == .error }.count
        let warnings = check.diagnostics.count - errors
        var summary =
            "\(Console.count(check.fileCount, "queue file")): \(check.readyCount) ready, \(check.draftCount) draft"
        summary += "; \(Console.count(errors, "error")), \(Console.count(warnings, "warning"))"
        Console.write(summary)
        if check.exitCode != 0 { throw ExitStatus.code(check.exitCode) }
    }
}
