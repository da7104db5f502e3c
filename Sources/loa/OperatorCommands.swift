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
        abstract: "Send a failed, cancelled, held or missed delivery again at the next run.",
        discussion: """
            The delivery gets a fresh backoff and a fresh window: the next run sends it even when missed_after has \
            passed since publish_at, and missed_after then counts from the retry. An expired one is not sent.
            """
    )

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var clock: ClockOption
    @OptionGroup var target: OperatorTarget

    func run() async throws {
        let target = self.target
        let actions = try await operatorActions(workspace, clock, channel: target.channel, command: "retry")
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
    @OptionGroup var clock: ClockOption
    @OptionGroup var target: OperatorTarget

    func run() async throws {
        let target = self.target
        let actions = try await operatorActions(workspace, clock, channel: target.channel, command: "cancel")
        try await onOwnThread { try actions.cancel(target.announcement, channels: target.channel.map { [$0] }) }
            .report("cancelled", announcement: target.announcement)
    }
}

struct ConfirmCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm",
        abstract: "Record that an outbox post was made by hand, and where; or undo such a record.",
        discussion: """
            Only a post awaiting confirmation (written to outbox/ by loa run) is confirmed; anything else is \
            refused with the reason (exit 1) unless --force, for a post made by hand before Loa wrote it or after \
            it was missed. A message in a Zalo group has no address: --note says where it went instead.
            Examples:
              loa confirm 2026-12-05-ca-phe --channel zalo-doan-phuong --note "nhóm Zalo Đoàn phường" --at 7h30
              loa confirm 2026-12-05-ca-phe --channel fb-doan-phuong --url https://facebook.com/…/posts/123
              loa confirm 2026-12-05-ca-phe --channel zalo-doan-phuong --undo
            """
    )

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var clock: ClockOption

    @Argument(help: "The announcement's id.")
    var announcement: String

    @Option(name: .long, help: "The outbox channel it was posted to.")
    var channel: String

    @Option(name: .long, help: "The address of the post, when it has one.")
    var url: String?

    @Option(name: .long, help: "Where or how it was posted, such as \"nhóm Zalo Đoàn phường\".")
    var note: String?

    @Option(
        name: .long,
        help: "When it was posted (dd/MM/yyyy HH:mm, yyyy-MM-dd HH:mm, or a time today: 07:30, 7h30, 19h); default now."
    )
    var at: String?

    @Flag(name: .long, help: "Confirm even a delivery that is not awaiting confirmation.")
    var force = false

    @Flag(name: .long, help: "Undo a confirmation made by mistake: the delivery becomes what it was before.")
    var undo = false

    func validate() throws {
        if undo, url != nil || note != nil || at != nil || force {
            throw ValidationError("--undo takes no --url, --note, --at or --force")
        }
        if let url {
            guard let address = URL(string: url), ["http", "https"].contains(address.scheme?.lowercased() ?? ""),
                address.host != nil
            else {
                throw ValidationError(
                    "--url: '\(url)' is not a web address; expected https://… (to say where a post without an "
                        + "address went, use --note)"
                )
            }
        }
        if let note, note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("--note: the note is empty")
        }
    }

    func run() async throws {
        let (announcement, channel) = (self.announcement, self.channel)
        let actions = try await operatorActions(workspace, clock, channel: channel, command: "confirm")
        if undo {
            try await onOwnThread { try actions.undoConfirmation(announcement, channel: channel) }
                .report("undone", announcement: announcement)
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
        try outcome.report("confirmed", announcement: announcement)
    }
}
