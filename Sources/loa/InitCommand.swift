import ArgumentParser
import Foundation
import Loa

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: Message.initAbstract(),
        discussion: Message.initDiscussion()
    )

    @Argument(help: ArgumentHelp(Message.initDirectory()))
    var directory: String = "."

    func run() async throws {
        let folder = URL(fileURLWithPath: directory).standardizedFileURL
        let outcomes: [StarterWorkspace.Outcome]
        do {
            outcomes = try StarterWorkspace.write(to: folder)
        } catch {
            Console.write(
                Message.initCannotWrite([
                    "path": DisplayPath.of(folder), "reason": ErrorWords.describe(error, path: folder.path),
                ]),
                to: .standardError
            )
            throw ExitStatus.code(ExitStatus.usage)
        }
        let prefix = directory == "." ? "" : directory.hasSuffix("/") ? directory : directory + "/"
        for outcome in outcomes {
            switch outcome {
            case .written(let path): Console.write(Message.initWrote(["path": prefix + path]))
            case .kept(let path): Console.write(Message.initKept(["path": prefix + path]))
            }
        }
        Console.write(Message.initNext())
    }
}
