import ArgumentParser
import Foundation
import Loa

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Take other units' JSON Lines exports into this archive, for reports that cover them all.",
        discussion: """
            Each FILE is the output of `loa export --format jsonl` in another unit's workspace (sent by Zalo or \
            e-mail). Its deliveries become imported records, keyed by unit and delivery id: importing a file again \
            changes nothing, and a newer export of the same unit updates its rows and adds its new figures. \
            Imported records are never delivered, retried or polled, and `loa status` does not list them; every \
            `loa export` report shows them with their unit. A file that is not a Loa export, or from a newer \
            version of Loa, is refused, and then nothing is imported.
            """
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "JSON Lines exports of other units' workspaces.")
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
