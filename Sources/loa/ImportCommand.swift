import ArgumentParser
import Foundation
import Loa

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: Message.importAbstract(),
        discussion: Message.importDiscussion()
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp(Message.importFiles()))
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError(Message.importNeedFiles()) }
    }

    func run() async throws {
        let opened = try workspace.open()
        let (path, password) = (opened.configuration.archive, opened.configuration.archivePassword)
        var batches: [(file: String, rows: [ReportRow])] = []
        for file in files {
            let url = URL(fileURLWithPath: file)
            let shown = DisplayPath.of(url)
            let data: Data
            do {
                data = try Data(contentsOf: url)
            } catch {
                let reason =
                    FileManager.default.fileExists(atPath: url.path) ? Message.importUnreadable : .importMissing
                Console.write("loa import: " + reason(["file": shown]), to: .standardError)
                throw ExitStatus.code(ExitStatus.rejected)
            }
            do {
                batches.append((shown, try JSONLinesReport.read(data, file: shown)))
            } catch let problem as JSONLinesReport.ReadProblem {
                Console.write(
                    "loa import: " + Message.importNothingImported(["problem": "\(problem)"]),
                    to: .standardError
                )
                throw ExitStatus.code(ExitStatus.rejected)
            }
        }
        let ready = batches
        let counts = try await onOwnThread {
            try ArchiveStores.open(path, password: password).importRows(ready, now: Date())
        }
        for (batch, count) in zip(batches, counts) {
            let units = count.units.sorted().joined(separator: ", ")
            var parts = [
                Message.importNew.count(count.added), Message.importUpdated.count(count.updated),
                Message.importUnchanged.count(count.unchanged),
            ]
            if count.own > 0 { parts.append(Message.importOwn.count(count.own)) }
            let line = Message.importLine.count(
                batch.rows.count,
                ["file": batch.file, "units": units, "parts": parts.joined(separator: ", ")]
            )
            Console.write(line)
        }
    }
}
