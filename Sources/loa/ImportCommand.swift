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
        if files.isEmpty { throw ValidationError("name at least one file to import") }
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
                    FileManager.default.fileExists(atPath: url.path) ? "cannot be read" : "does not exist"
                Console.write("loa import: '\(shown)' \(reason); nothing was imported", to: .standardError)
                throw ExitStatus.code(ExitStatus.rejected)
            }
            do {
                batches.append((shown, try JSONLinesReport.read(data, file: shown)))
            } catch let problem as JSONLinesReport.ReadProblem {
                Console.write("loa import: \(problem); nothing was imported", to: .standardError)
                throw ExitStatus.code(ExitStatus.rejected)
            }
        }
        let ready = batches
        let counts = try await onOwnThread {
            try ArchiveStores.open(path, password: password).importRows(ready, now: Date())
        }
        for (batch, count) in zip(batches, counts) {
            let units = count.units.sorted().joined(separator: ", ")
            var parts = ["\(count.added) new", "\(count.updated) updated", "\(count.unchanged) unchanged"]
            if count.own > 0 { parts.append("\(count.own) of this archive's own, left out") }
            Console.write(
                "\(batch.file): \(batch.rows.count) \(batch.rows.count == 1 ? "delivery" : "deliveries") of \(units) "
                    + "(\(parts.joined(separator: ", ")))"
            )
        }
    }
}
