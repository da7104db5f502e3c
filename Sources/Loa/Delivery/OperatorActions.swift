import Foundation

/// What an operator can do to deliveries by hand: retry, cancel, confirm an outbox post, undo a confirmation.
///
/// Each acts on the newest revision of one announcement, on all its channels or those a glob names, and returns
/// the deliveries it changed; a delivery it may not change is left as it is and listed with the reason. None of
/// them can post twice or lose a post: a confirmation is refused unless the post is waiting for one (`force`
/// overrides, for a post made by hand before Loa wrote it), and it can be undone.
public struct OperatorActions: Sendable {
    public let archive: any Archive
    public let now: Date
    /// The run lock of the workspace (``DeliveryRun/lockPath``), to tell an operator when a run is working.
    public var runLock: String?
    /// The workspace's zone, in which dates in reasons are written.
    public let timeZone: TimeZone
    private let dates: LocalDateFormat

    public init(
        archive: any Archive,
        now: Date = Date(),
        runLock: String? = nil,
        timeZone: TimeZone = Configuration.defaultTimeZone
    ) {
        self.archive = archive
        self.now = now
        self.runLock = runLock
        self.timeZone = timeZone
        self.dates = LocalDateFormat(timeZone: timeZone)
    }

    /// The changed deliveries, and those left alone with the reason.
    public struct Outcome: Sendable {
        public var changed: [DeliveryRecord] = []
        public var refused: [(delivery: DeliveryRecord, reason: String)] = []
        /// What the operator should know although nothing was refused.
        public var warnings: [String] = []
    }

    /// Why a confirmation cannot be recorded at all, whatever the delivery.
    public struct Refusal: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// The note of a delivery an operator retried, in the language of the command.
    public static var retryNote: String { Message.noteRetried() }

    /// Sends again at the next run: failed, retrying, cancelled, held and missed deliveries, with a fresh backoff
    /// and a fresh window: `missed_after` counts from now, since the operator has decided it should still go out.
    /// An expired one is not sent: `expires_at` says never after.
    public func retry(_ announcement: String, channels: [String]?) throws -> Outcome {
        try apply(announcement, channels) { delivery in
            switch delivery.status {
            case .failed, .retrying, .cancelled, .held, .missed, .unconfirmed:
                delivery.status = .retrying
                delivery.nextAttemptAt = now
                delivery.backoffStep = 0
                delivery.windowStart = now
                delivery.note = Self.retryNote
                return nil
            case .expired:
                return Message.refusalExpired()
            case .sent, .awaitingConfirmation:
                return Message.refusalDelivered()
            case .pending, .sending:
                return Message.refusalAlready(["status": delivery.status.label])
            }
        }
    }

    /// Stops a delivery that has not gone out yet.
    ///
    /// A cancel always holds against later runs and against the answer to a request in flight; but a request that
    /// already left cannot be called back, so when ``runLock`` is held the outcome says a run is working.
    public func cancel(_ announcement: String, channels: [String]?) throws -> Outcome {
        var outcome = try apply(announcement, channels) { delivery in
            switch delivery.status {
            case .pending, .retrying, .sending, .held, .awaitingConfirmation, .failed, .unconfirmed:
                delivery.status = .cancelled
                delivery.nextAttemptAt = nil
                delivery.note = Message.noteCancelled()
                return nil
            case .sent:
                return Message.refusalSentAlready()
            case .cancelled, .missed, .expired:
                return Message.refusalAlready(["status": delivery.status.label])
            }
        }
        if let runLock, outcome.changed.contains(where: { $0.transport == .webhook }), RunLock.isHeld(path: runLock) {
            outcome.warnings.append(Message.warningRunWorking())
        }
        return outcome
    }

    /// What an officer says about a post made by hand.
    public struct PostMadeByHand: Sendable {
        /// The post's address, when it has one.
        public var url: URL?
        /// Where or how it was posted ("nhóm Zalo Đoàn phường"), NFC.
        public var note: String?
        /// When it was posted; nil for now.
        public var postedAt: Date?

        public init(url: URL? = nil, note: String? = nil, postedAt: Date? = nil) {
            self.url = url
            self.note = note.map(VietnameseText.nfc)
            self.postedAt = postedAt
        }
    }

