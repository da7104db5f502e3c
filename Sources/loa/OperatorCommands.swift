import ArgumentParser
import Foundation
import Loa

/// Options the operator commands share.
struct OperatorTarget: ParsableArguments {
    @Argument(help: "The announcement's id.")
    var announcement: String

    @Option(name: .long, help: "Only this channel (an id or a glob); default: all its channels.")
    var channel: String?
}

extension OperatorActions.Outcome {
    /// Prints what changed and what was refused; exits 1 when nothing matched or all was refused.
    func report(_ verb: String, announcement: String) throws {
        for delivery in changed {
            Console.write("\(verb) \(delivery.announcementId) → \(delivery.channel): now \(delivery.status.label)")
        }
        for warning in warnings {
            Console.write("note: \(warning)", to: .standardError)
        }
        for (delivery, reason) in refused {
            Console.write("left \(delivery.announcementId) → \(delivery.channel): \(reason)", to: .standardError)
        }
        if changed.isEmpty && refused.isEmpty {
            Console.write("no deliveries of '\(announcement)' in the archive (see `loa status`)", to: .standardError)
        }
        if changed.isEmpty { throw ExitStatus.code(ExitStatus.rejected) }
    }
}

/// Opens the archive of a workspace for an operator command.
func operatorActions(_ workspace: WorkspaceOptions) async throws -> OperatorActions {
    let opened = try workspace.open()
    let path = opened.configuration.archive
    return try await onOwnThread { OperatorActions(archive: try ArchiveStores.open(path), runLock: path + ".lock") }
}

struct RetryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry",
        abstract: "Send a failed, cancelled or held delivery again at the next run, with a fresh backoff."
    )

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var target: OperatorTarget

    func run() async throws {
        let actions = try await operatorActions(workspace)
        let target = self.target
        try await onOwnThread { try actions.retry(target.announcement, channels: target.channel.map { [$0] }) }
            .report("retry", announcement: target.announcement)
    }
}

struct CancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: "Stop deliveries that have not gone out yet."
    )

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var target: OperatorTarget

    func run() async throws {
        let actions = try await operatorActions(workspace)
        let target = self.target
        try await onOwnThread { try actions.cancel(target.announcement, channels: target.channel.map { [$0] }) }
            .report("cancelled", announcement: target.announcement)
    }
}

struct ConfirmCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm",
        abstract: "Record that an outbox post was made by hand, and where."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The announcement's id.")
    var announcement: String

    @Option(name: .long, help: "The outbox channel it was posted to.")
    var channel: String

    @Option(name: .long, help: "The address of the post.")
    var url: String

    func validate() throws {
        guard let address = URL(string: url), ["http", "https"].contains(address.scheme?.lowercased() ?? ""),
            address.host != nil
        else { throw ValidationError("--url: '\(url)' is not a web address; expected https://…") }
    }

    func run() async throws {
        let actions = try await operatorActions(workspace)
        let (announcement, channel) = (self.announcement, self.channel)
        guard let address = URL(string: url) else { return }
        try await onOwnThread { try actions.confirm(announcement, channel: channel, url: address) }
            .report("confirmed", announcement: announcement)
    }
}
