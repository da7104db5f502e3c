import Foundation
import GRDB

/// What the requests of one run share: each channel's signer, and the JSON of each announcement's variant.
///
/// A fan-out sends the same text to many channels; its escaped JSON is built once and only the per-delivery
/// fields (channel, delivery id, timestamp) are spliced in. A test holds the result to `WebhookPayload`'s.
struct RequestCache {
    private var signers: [String: WebhookSigner] = [:]
    /// The JSON around the per-delivery fields, per shared text (by identity: one `PlannedText` per variant).
    private var fragments: [ObjectIdentifier: (head: [UInt8], tail: [UInt8])] = [:]
    private var stamps = TimestampCache()

    mutating func signer(for channel: Channel) -> WebhookSigner? {
        if let signer = signers[channel.id] { return signer }
        let signer = channel.secret.flatMap(WebhookSigner.init(secret:))
        signers[channel.id] = signer
        return signer
    }

    mutating func body(for item: PlannedDelivery, sentAt: Date) -> Data {
        let key = ObjectIdentifier(item.text)
        let parts: (head: [UInt8], tail: [UInt8])
        if let cached = fragments[key] {
            parts = cached
        } else {
            let payload = WebhookPayload(
                deliveryID: "",
                announcement: item.announcement,
                variant: item.variant,
                publishAt: stamps.iso8601(item.announcement.publishAt ?? item.delivery.dueAt),
                sentAt: ""
            )
            let (head, tail) = payload.fragments()
            parts = (Array(head.utf8), Array(tail.utf8))
            fragments[key] = parts
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(parts.head.count + parts.tail.count + 160)
        bytes += parts.head
        bytes += #""channel":"#.utf8
        WebhookDelivery.appendJSONString(item.channel.id, to: &bytes)
        bytes += #","delivery_id":"#.utf8
        WebhookDelivery.appendJSONString(item.delivery.id, to: &bytes)
        bytes.append(UInt8(ascii: ","))
        bytes += parts.tail
        bytes += #"},"timestamp":"#.utf8
        WebhookDelivery.appendJSONString(stamps.iso8601(sentAt), to: &bytes)
        bytes += #","type":"post.create"}"#.utf8
        return Data(bytes)
    }
}

/// Delivers to bridges: one signed POST per delivery, many in flight, every attempt archived.
///
/// Each attempt is recorded as started before its request leaves (a row of the start journal, `run_starts`, per
/// batch, a few batches ahead of the transfers); it is recorded as finished after the answer arrives (its attempt
/// row, and the delivery's status and count), many answers to a transaction. The next run after a kill in between
/// finds the journaled delivery's count unchanged, writes the attempt as interrupted and sends it again with the
/// same `webhook-id`. All archive writes of the exchange happen on the recorder's thread, so the transfers never
/// wait for the disk.
struct WebhookDelivery {
    let archive: Archive
    let exchange: any HTTPExchange
    let policy: RetryPolicy
    /// The run's clock: what is due, and when to retry. Signatures always use the real time.
    let now: Date
    /// The most requests in flight at once, over all channels.
    let concurrency: Int
    /// Masks secrets a bridge might echo in its answer: a bridge can only echo its own channel's.
    let redactors: [String: Redactor]
    /// Told of each outcome once it is recorded.
    let onEvent: (@Sendable (RunEvent) -> Void)?

    func deliver(_ planned: [PlannedDelivery]) throws -> [RunEvent] {
        guard !planned.isEmpty else { return [] }
        let jobs = planned.map { HTTPJob(group: $0.channel.id, groupLimit: $0.channel.concurrency) }
        let recorder = OutcomeRecorder(delivery: self, planned: planned)
        let profiling = ProcessInfo.processInfo.environment["LOA_PROFILE"] == "1"
        defer {
            if profiling {
                let line =
                    "  recording starts, building requests, recording answers (own thread): "
                    + "\(recorder.busyNanoseconds / 1_000_000) ms in \(recorder.transactions) transactions\n"
                FileHandle.standardError.write(Data(line.utf8))
            }
        }
        do {
            try exchange.exchange(jobs, concurrency: concurrency, request: recorder.takeRequest) { step in
                try recorder.rethrow()
                if !step.finished.isEmpty { recorder.record(step.finished) }
                guard !step.starting.isEmpty else { return nil }
                return recorder.recordStarts(step.starting)
            }
        } catch {
            // Transfers abandoned in flight keep their journal rows, so the next run records them as interrupted.
            _ = try? recorder.finish(complete: false)
            // What failed on the recorder's thread is the cause; the exchange only stopped because of it.
            try recorder.rethrow()
            throw error
        }
        return try recorder.finish(complete: true)
    }

