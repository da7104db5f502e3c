import Foundation

/// Records a fan-out's starts and answers on a thread of its own, so transfers go on while the archive writes.
///
/// Starts are committed as soon as they are asked for, each batch in a transaction of its own; then the batch's
/// requests are built (signed with the time), and the gate handed back opens. Answers are worked out as they
/// come and written many to a transaction (`answersPerTransaction`, or whatever has waited `answerDelay`, or all
/// at the end): most of a transaction's cost is the index pages it rewrites, which a bigger transaction shares
/// among more rows. The state below is
/// touched only on `queue`, except `failure`, `busy`, `transactionCount` and `requests`, which are guarded by
/// `lock`.
final class OutcomeRecorder: @unchecked Sendable {
    private let delivery: WebhookDelivery
    private let planned: [PlannedDelivery]
    private let queue = DispatchQueue(label: "loa.archive")
    private let lock = NSLock()
    private var startedAt: [Date?]
    private var events: [RunEvent] = []
    private var recordedEvents = 0
    private var outcomes: [(attempt: AttemptRecord, delivery: DeliveryRecord)] = []
    private var oldestOutcome: UInt64 = 0
    private var generator = SystemRandomNumberGenerator()
    private var failure: (any Error)?
    private var busy: UInt64 = 0
    private var transactionCount = 0
    /// The requests of recorded starts not yet answered, built on the recorder's thread and read by the transfers;
    /// guarded by `lock`. A few batches at most: requests are built when their starts are recorded. Each is let go
    /// here when its answer comes, so that its memory is freed by the thread that allocated it.
    private var requests: [Int: Result<HTTPRequest, any Error>] = [:]
    private var cache = RequestCache()
    /// Each channel's address as the archive keeps it, secrets masked (``Redactor/address(_:)``).
    private var addresses: [String: String] = [:]
    /// The rows of `run_starts` this run wrote.
    private var journal: [Int64] = []

    /// How many answers one transaction records at most.
    static let answersPerTransaction = 512
    /// How long an answer waits at most for others to share its transaction, in nanoseconds.
    static let answerDelay: UInt64 = 200_000_000

    init(delivery: WebhookDelivery, planned: [PlannedDelivery]) {
        self.delivery = delivery
        self.planned = planned
        startedAt = Array(repeating: nil, count: planned.count)
    }

    /// The request for a delivery whose start is recorded, built when it was recorded (the same moment, give or
    /// take the few milliseconds a batch waits): its signature's timestamp is within a second of its sending.
    func takeRequest(_ index: Int) throws -> HTTPRequest {
        guard let built = lock.withLock({ requests[index] }) else {
            throw TransportError(.other, "a request was sent before its start was recorded")
        }
        return try built.get()
    }

    var busyNanoseconds: UInt64 { lock.withLock { busy } }
    var transactions: Int { lock.withLock { transactionCount } }

    /// Records that the requests `indices` start, on the recorder's thread; the gate opens once that is committed.
    func recordStarts(_ indices: [Int]) -> StartGate {
        let gate = StartGate()
        queue.async { [self] in
            if let failure = lock.withLock({ failure }) {
                gate.open(failing: failure)
                return
            }
            // The journal row is the record that these attempts started, committed before the requests leave. If
            // the run dies, the next one writes the attempts without an outcome as interrupted and sends again with
            // the same ids.
            do {
                try measured {
                    let time = Date()
                    let journalID = try delivery.archive.write { archive in
                        try archive.recordStarting(
                            indices.map { (planned[$0].delivery.id, planned[$0].delivery.attemptCount) },
                            at: time
                        )
                    }
                    journal.append(journalID)
                    for index in indices { startedAt[index] = time }
                    lock.withLock { transactionCount += 1 }
                    // Built (and put in the exchange's form) here rather than on the transfer thread, which is the
                    // busier of the two.
                    let built = indices.map { index in
                        (index, Result { delivery.exchange.prepare(try delivery.request(for: planned[index], &cache)) })
                    }
                    lock.withLock { requests.merge(built) { _, new in new } }
                }
                gate.open()
            } catch {
                fail(error)
                gate.open(failing: error)
            }
        }
        return gate
    }

