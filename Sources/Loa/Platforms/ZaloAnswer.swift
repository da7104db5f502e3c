import Foundation

/// What an answer of the Zalo OA API means: `{"error": 0, "message": "Success", "data": …}`, or the same shape with
/// `error` ≠ 0, which Zalo sends with HTTP 200. A 200 is never read as a success without `error` being 0.
///
/// Classes (docs/decisions.md, "Zalo OA errors"): an invalid or expired access token (-216, -124) is
/// ``isInvalidToken`` (the transport renews the token once and asks once more); an exhausted quota or rate limit
/// (-218, -32) is not sent and waits; -214 (media still being processed) is for `verify` to wait on; any other
/// code is refused with Zalo's own message. A 5xx, an answer that is not JSON, or none at all, to a request that
/// posts, may hide a post that went out: unknown.
struct ZaloAnswer {
    /// The answer's JSON object, when it is one.
    let object: [String: Any]?
    let response: HTTPResponse

    /// Access token invalid (-216) or expired (-124).
    static let invalidTokenCodes: Set<Int> = [-216, -124]
    /// The OA's quota is used up (-218) or it called too often (-32).
    static let quotaCodes: Set<Int> = [-218, -32]
    /// "Media is being processed": `verify` asks again later.
    static let stillProcessing = -214
    /// How long a post waits after a quota answer: Zalo says neither when the quota comes back nor how much is left.
    static let quotaWait: TimeInterval = 60 * 60

    init(_ response: HTTPResponse) {
        self.response = response
        object =
            response.body.isEmpty ? nil : (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]
    }

    /// Zalo's `error` code; nil when the answer has none (then it is no success either).
    var code: Int? { (object?["error"] as? NSNumber)?.intValue ?? (object?["error"] as? String).flatMap { Int($0) } }
    var data: [String: Any]? { object?["data"] as? [String: Any] }
    var isSuccess: Bool { response.error == nil && code == 0 }
    var isInvalidToken: Bool { code.map(Self.invalidTokenCodes.contains) ?? false }
    var isStillProcessing: Bool { code == Self.stillProcessing }

    /// Zalo's own words, for a person.
    var errorText: String {
        guard let object else {
            let excerpt = String(decoding: response.body.prefix(160), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\n", with: " ")
            return excerpt.isEmpty
                ? Message.zaloAnswered(["status": "\(response.status)"])
                : Message.zaloAnsweredNotJSON(["status": "\(response.status)", "excerpt": excerpt])
        }
        let message =
            (object["message"] as? String) ?? (object["error_description"] as? String)
            ?? (object["error_name"] as? String) ?? Message.zaloNoMessage()
        let status = "\(response.status)"
        return code.map { Message.zaloAnsweredError(["status": status, "code": "\($0)", "message": message]) }
            ?? Message.zaloAnsweredNoCode(["status": status, "message": message])
    }

    /// The class of this answer; `published` (with no id: the caller reads it from ``data``) when `error` is 0.
    func classify(publishing: Bool) -> DirectOutcome {
        if let failure = response.error {
            if !failure.requestMayHaveLeft {
                return .notSent(reason: Message.zaloDidNotLeave(["reason": failure.message]), notBefore: nil)
            }
            let reason = Message.zaloNoCompleteAnswer(["kind": failure.kind.rawValue, "reason": failure.message])
            return publishing ? .unknown(reason: reason) : .notSent(reason: reason, notBefore: nil)
        }
        guard let code, response.status < 500 else {
            // An HTML page from a proxy, a cut answer, or JSON without `error`: whatever happened is unknown.
            return publishing ? .unknown(reason: errorText) : .notSent(reason: errorText, notBefore: nil)
        }
        if code == 0 { return .published(id: "", url: nil) }
        if Self.quotaCodes.contains(code) {
            return .notSent(
                reason: Message.zaloQuota(["reason": errorText]),
                notBefore: Self.quotaWait
            )
        }
        if Self.invalidTokenCodes.contains(code) { return .credentials(reason: errorText) }
        return .refused(reason: errorText)
    }
}