    fileprivate func request(for item: PlannedDelivery, _ cache: inout RequestCache) throws -> HTTPRequest {
        guard let url = item.channel.url, let signer = cache.signer(for: item.channel) else {
            throw TransportError(.other, "channel \(item.channel.id) has no usable url or secret")
        }
        let sentAt = Date()
        let body = cache.body(for: item, sentAt: sentAt)
        let timestamp = Int(sentAt.timeIntervalSince1970)
        var headers: [(name: String, value: String)] = [
            ("Content-Type", "application/json"),
            ("webhook-id", item.delivery.id),
            ("webhook-timestamp", String(timestamp)),
            ("webhook-signature", signer.signature(id: item.delivery.id, timestamp: timestamp, body: body)),
            ("Idempotency-Key", item.delivery.id),
        ]
        if let token = item.channel.token { headers.append(("Authorization", "Bearer \(token.reveal())")) }
        return HTTPRequest(
            method: .post,
            url: url,
            headers: headers,
            body: body,
            timeout: item.channel.timeout,
            group: item.channel.id,
            groupLimit: item.channel.concurrency
        )
    }

    fileprivate func finish(
        _ attempt: inout AttemptRecord,
        _ delivery: inout DeliveryRecord,
        _ item: PlannedDelivery,
        _ received: HTTPResponse,
        _ generator: inout SystemRandomNumberGenerator
    ) -> RunEvent {
        let redact = redactors[item.channel.id] ?? Redactor(channels: [item.channel])
        var response = received
        response.body = redact(received.body)
        response.headers = received.headers.map { ($0.name, redact($0.value)) }
        response.error = received.error.map { TransportError($0.kind, redact($0.message)) }
        attempt.finishedAt = Date()
        attempt.durationMs = response.duration * 1000
        attempt.httpStatus = response.status
        attempt.responseHeaders = Self.headersJSON(response.headers)
        attempt.responseBody = response.body.isEmpty ? nil : String(decoding: response.body, as: UTF8.self)
        attempt.errorClass = response.error?.kind.rawValue
        attempt.errorMessage = response.error?.message
        delivery.updatedAt = now
        let verdict = policy.verdict(
            for: response,
            failuresInARow: delivery.backoffStep + 1,
            now: now,
            using: &generator
        )
        let milliseconds = Int((response.duration * 1000).rounded())
        switch verdict {
        case .success:
            let remote = Self.remote(from: response.body)
            attempt.outcome = .sent
            attempt.remoteId = remote.id
            attempt.remoteUrl = remote.url
            delivery.status = .sent
            delivery.sentAt = now
            delivery.nextAttemptAt = nil
            delivery.backoffStep = 0
            delivery.remoteId = remote.id
            delivery.remoteUrl = remote.url
            delivery.variantId = item.variantID
            delivery.contentHash = item.contentHash
            delivery.note = nil
            let address = remote.url ?? remote.id.map { "id \($0)" } ?? "no id"
            return RunEvent(
                .sent,
                announcement: delivery.announcementId,
                channel: delivery.channel,
                detail: "\(response.status), \(address), \(milliseconds) ms"
            )
        case .retry(let delay, let reason):
            attempt.outcome = .retry
            attempt.errorClass = attempt.errorClass ?? "http"
            if response.error == nil { attempt.errorMessage = reason }
            let next = now.addingTimeInterval(delay)
            attempt.nextAttemptAt = next
            delivery.status = .retrying
            delivery.nextAttemptAt = next
            delivery.backoffStep += 1
            delivery.note = reason
            return RunEvent(
                .retrying,
                announcement: delivery.announcementId,
                channel: delivery.channel,
                detail: "\(reason); next try in \(DurationText.format(delay))"
            )
        case .fail(let reason):
            attempt.outcome = .failed
            attempt.errorClass = attempt.errorClass ?? "http"
            if response.error == nil { attempt.errorMessage = reason }
            delivery.status = .failed
            delivery.nextAttemptAt = nil
            delivery.backoffStep += 1
            delivery.note = reason
            return RunEvent(.failed, announcement: delivery.announcementId, channel: delivery.channel, detail: reason)
        }
    }

