import Foundation
import PostgresNIO

/// The hot path's writes on PostgreSQL, many rows to a statement: each statement is a round trip to the server,
/// and a run of 10,000 deliveries sent one statement per row spent most of its time waiting on them (see
/// bench/README.md). A batch is one `VALUES` list of typed parameters, cut below PostgreSQL's 65,535 of them.
extension PostgresTransaction {
    /// `(…),(…)` for `count` rows of parameters of these types, numbered from `$1`.
    static func valuesList(rows count: Int, types: [String]) -> String {
        var text = ""
        text.reserveCapacity(count * types.count * 14)
        var number = 1
        for row in 0..<count {
            text += row == 0 ? "(" : ",("
            for (column, type) in types.enumerated() {
                if column > 0 { text += "," }
                text += "$\(number)::\(type)"
                number += 1
            }
            text += ")"
        }
        return text
    }

    /// Runs `sql` (given the `VALUES` list) over `items` in chunks, each item's parameters bound by `bind`.
    func inBatches<Item>(
        _ items: [Item],
        types: [String],
        bind: (Item, inout PostgresBindings) -> Void,
        _ sql: (String) -> String
    ) throws {
        let size = max(1, 60_000 / types.count)
        var start = 0
        while start < items.count {
            let chunk = items[start..<min(start + size, items.count)]
            var binds = PostgresBindings(capacity: chunk.count * types.count)
            for item in chunk { bind(item, &binds) }
            try rows(PostgresQuery(unsafeSQL: sql(Self.valuesList(rows: chunk.count, types: types)), binds: binds))
            start += size
        }
    }

    func insertDeliveries(_ deliveries: [DeliveryRecord]) throws {
        let types = [
            "text", "text", "integer", "text", "text", "text", "text", "timestamptz", "timestamptz", "integer",
            "integer", "text", "text", "text", "text", "text", "timestamptz", "timestamptz", "timestamptz",
            "timestamptz",
        ]
        try inBatches(deliveries, types: types) { delivery, binds in
            binds.append(delivery.id)
            binds.append(delivery.announcementId)
            binds.append(delivery.revision)
            binds.append(delivery.channel)
            binds.append(delivery.platform.rawValue)
            binds.append(delivery.transport.rawValue)
            binds.append(delivery.status.rawValue)
            binds.append(delivery.dueAt)
            binds.append(delivery.nextAttemptAt)
            binds.append(delivery.attemptCount)
            binds.append(delivery.backoffStep)
            binds.append(delivery.contentHash)
            binds.append(delivery.variantId)
            binds.append(delivery.remoteId)
            binds.append(delivery.remoteUrl)
            binds.append(delivery.note)
            binds.append(delivery.sentAt)
            binds.append(delivery.createdAt)
            binds.append(delivery.updatedAt)
            binds.append(delivery.windowStart)
        } _: { values in
            """
            INSERT INTO deliveries (id, announcement_id, revision, channel, platform, transport, status, due_at,
                next_attempt_at, attempt_count, backoff_step, content_hash, variant_id, remote_id, remote_url, note,
                sent_at, created_at, updated_at, window_start)
            VALUES \(values)
            ON CONFLICT (id) DO NOTHING
            """
        }
    }

    /// Inserts attempt rows, in order.
    func insertAttempts(_ attempts: [AttemptRecord]) throws {
        let types = [
            "text", "integer", "text", "text", "timestamptz", "timestamptz", "float8", "integer", "text", "text",
            "text", "text", "text", "text", "text", "timestamptz", "text",
        ]
        try inBatches(attempts, types: types) { attempt, binds in
            binds.append(attempt.deliveryId)
            binds.append(attempt.number)
            binds.append(attempt.channel)
            binds.append(attempt.url)
            binds.append(attempt.startedAt)
            binds.append(attempt.finishedAt)
            binds.append(attempt.durationMs)
            binds.append(attempt.httpStatus)
            binds.append(attempt.responseHeaders)
            binds.append(attempt.responseBody)
            binds.append(attempt.remoteId)
            binds.append(attempt.remoteUrl)
            binds.append(attempt.outcome.rawValue)
            binds.append(attempt.errorClass)
            binds.append(attempt.errorMessage)
            binds.append(attempt.nextAttemptAt)
            binds.append(attempt.host)
        } _: { values in
            """
            INSERT INTO attempts (delivery_id, number, channel, url, started_at, finished_at, duration_ms, http_status,
                response_headers, response_body, remote_id, remote_url, outcome, error_class, error_message,
                next_attempt_at, host)
            VALUES \(values)
            """
        }
    }

    /// Writes deliveries as answers left them, as SQLite's outcome statement: a cancel made while a request was
    /// in flight survives all but a post that went out; a delivery with a fence (a lease token) is written only
    /// while its channel's lease has that token and it is not delivered already. One delivery twice in a batch
    /// (an `UPDATE … FROM` would apply one of the two) is written a row at a time, in order.
    func recordOutcomes(_ deliveries: [(delivery: DeliveryRecord, fence: Int64?)]) throws {
        if Set(deliveries.map(\.delivery.id)).count < deliveries.count, deliveries.count > 1 {
            for item in deliveries { try recordOutcomes([item]) }
            return
        }
        let cancelled = "'\(DeliveryStatus.cancelled.rawValue)'"
        let sent = "'\(DeliveryStatus.sent.rawValue)'"
        let delivered = DeliveryStatus.sqlList(DeliveryStatus.delivered)
        let kept = "deliveries.status = \(cancelled) AND v.status NOT IN \(delivered)"
        let types = [
            "text", "integer", "timestamptz", "integer", "text", "text", "text", "text", "text", "timestamptz",
            "timestamptz", "text", "int8",
        ]
        try inBatches(deliveries, types: types) { item, binds in
            let delivery = item.delivery
            binds.append(delivery.status.rawValue)
            binds.append(delivery.attemptCount)
            binds.append(delivery.nextAttemptAt)
            binds.append(delivery.backoffStep)
            binds.append(delivery.contentHash)
            binds.append(delivery.variantId)
            binds.append(delivery.remoteId)
            binds.append(delivery.remoteUrl)
            binds.append(delivery.note)
            binds.append(delivery.sentAt)
            binds.append(delivery.updatedAt)
            binds.append(delivery.id)
            binds.append(item.fence)
        } _: { values in
            """
            UPDATE deliveries SET
                status = CASE WHEN \(kept) THEN deliveries.status ELSE v.status END,
                attempt_count = v.attempt_count,
                next_attempt_at = CASE WHEN \(kept) THEN NULL ELSE v.next_attempt_at END,
                backoff_step = v.backoff_step, content_hash = v.content_hash, variant_id = v.variant_id,
                remote_id = v.remote_id, remote_url = v.remote_url,
                note = CASE
                    WHEN \(kept) THEN deliveries.note
                    WHEN deliveries.status = \(cancelled) AND v.status = \(sent)
                        THEN '\(DeliveryRecord.cancelledTooLate)'
                    ELSE v.note END,
                sent_at = v.sent_at, updated_at = v.updated_at
            FROM (VALUES \(values)) AS v(status, attempt_count, next_attempt_at, backoff_step, content_hash,
                variant_id, remote_id, remote_url, note, sent_at, updated_at, id, fence)
            WHERE deliveries.id = v.id AND (v.fence IS NULL OR (deliveries.status NOT IN \(delivered) AND EXISTS (
                SELECT 1 FROM channel_leases WHERE channel = deliveries.channel AND token = v.fence)))
            """
        }
    }
}
