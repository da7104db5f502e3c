import Foundation

/// What an operator can do to deliveries by hand: retry, cancel, confirm an outbox post.
///
/// Each acts on the newest revision of one announcement, on all its channels or those a glob names, and returns
/// the deliveries it changed; a delivery it may not change is left as it is and listed with the reason.
public struct OperatorActions: Sendable {
    public let archive: any Archive
    public let now: Date
    /// The run lock of the workspace (``DeliveryRun/lockPath``), to tell an operator when a run is working.
    public var runLock: String?

    public init(archive: any Archive, now: Date = Date(), runLock: String? = nil) {
        self.archive = archive
        self.now = now
        self.runLock = runLock
    }

    /// The changed deliveries, and those left alone with the reason.
    public struct Outcome: Sendable {
        public var changed: [DeliveryRecord] = []
        public var refused: [(delivery: DeliveryRecord, reason: String)] = []
        /// What the operator should know although nothing was refused.
        public var warnings: [String] = []
    }

    /// Sends again at the next run: failed, retrying, cancelled and held deliveries, with a fresh backoff.
    public func retry(_ announcement: String, channels: [String]?) throws -> Outcome {
        try apply(announcement, channels) { delivery in
            switch delivery.status {
            case .failed, .retrying, .cancelled, .held:
                delivery.status = .retrying
                delivery.nextAttemptAt = now
                delivery.backoffStep = 0
                delivery.note = "retry asked for by an operator"
                return nil
            case .missed, .expired:
                return "it is \(delivery.status.label); move publish_at or expires_at and bump revision to post it"
            case .sent, .awaitingConfirmation:
                return "it was already delivered; bump revision to post it again"
            case .pending, .sending:
                return "it is \(delivery.status.label) already"
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
            case .pending, .retrying, .sending, .held, .awaitingConfirmation, .failed:
                delivery.status = .cancelled
                delivery.nextAttemptAt = nil
                delivery.note = "cancelled by an operator"
                return nil
            case .sent:
                return "it was already sent; delete the post on the platform itself"
            case .cancelled, .missed, .expired:
                return "it is \(delivery.status.label) already"
            }
        }
        if let runLock, outcome.changed.contains(where: { $0.transport == .webhook }), RunLock.isHeld(path: runLock) {
            outcome.warnings.append(
                "a run is working now: a request it already sent cannot be called back; if the bridge accepts it, "
                    + "`loa status` will show it as sent"
            )
        }
        return outcome
    }

    /// Records that an outbox post was made by hand, at `url`.
    public func confirm(_ announcement: String, channel: String, url: URL) throws -> Outcome {
        try apply(announcement, [channel]) { delivery in
            guard delivery.transport == .outbox else { return "it is a webhook channel; the bridge confirms its posts" }
            switch delivery.status {
            case .awaitingConfirmation, .pending, .retrying, .failed:
                delivery.status = .sent
                delivery.sentAt = now
                delivery.remoteUrl = url.absoluteString
                delivery.nextAttemptAt = nil
                delivery.note = "confirmed by hand"
                return nil
            case .sent:
                return "it was confirmed already, at \(delivery.remoteUrl ?? "no address")"
            default:
                return "it is \(delivery.status.label)"
            }
        }
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
                delivery.note = "caught up: sent by `loa run --catch-up`"
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