    /// The remote post's id and address from a bridge's JSON answer, when it gives them.
    static func remote(from body: Data) -> (id: String?, url: String?) {
        if let flat = flatFields(body) {
            return (flat.id.flatMap { $0.isEmpty ? nil : $0 }, flat.url.flatMap { $0.isEmpty ? nil : $0 })
        }
        return remoteByFoundation(from: body)
    }

    /// `remote(from:)` for any JSON, through `JSONSerialization`.
    static func remoteByFoundation(from body: Data) -> (id: String?, url: String?) {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return (nil, nil) }
        func text(_ key: String) -> String? {
            switch object[key] {
            case let value as String: value.isEmpty ? nil : value
            case let value as NSNumber: value.stringValue
            default: nil
            }
        }
        return (text("id"), text("url"))
    }

    /// `id` and `url` of a flat JSON object whose values are plain strings (no escapes) or integers, as most
    /// bridges answer, read without Foundation; nil for anything else, which `JSONSerialization` then reads.
    static func flatFields(_ body: Data) -> (id: String?, url: String?)? {
        body.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> (id: String?, url: String?)? in
            var position = 0
            func skipSpace() {
                while position < bytes.count, [9, 10, 13, 32].contains(bytes[position]) { position += 1 }
            }
            func take(_ byte: UInt8) -> Bool {
                skipSpace()
                guard position < bytes.count, bytes[position] == byte else { return false }
                position += 1
                return true
            }
            /// A string without escapes, or an integer, as its text.
            func scalar() -> String? {
                skipSpace()
                guard position < bytes.count else { return nil }
                let start = position
                if bytes[position] == 34 {
                    position += 1
                    while position < bytes.count, bytes[position] != 34 {
                        guard bytes[position] != 92, bytes[position] >= 0x20 else { return nil }
                        position += 1
                    }
                    guard position < bytes.count else { return nil }
                    position += 1
                    return String(
                        decoding: UnsafeRawBufferPointer(rebasing: bytes[(start + 1)..<(position - 1)]),
                        as: UTF8.self
                    )
                }
                if bytes[position] == 45 { position += 1 }
                let digits = position
                while position < bytes.count, (48...57).contains(bytes[position]) { position += 1 }
                guard position > digits, position - digits < 19 else { return nil }
                return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            }
            guard take(123) else { return nil }
            var fields: (id: String?, url: String?) = (nil, nil)
            if take(125) {
                skipSpace()
                return position == bytes.count ? fields : nil
            }
            repeat {
                skipSpace()
                guard position < bytes.count, bytes[position] == 34, let key = scalar(), take(58),
                    let value = scalar()
                else { return nil }
                if key == "id" { fields.id = value }
                if key == "url" { fields.url = value }
            } while take(44)
            guard take(125) else { return nil }
            skipSpace()
            return position == bytes.count ? fields : nil
        }
    }

    /// Response headers as one JSON object, names in lower case, repeated headers joined with ", ".
    ///
    /// Written byte by byte into one buffer, with no other allocation: it runs once per answer, and building it
    /// from strings made it the largest part of recording one.
    static func headersJSON(_ headers: [(name: String, value: String)]) -> String? {
        guard !headers.isEmpty else { return nil }
        func lower(_ byte: UInt8) -> UInt8 { (65...90).contains(byte) ? byte + 32 : byte }
        func sameName(_ one: String, _ other: String) -> Bool {
            one.utf8.count == other.utf8.count && zip(one.utf8, other.utf8).allSatisfy { lower($0) == lower($1) }
        }
        var json: [UInt8] = []
        json.reserveCapacity(headers.reduce(2) { $0 + $1.name.utf8.count + $1.value.utf8.count + 8 })
        json.append(UInt8(ascii: "{"))
        for (position, header) in headers.enumerated() {
            // A repeated header was written with the first of its name.
            if headers[..<position].contains(where: { sameName($0.name, header.name) }) { continue }
            if json.count > 1 { json.append(UInt8(ascii: ",")) }
            appendJSONString(String(decoding: header.name.utf8.map(lower), as: UTF8.self), to: &json)
            json.append(UInt8(ascii: ":"))
            json.append(34)
            appendEscaped(header.value, to: &json)
            for later in headers[(position + 1)...] where sameName(later.name, header.name) {
                json += ", ".utf8
                appendEscaped(later.value, to: &json)
            }
            json.append(34)
        }
        json.append(UInt8(ascii: "}"))
        return String(decoding: json, as: UTF8.self)
    }

    /// A JSON array of strings, as SQL's `json_each` reads a list.
    static func jsonArray(_ values: some Sequence<String>) -> String {
        var json: [UInt8] = [UInt8(ascii: "[")]
        for value in values {
            if json.count > 1 { json.append(UInt8(ascii: ",")) }
            var value = value
            value.withUTF8 { appendJSONString($0, to: &json) }
        }
        json.append(UInt8(ascii: "]"))
        return String(decoding: json, as: UTF8.self)
    }

    /// A JSON string literal, escaping only what JSON requires (quotes, backslashes, control characters).
    static func jsonString(_ text: String) -> String {
        var text = text
        return text.withUTF8 { source in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(source.count + 16)
            appendJSONString(source, to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Appends `text` as a JSON string literal.
    static func appendJSONString(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendJSONString($0, to: &bytes) }
    }

    /// Appends the UTF-8 text `source` as a JSON string literal.
    static func appendJSONString(_ source: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        bytes.append(34)
        appendEscaped(source, to: &bytes)
        bytes.append(34)
    }

    /// Appends `text` escaped for the inside of a JSON string literal.
    static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendEscaped($0, to: &bytes) }
    }

    /// Appends UTF-8 text escaped for the inside of a JSON string literal: the runs between escapes are copied
    /// whole, as most text has no byte to escape.
    static func appendEscaped(_ source: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        var runStart = 0
        for offset in source.indices {
            let byte = source[offset]
            guard byte < 0x20 || byte == 34 || byte == 92 else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<offset]))
            runStart = offset + 1
            switch byte {
            case 34, 92: bytes += [92, byte]
            case 10: bytes += [92, 110]
            case 13: bytes += [92, 114]
            case 9: bytes += [92, 116]
            default:
                let hex = Array("0123456789abcdef".utf8)
                bytes += [92, 117, 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<source.count]))
    }
}

