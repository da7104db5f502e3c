import ArgumentParser
import Foundation
import Loa

struct ChannelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "channel",
        abstract: Message.channelAbstract(),
        subcommands: [ChannelRenameCommand.self, ChannelResumeCommand.self]
    )
}

struct ChannelRenameCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename",
        abstract: Message.channelRenameAbstract(),
        discussion: Message.channelRenameDiscussion()
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp(Message.channelRenameOld()))
    var old: String

    @Argument(help: ArgumentHelp(Message.channelRenameNew()))
    var new: String

    func run() async throws {
        let opened = try workspace.open()
        guard opened.configuration.channel(new) != nil else {
            throw ValidationError(Message.renameNoNewChannel(["new": new]))
        }
        guard opened.configuration.channel(old) == nil else {
            throw ValidationError(Message.renameOldStillThere(["old": old]))
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
        var line = Message.renameMoved.count(rename.moved, ["old": old, "new": new])
        if rename.replaced > 0 { line += Message.renameReplaced.count(rename.replaced, ["new": new]) }
        if rename.restored > 0 { line += Message.renameRestored.count(rename.restored) }
        Console.write(line)
    }
}

struct ChannelResumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: Message.channelResumeAbstract(),
        discussion: Message.channelResumeDiscussion()
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp(Message.channelResumeChannel()))
    var channel: String

    func run() async throws {
        let opened = try workspace.open()
        let (channel, path) = (self.channel, opened.configuration.archive)
        let (lockPath, password) = (opened.configuration.runLockPath, opened.configuration.archivePassword)
        let resumed = try await onOwnThread {
            let lock = try RunLock.waitFor(path: lockPath)
            defer { withExtendedLifetime(lock) {} }
            return try ArchiveStores.open(path, password: password).write { try $0.resumeChannel(channel) }
        }
        Console.write(
            resumed ? Message.channelResumed(["channel": channel]) : Message.channelNotStopped(["channel": channel])
        )
    }
}
