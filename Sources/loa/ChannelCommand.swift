import ArgumentParser
import Foundation
import Loa

struct ChannelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "channel",
        abstract: "Work on channels' records in the archive.",
        subcommands: [ChannelRenameCommand.self]
    )
}

struct ChannelRenameCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename",
        abstract: "Move the archive's records of a channel to its new id, after renaming it in loa.yml.",
        discussion: """
            A channel renamed in loa.yml (the same destination under a new id) would post again everything the \
            old id posted; `loa run` holds those posts instead and says to run this. The deliveries keep their \
            ids, so a bridge still deduplicates a retry. Run it while no `loa run` works (it waits for the run \
            lock). Exit codes: 0 moved; 1 refused (nothing moved); 2 bad usage or configuration.
            """
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The channel's old id, as the archive knows it.")
    var old: String

    @Argument(help: "The channel's new id, as loa.yml now names it.")
    var new: String

    func run() async throws {
        let opened = try workspace.open()
        guard opened.configuration.channel(new) != nil else {
            throw ValidationError("loa.yml has no channel '\(new)'; rename the channel there first")
        }
        guard opened.configuration.channel(old) == nil else {
            throw ValidationError("loa.yml still has a channel '\(old)'; rename it there first")
        }
        let (old, new, path) = (self.old, self.new, opened.configuration.archive)
        let (lockPath, password) = (opened.configuration.runLockPath, opened.configuration.archivePassword)
        let rename: ChannelRename
        do {
            rename = try await onOwnThread {
                let lock = try RunLock.waitFor(path: lockPath)
                defer { withExtendedLifetime(lock) {} }
                return try ArchiveStores.open(path, password: password).renameChannel(from: old, to: new, now: Date())
            }
        } catch let refusal as ChannelRenameRefusal {
            Console.write("loa channel rename: \(refusal)", to: .standardError)
            throw ExitStatus.code(ExitStatus.rejected)
        }
        let deliveries = rename.moved == 1 ? "1 delivery" : "\(rename.moved) deliveries"
        var line = "moved \(deliveries) from '\(old)' to '\(new)'"
        if rename.replaced > 0 { line += "; \(rename.replaced) made for '\(new)' meanwhile replaced by them" }
        if rename.restored > 0 { line += "; \(rename.restored) owed again" }
        Console.write(line)
    }
}
