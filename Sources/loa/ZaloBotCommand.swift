import ArgumentParser
import Foundation
import Loa

struct ZaloBotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zalo-bot",
        abstract: Message.zaloBotAbstract(),
        subcommands: [ZaloBotChatsCommand.self]
    )
}

struct ZaloBotChatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chats",
        abstract: Message.zaloChatsAbstract(),
        discussion: Message.zaloChatsDiscussion()
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Option(name: .long, help: ArgumentHelp(Message.zaloChatsChannel()))
    var channel: String

    func run() async throws {
        guard let opened = Workspace.open(configFile: workspace.configFile).0 else {
            throw ValidationError(Message.zaloChatsConfigErrors())
        }
        guard let found = opened.configuration.channel(channel) else {
            throw ValidationError(Message.zaloChatsNoChannel(["channel": channel]))
        }
        guard found.transport == .zaloBot else {
            throw ValidationError(
                Message.zaloChatsNotZaloBot(["channel": channel, "transport": found.transport.rawValue])
            )
        }
        switch BotChats().list(found) {
        case .failure(let failure):
            Console.write("loa zalo-bot chats: \(failure)", to: .standardError)
            throw ExitStatus.code(ExitStatus.rejected)
        case .success(let chats) where chats.isEmpty:
            Console.write(Message.zaloChatsNone())
        case .success(let chats):
            let width = max(2, chats.map(\.id.count).max() ?? 2)
            Console.write(
                "ID".padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                    + Message.zaloChatsType().padding(toLength: 7, withPad: " ", startingAt: 0) + "  "
                    + Message.zaloChatsName()
            )
            for chat in chats {
                Console.write(
                    chat.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                        + chat.type.padding(toLength: 7, withPad: " ", startingAt: 0) + "  " + chat.title
                )
            }
            Console.write(Message.zaloChatsPutID())
        }
    }
}
