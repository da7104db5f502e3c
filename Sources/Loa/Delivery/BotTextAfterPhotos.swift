import Foundation

/// The text that follows a post's photos on a bot API (Telegram, Zalo bot), once the photos are out.
///
/// The post is then half out: sending the photos again on a later run would show them twice. So a rate limit on
/// the text is waited out here, when it asks for at most ``longestWait``, and the text tried once more; any other
/// failure, or a longer wait, leaves the post to a person (`unknown`, which becomes `unconfirmed` on a platform
/// where Loa cannot look), with a reason that says the photos went out and the text did not.
enum BotTextAfterPhotos {
    /// The longest rate-limit wait spent inside a run.
    static let longestWait: TimeInterval = 60

    static func send(
        firstMessage: String,
        address: String?,
        wait: (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) },
        _ sendText: () -> DirectStep
    ) -> DirectStep {
        var step = sendText()
        if case .notSent(_, let notBefore) = step.outcome, (notBefore ?? 1) <= longestWait {
            wait(notBefore ?? 1)
            step = sendText()
        }
        switch step.outcome {
        case .published:
            // The post starts with its photos: it is found at the first message.
            step.outcome = .published(id: firstMessage, url: address)
        case .notSent(let reason, _), .refused(let reason), .credentials(let reason), .unknown(let reason):
            step.outcome = .unknown(
                reason: Message.botTextAfterPhotos([
                    "first": firstMessage + (address.map { ", \($0)" } ?? ""), "reason": reason,
                ])
            )
        }
        return step
    }
}