/// Records a fan-out's starts and answers on a thread of its own, so transfers go on while the archive writes.
///
/// Starts are committed as soon as they are asked for, each batch in a transaction of its own; then the batch's
/// requests are built (signed with the time), and the gate handed back opens. Answers are worked out as they come and written many to a transaction
/// (`answersPerTransaction`, or whatever has waited `answerDelay`, or all at the end): most of a transaction's
/// cost is the index pages it rewrites, which a bigger transaction shares among more rows. The state below is
/// touched only on `queue`, except `failure`, `busy`, `transactionCount` and `requests`, which are guarded by
/// `lock`.
private final class OutcomeRecorder: @unchecked Sendable {
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
    /// The requests of recorded starts not yet taken, built on the recorder's thread and taken by the transfers;
    /// guarded by `lock`. A few batches at most: requests are built when their starts are recorded.
    private var requests: [Int: Result<HTTPRequest, any Error>] = [:]
    private var cache = RequestCache()
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
        guard let built = lock.withLock({ requests.removeValue(forKey: index) }) else {
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
                    let journalID = try delivery.archive.writer.write { db in
                        try DeliveryRecord.recordStarting(
                            indices.map { (planned[$0].delivery.id, planned[$0].delivery.attemptCount) },
                            at: time,
                            db
                        )
                    }
                    journal.append(journalID)
                    for index in indices { startedAt[index] = time }
                    lock.withLock { transactionCount += 1 }
                    // Built here rather than on the transfer thread, which is the busier of the two.
                    let built = indices.map { index in
                        (index, Result { try delivery.request(for: planned[index], &cache) })
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
            url: planned[index].channel.url?.absoluteString,
            startedAt: startedAt[index] ?? Date(),
            outcome: .interrupted
        )
        events.append(delivery.finish(&attempt, &record, planned[index], response, &generator))
        return (attempt, record)
    }

    /// Writes the outcomes worked out so far in one transaction, then tells of them.
    private func writeOutcomes() throws {
        guard !outcomes.isEmpty else { return }
        let written = outcomes
        outcomes = []
        try delivery.archive.writer.write { db in
            for (attempt, record) in written {
                try attempt.insertFinished(db)
                try record.recordOutcome(db)
            }
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
                try delivery.archive.writer.write { db in try DeliveryRecord.forgetStarts(journal, db) }
                journal = []
            }
        }
        try rethrow()
        return queue.sync { Array(events[..<recordedEvents]) }
    }
}