    /// Works out the outcomes of some answers on the recorder's thread, and writes them when enough have come.
    func record(_ answers: [(index: Int, response: HTTPResponse)]) {
        queue.async { [self] in
            guard lock.withLock({ failure == nil }) else { return }
            do {
                try measured {
                    if outcomes.isEmpty { oldestOutcome = DispatchTime.now().uptimeNanoseconds }
                    for (index, response) in answers { outcomes.append(outcome(index, response)) }
                    let sent = lock.withLock { answers.map { requests.removeValue(forKey: $0.index) } }
                    withExtendedLifetime(sent) {}
                    if outcomes.count >= Self.answersPerTransaction
                        || DispatchTime.now().uptimeNanoseconds - oldestOutcome >= Self.answerDelay
                    {
                        try writeOutcomes()
                    }
                }
            } catch {
                fail(error)
            }
        }
    }

    /// The attempt and the delivery as an answer leaves them.
    private func outcome(_ index: Int, _ response: HTTPResponse) -> (attempt: AttemptRecord, delivery: DeliveryRecord) {
        var record = planned[index].delivery
        // Each delivery is attempted once a run: its number is one more than before the run.
        record.attemptCount += 1
        var attempt = AttemptRecord(
            deliveryId: record.id,
            number: record.attemptCount,
            channel: record.channel,
            url: address(of: planned[index].channel),
            startedAt: startedAt[index] ?? Date(),
            outcome: .interrupted
        )
        events.append(delivery.finish(&attempt, &record, planned[index], response, &generator))
        return (attempt, record)
    }

    private func address(of channel: Channel) -> String? {
        if let known = addresses[channel.id] { return known }
        let address = channel.url.map { delivery.redactor(for: channel).address($0) }
        addresses[channel.id] = address
        return address
    }

    /// Writes the outcomes worked out so far in one transaction, then tells of them.
    private func writeOutcomes() throws {
        guard !outcomes.isEmpty else { return }
        // The next transaction's answers go into room made for them at once, not grown into by doubling.
        var written: [(attempt: AttemptRecord, delivery: DeliveryRecord)] = []
        written.reserveCapacity(Self.answersPerTransaction)
        swap(&written, &outcomes)
        if let fence = delivery.fence {
            try delivery.archive.write { try $0.recordOutcomes(written, fencedBy: fence) }
        } else {
            try delivery.archive.write { try $0.recordOutcomes(written) }
        }
        lock.withLock { transactionCount += 1 }
        if let onEvent = delivery.onEvent { events[recordedEvents...].forEach(onEvent) }
        recordedEvents = events.count
    }

    private func measured(_ work: () throws -> Void) rethrows {
        let started = DispatchTime.now().uptimeNanoseconds
        defer {
            let elapsed = DispatchTime.now().uptimeNanoseconds - started
            lock.withLock { busy += elapsed }
        }
        try work()
    }

    private func fail(_ error: any Error) {
        lock.withLock { failure = failure ?? error }
    }

    /// Throws what went wrong on the recorder's thread, if anything did.
    func rethrow() throws {
        if let failure = lock.withLock({ failure }) { throw failure }
    }

    /// Writes what is left, waiting for every batch before it, and, when the exchange is `complete` (every
    /// started request answered), removes the run's journal rows; returns the outcomes, in the order they came.
    func finish(complete: Bool) throws -> [RunEvent] {
        try queue.sync {
            guard lock.withLock({ failure == nil }) else { return }
            try measured {
                try writeOutcomes()
                guard complete else { return }
                try delivery.archive.write { try $0.forgetStarts(journal) }
                journal = []
            }
        }
        try rethrow()
        return queue.sync { Array(events[..<recordedEvents]) }
    }
}
