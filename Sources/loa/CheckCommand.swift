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
            With --online, also asks each direct channel's platform, without posting: for facebook-page channels \
            the Graph API, whether the token works, is a Page token for its Page and can read the Page's posts; \
            for telegram channels, whether the bot's token works (getMe) and the bot may post in the chat \
            (getChatMember); for zalo-bot channels, whether the bot's token works (getMe).
            Exit codes: 0 clean (warnings allowed); 1 a queue file has errors; 2 the configuration has errors \
            (with --online: also a token that does not work).
            """
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Flag(name: .long, help: "Also ask each direct channel's platform whether its token works (no posting).")
    var online = false

    func run() async throws {
        var check = WorkspaceCheck.run(configFile: workspace.configFile)
        if online, let opened = Workspace.open(configFile: workspace.configFile).0 {
            let report = OnlineCheck().run(opened.configuration, configFile: DisplayPath.of(workspace.configFile))
            check.diagnostics += report.diagnostics
            for line in report.ready { Console.write("online: \(line)") }
        }
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
