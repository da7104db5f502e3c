/// Something `loa run` did or decided about one delivery, for the terminal and for cron's mail.
public struct RunEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// Accepted by the bridge.
        case sent
        /// Written to the outbox, waiting for `loa confirm`.
        case written
        /// Failed for now; a later run tries again.
        case retrying
        /// Failed for good.
        case failed
        case missed
        case expired
        /// Held back: the same content was delivered under another id.
        case held
        /// Due, but waiting for quiet hours or the channel's minimum gap.
        case waiting
        /// Due, but the text cannot be rendered for the channel.
        case unrenderable
        /// With `--dry-run`: would be sent or written now.
        case wouldSend = "would send"
        /// Held by a new archive, released by `loa run --catch-up`: due now.
        case caughtUp = "caught up"
        /// Still in the outbox, waiting for a person to post it and run `loa confirm`.
        case reminder
        /// Sent straight to a platform, the answer lost, and Loa could not tell whether it is out: a person looks.
        case unconfirmed
        /// A direct channel's credentials stopped working: the channel stops, its posts wait for a person to mend
        /// them (``StoppedChannel``).
        case stopped
    }

    public var kind: Kind
    public var announcement: String
    public var channel: String
    /// Details in words: the bridge's answer, the outbox file, the reason.
    public var detail: String

    public init(_ kind: Kind, announcement: String, channel: String, detail: String) {
        self.kind = kind
        self.announcement = announcement
        self.channel = channel
        self.detail = detail
    }

    /// Whether a person must act: cron prints only these.
    public var needsAPerson: Bool {
        switch kind {
        case .failed, .missed, .expired, .held, .unrenderable, .written, .reminder, .unconfirmed, .stopped: true
        case .sent, .retrying, .waiting, .wouldSend, .caughtUp: false
        }
    }
}

extension RunEvent.Kind {
    /// The word at the head of a run's line, in the process's language; in Vietnamese the statuses' words
    /// (`Đã đăng`, `Lỡ giờ đăng`) where the event ends in that status.
    public var label: String {
        switch self {
        case .sent: status(.sent)
        case .retrying: status(.retrying)
        case .failed: status(.failed)
        case .missed: status(.missed)
        case .expired: status(.expired)
        case .held: status(.held)
        case .written: status(.awaitingConfirmation)
        case .waiting: Message.eventWaiting()
        case .unrenderable: Message.eventUnrenderable()
        case .wouldSend: Message.eventWouldSend()
        case .caughtUp: Message.eventCaughtUp()
        case .reminder: Message.eventReminder()
        case .unconfirmed: status(.unconfirmed)
        case .stopped: Message.eventStopped()
        }
    }

    private func status(_ status: DeliveryStatus) -> String {
        Language.current == .en ? rawValue : status.label
    }
}

/// What one `loa run` did.
public struct RunReport: Sendable {
    public var events: [RunEvent] = []
    /// Problems in queue files that changed since the last run.
    public var diagnostics: [Diagnostic] = []
    public var queueFiles = 0
    public var parsedFiles = 0

    public init() {}

    public func count(_ kind: RunEvent.Kind) -> Int {
        events.filter { $0.kind == kind }.count
    }

    /// 1 when this run decided that a delivery failed for good, was missed or expired, could not be rendered, or
    /// is unconfirmed, or that a channel stopped, or a queue file was rejected; else 0. Each needs a person, and a script or cron wrapper sees it in the code.
    public var exitCode: Int32 {
        let needsAPerson = events.contains { Self.failingKinds.contains($0.kind) }
        return needsAPerson || diagnostics.hasErrors ? 1 : 0
    }

    /// The events that make a run exit 1. `held` is not among them: a held post waits safely for a decision.
    public static let failingKinds: Set<RunEvent.Kind> = [
        .failed, .missed, .expired, .unrenderable, .unconfirmed, .stopped,
    ]
}
