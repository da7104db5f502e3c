import ArgumentParser
import Foundation
import Loa

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a starter workspace; never overwrites a file.",
        discussion: "Writes loa.yml, credentials.example, templates/ and a sample draft in queue/."
    )

    @Argument(help: "The folder to write into (created if missing).")
    var directory: String = "."

    func run() async throws {
        let folder = URL(fileURLWithPath: directory).standardizedFileURL
        let outcomes: [StarterWorkspace.Outcome]
        do {
            outcomes = try StarterWorkspace.write(to: folder)
        } catch {
            Console.write(
                "loa init: cannot write to \(DisplayPath.of(folder)): \(ErrorWords.describe(error, path: folder.path))",
                to: .standardError
            )
            throw ExitStatus.code(ExitStatus.usage)
        }
        let prefix = directory == "." ? "" : directory.hasSuffix("/") ? directory : directory + "/"
        for outcome in outcomes {
            switch outcome {
            case .written(let path): Console.write("wrote  \(prefix)\(path)")
            case .kept(let path): Console.write("kept   \(prefix)\(path) (already exists)")
            }
        }
        Console.write("Next: edit loa.yml and queue/, then run `loa check`.")
    }
}
