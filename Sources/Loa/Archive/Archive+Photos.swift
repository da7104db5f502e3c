import Foundation
import GRDB

extension Archive {
    /// Records an attempt Loa settled without a bridge (an outbox post written, or a delivery held back because its
    /// photo could not be read), and the delivery as the attempt leaves it, in one transaction.
    func recordLocalAttempt(_ attempt: AttemptRecord, delivery: DeliveryRecord) throws {
        try writer.write { db in
            var attempt = attempt
            try attempt.insert(db)
            try delivery.update(db)
        }
    }
}
