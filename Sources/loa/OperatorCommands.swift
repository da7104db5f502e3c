import ArgumentParser
import Foundation
import Loa

/// Options the operator commands share.
struct OperatorTarget: ParsableArguments {
    @Argument(help: ArgumentHelp(Message.argumentAnnouncement()))
    var announcement: String

    @Option(name: .long, help: ArgumentHelp(Message.operatorChannel()))
    var channel: String?
}

extension OperatorActions.Outcome {
    /// Prints what changed and what was refused; exits 1 when nothing matched or all was refused.
    func report(_ verb: Message, announcement: String) throws {
        for delivery in changed {
            Console.write(
                Message.operatorChanged([
                    "verb": verb(), "id": delivery.announcementId, "channel": delivery.channel,
                    "status": delivery.status.label,
                ])
            )
        }
        for warning in warnings {
            Console.write(Message.operatorNote(["text": warning]), to: .standardError)
        }
        for (delivery, reason) in refused {
            Console.write(
                Message.operatorLeft(["id": delivery.announcementId, "channel": delivery.channel, "reason": reason]),
                to: .standardError
            )
        }
        if changed.isEmpty && refused.isEmpty {
            Console.write(Message.operatorNothing(["id": announcement]), to: .standardError)
        }
        if changed.isEmpty { throw ExitStatus.code(ExitStatus.rejected) }
    }
}

/// Opens the archive of a workspace for an operator command, at the time `clock` gives; a `--channel` that names
/// no channel of loa.yml or the archive is refused (exit 2) with the name meant.
func operatorActions(
    _ workspace: WorkspaceOptions,
    _ clock: ClockOption,
    channel: String?,
    command: String
) async throws -> OperatorActions {
    let opened = try workspace.open()
    let configuration = opened.configuration
    let path = configuration.archive
    let now = try clock.date(in: configuration.timeZone)
    let actions = try await onOwnThread {
        OperatorActions(
            archive: try ArchiveStores.open(path, password: configuration.archivePassword),
            now: now,
            runLock: configuration.runLockPath,
            timeZone: configuration.timeZone
        )
    }
    if let channel {
        let archived = try await onOwnThread { try actions.archive.channelsWithDeliveries() }
        if let problem = configuration.problem(withChannel: channel, alsoKnown: archived) {
            Console.write("loa \(command): --channel: \(problem)", to: .standardError)
            throw ExitStatus.code(ExitStatus.usage)
        }
    }
    return actions
}

struct RetryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry",
        abstract: Message.retryAbstract(),
        discussion: Message.retryDiscussion()
    )

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var clock: ClockOption
    @OptionGroup var target: OperatorTarget

    func run() async throws {
        let target = self.target
        let actions = try await operatorActions(workspace, clock, channel: target.channel, command: "retry")
        try await onOwnThread { try actions.retry(target.announcement, channels: target.channel.map { [$0] }) }
            .report(.verbRetry, announcement: target.announcement)
    }
}

struct CancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: Message.cancelAbstract()
    )

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var clock: ClockOption
    @OptionGroup var target: OperatorTarget

    func run() async throws {
        let target = self.target
        let actions = try await operatorActions(workspace, clock, channel: target.channel, command: "cancel")
        try await onOwnThread { try actions.cancel(target.announcement, channels: target.channel.map { [$0] }) }
            .report(.verbCancelled, announcement: target.announcement)
    }
}

struct ConfirmCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm",
        abstract: Message.confirmAbstract(),
        discussion: Message.confirmDiscussion()
    )

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var clock: ClockOption

    @Argument(help: ArgumentHelp(Message.argumentAnnouncement()))
    var announcement: String

    @Option(name: .long, help: ArgumentHelp(Message.confirmChannel()))
    var channel: String

    @Option(name: .long, help: ArgumentHelp(Message.confirmURL()))
    var url: String?

    @Option(name: .long, help: ArgumentHelp(Message.confirmNote()))
    var note: String?

    @Option(
        name: .long,
        help: ArgumentHelp(Message.confirmAt())
    )
    var at: String?

    @Flag(name: .long, help: ArgumentHelp(Message.confirmForce()))
    var force = false

    @Flag(name: .long, help: ArgumentHelp(Message.confirmUndo()))
    var undo = false

    func validate() throws {
        if undo, url != nil || note != nil || at != nil || force {
            throw ValidationError(Message.confirmUndoAlone())
        }
        if let url {
            guard let address = URL(string: url), ["http", "https"].contains(address.scheme?.lowercased() ?? ""),
                address.host != nil
            else {
                throw ValidationError(Message.confirmNotAddress(["url": url]))
            }
        }
        if let note, note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError(Message.confirmEmptyNote())
        }
    }

    func run() async throws {
        let (announcement, channel) = (self.announcement, self.channel)
        let actions = try await operatorActions(workspace, clock, channel: channel, command: "confirm")
        if undo {
            try await onOwnThread { try actions.undoConfirmation(announcement, channel: channel) }
                .report(.verbUndone, announcement: announcement)
            return
        }
        var postedAt: Date?
        if let at {
            switch DateTimeParser(timeZone: actions.timeZone).parse(at, orTimeOn: actions.now) {
            case .success(let date): postedAt = date
            case .failure(let failure): throw ValidationError("--at: \(failure)")
            }
        }
        let post = OperatorActions.PostMadeByHand(
            url: url.flatMap(URL.init(string:)),
            note: note?.trimmingCharacters(in: .whitespacesAndNewlines),
            postedAt: postedAt
        )
        let force = self.force
        let outcome: OperatorActions.Outcome
        do {
            outcome = try await onOwnThread {
                try actions.confirm(announcement, channel: channel, post: post, force: force)
            }
        } catch let refusal as OperatorActions.Refusal {
            Console.write("loa confirm: \(refusal)", to: .standardError)
            throw ExitStatus.code(ExitStatus.rejected)
        }
        try outcome.report(.verbConfirmed, announcement: announcement)
    }
}