    /// Records that an outbox post was made by hand.
    ///
    /// Only a delivery awaiting confirmation is confirmed: confirming one not yet written (next week's post) would
    /// mark it sent, and it would never be written. `force` confirms any delivery that is not being sent or
    /// already sent (a post made by hand before Loa wrote it, or after it was missed), and a webhook channel's.
    public func confirm(
        _ announcement: String,
        channel: String,
        post: PostMadeByHand,
        force: Bool = false
    ) throws -> Outcome {
        let postedAt = post.postedAt ?? now
        if postedAt > now.addingTimeInterval(60) {
            throw Refusal(description: Message.refusalFuturePost(["when": dates.dayAndTime(postedAt)]))
        }
        var outcome = Outcome()
        let now = self.now
        outcome.changed = try archive.recordConfirmations(announcement: announcement, channel: channel) { delivery in
            if let reason = confirmationRefusal(delivery, force: force) {
                outcome.refused.append((delivery, reason))
                return nil
            }
            let before = Confirmation.Before(of: delivery)
            delivery.status = .sent
            delivery.sentAt = postedAt
            delivery.remoteUrl = post.url?.absoluteString
            delivery.nextAttemptAt = nil
            if before.status == .unconfirmed {
                // Loa sent it and the answer was lost; a person found it on the platform.
                delivery.note =
                    post.note.map { Message.noteFoundPostedWhere(["note": $0]) } ?? Message.noteFoundPosted()
            } else {
                delivery.note =
                    post.note.map { Message.notePostedByHandWhere(["note": $0]) } ?? Message.notePostedByHand()
            }
            delivery.updatedAt = now
            return Confirmation(
                confirmedAt: now,
                postedAt: postedAt,
                url: post.url?.absoluteString,
                note: post.note,
                forced: force && ![.awaitingConfirmation, .unconfirmed].contains(before.status),
                before: before
            )
        }
        return outcome
    }

    /// Why `delivery` may not be confirmed, or nil.
    private func confirmationRefusal(_ delivery: DeliveryRecord, force: Bool) -> String? {
        let forceHint = Message.refusalForceHint()
        switch delivery.status {
        case .awaitingConfirmation, .unconfirmed:
            return nil
        case .sending:
            return Message.refusalSending()
        case .sent:
            return delivery.transport == .outbox
                ? Message.refusalConfirmedAlready([
                    "where": delivery.remoteUrl ?? delivery.note ?? Message.refusalNoAddress()
                ])
                : Message.refusalBridgePosted(["where": delivery.remoteUrl ?? Message.refusalNoAddress()])
        default:
            break
        }
        if force { return nil }
        if delivery.transport != .outbox {
            return Message.refusalWebhookChannel() + forceHint
        }
        switch delivery.status {
        case .pending:
            return Message.refusalNotWritten(["when": dates.dayAndTime(delivery.dueAt)]) + forceHint
        case .retrying, .failed:
            return (delivery.status == .failed ? Message.refusalWriteFailed() : Message.refusalWriteRetrying())
                + forceHint
        default:
            return Message.refusalNotAwaiting(["status": delivery.status.label]) + forceHint
        }
    }

    /// Reverses a confirmation made by mistake: the delivery becomes what it was before (awaiting confirmation,
    /// or pending and written by the next run when it was confirmed with `--force` before it was written).
    public func undoConfirmation(_ announcement: String, channel: String) throws -> Outcome {
        var outcome = Outcome()
        let now = self.now
        outcome.changed = try archive.undoConfirmations(announcement: announcement, channel: channel) {
            delivery,
            known in
            guard delivery.status == .sent else {
                outcome.refused.append((delivery, Message.refusalNotConfirmed(["status": delivery.status.label])))
                return false
            }
            if let before = known.confirmation?.before {
                delivery.status = before.status
                delivery.note = before.note
                delivery.nextAttemptAt = before.nextAttemptAt
                delivery.sentAt = before.sentAt
                delivery.remoteUrl = before.remoteUrl
            } else if delivery.transport == .outbox {
                // Confirmed by a Loa that kept no record of what it was: back to where a confirmation comes from.
                delivery.status = known.wasWritten ? .awaitingConfirmation : .pending
                delivery.note = known.wasWritten ? Message.noteConfirmationUndone() : nil
                delivery.nextAttemptAt = nil
                delivery.sentAt = nil
                delivery.remoteUrl = nil
            } else {
                outcome.refused.append((delivery, Message.refusalBridgeUndo()))
                return false
            }
            delivery.updatedAt = now
            return true
        }
        return outcome
    }

    /// Sends the posts a new archive held because they were long past their time: they become due now (still
    /// subject to `missed_after`). Returns what it released, for the run's report.
    public func catchUp() throws -> [RunEvent] {
        try archive.write { archive in
            guard let listed = try archive.setting(QueueSync.catchUpSetting) else { return [] }
            let ids = (try? JSONDecoder().decode([String].self, from: Data(listed.utf8))) ?? []
            var events: [RunEvent] = []
            for var delivery in try archive.deliveries(ids: ids) where delivery.status == .held {
                delivery.status = .retrying
                delivery.nextAttemptAt = now
                delivery.note = Message.noteCaughtUp()
                delivery.updatedAt = now
                try archive.updateDelivery(delivery)
                events.append(
                    RunEvent(.caughtUp, announcement: delivery.announcementId, channel: delivery.channel, detail: "")
                )
            }
            try archive.removeSetting(QueueSync.catchUpSetting)
            return events
        }
    }

    /// `change` edits a delivery and returns nil, or returns why it may not.
    private func apply(
        _ announcement: String,
        _ channels: [String]?,
        _ change: @escaping (inout DeliveryRecord) -> String?
    ) throws -> Outcome {
        var outcome = Outcome()
        let now = self.now
        outcome.changed = try archive.update(announcement: announcement, channels: channels) { delivery in
            var edited = delivery
            if let reason = change(&edited) {
                outcome.refused.append((delivery, reason))
                return false
            }
            edited.updatedAt = now
            delivery = edited
            return true
        }
        return outcome
    }
}
