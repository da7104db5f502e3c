import ArgumentParser
import Foundation
import Loa

struct ZaloBotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zalo-bot",
        abstract: "Set up zalo-bot channels (experimental).",
        subcommands: [ZaloBotChatsCommand.self]
    )
}

struct ZaloBotChatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chats",
        abstract: "List the groups and chats a zalo-bot channel's bot has seen, with the id for chat_id.",
        discussion: """
            Asks the Zalo Bot Platform for the bot's pending updates (getUpdates) and prints one line per chat: \
            its id, its type and its name. A bot sees a group only after someone in it mentions the bot, so \
            mention it once in the group first. Nothing is posted. Exit codes: 0 listed (perhaps none); \
            1 Zalo refused or did not answer; 2 bad usage or configuration.
            """
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Option(name: .long, help: "The zalo-bot channel whose bot to ask.")
    var channel: String

    func run() async throws {
        guard let opened = Workspace.open(configFile: workspace.configFile).0 else {
            throw ValidationError("loa.yml has errors; run `loa check` to see them")
        }
        guard let found = opened.configuration.channel(channel) else {
            throw ValidationError("loa.yml has no channel '\(channel)'")
        }
        guard found.transport == .zaloBot else {
            throw ValidationError(
                "the channel '\(channel)' is \(found.transport.rawValue), not zalo-bot; "
                    + "`loa zalo-bot chats` asks a Zalo bot"
            )
        }
        switch BotChats().list(found) {
        case .failure(let failure):
            Console.write("loa zalo-bot chats: \(failure)", to: .standardError)
            throw ExitStatus.code(ExitStatus.rejected)
        case .success(let chats) where chats.isEmpty:
            Console.write(
                "The bot has seen no chat yet: mention it once in the group (@ and its name), then run this again."
            )
        case .success(let chats):
            let width = max(2, chats.map(\.id.count).max() ?? 2)
            Console.write("ID".padding(toLength: width, withPad: " ", startingAt: 0) + "  TYPE     NAME")
            for chat in chats {
                Console.write(
                    chat.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                        + chat.type.padding(toLength: 7, withPad: " ", startingAt: 0) + "  " + chat.title
                )
            }
            Console.write("Put the group's id in loa.yml: chat_id: \"<ID>\"")
        }
    }
}
