import Foundation

/// What an answer of the Facebook Graph API means: its JSON, or its error object classified.
///
/// Graph says what went wrong in `{"error": {"message", "code", "error_subcode", "is_transient", ...}}` and, for
/// rate limits, in the usage headers (`X-App-Usage`, `X-Page-Usage`, `X-Business-Use-Case-Usage`). The classes
/// follow Meta's error-handling guide and what other schedulers met (docs/decisions.md, "Facebook Page errors").
/// A publish and a read differ only in what an uncertain answer means: a publish may have gone out.
struct GraphAnswer {
    /// The answer's JSON object, when it is one.
    let object: [String: Any]?
    let response: HTTPResponse

    init(_ response: HTTPResponse) {
        self.response = response
        object =
            response.body.isEmpty ? nil : (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]
    }

    /// Codes that mean "too many calls": the app's (4), the user's (17), the Page's (32), a custom limit (613),
    /// the Business Use Case limits (80000–80014) and the app's limit on a Page (341).
    static let rateLimitCodes: Set<Int> = Set([4, 17, 32, 341, 613]).union(80000...80014)
    /// Codes of a token that no longer works: expired, revoked, changed password (190), or a session gone (102).
    static let credentialCodes: Set<Int> = [102, 190]
    /// Codes of a permission the token lacks (10, 200–299: `pages_manage_posts`, the CREATE_CONTENT task, a user
    /// token where a Page token is needed): every post of the channel would meet them, so they stop it too.
    static let permissionCodes: Set<Int> = Set([10]).union(200...299)
    /// How long a rate-limited post waits when Graph gives no `estimated_time_to_regain_access`.
    static let rateLimitWait: TimeInterval = 15 * 60
    /// How long a post waits after "we limit how often you can post" (368 with subcode 1390008).
    static let postingLimitWait: TimeInterval = 60 * 60

    /// The error object, when the answer carries one.
    var error: [String: Any]? { object?["error"] as? [String: Any] }
    var code: Int? { (error?["code"] as? NSNumber)?.intValue }
    var subcode: Int? { (error?["error_subcode"] as? NSNumber)?.intValue }

    /// The platform's own words, for a person: the user message when Graph gives one, its code and subcode.
    var errorText: String {
        guard let error else {
            let excerpt = String(decoding: response.body.prefix(160), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\n", with: " ")
            return Message.platformAnswered(["platform": "Facebook", "status": "\(response.status)"])
                + (excerpt.isEmpty ? "" : Message.platformNotJSON(["excerpt": excerpt]))
        }
        let message =
            (error["error_user_msg"] as? String) ?? (error["message"] as? String) ?? Message.platformNoMessage()
        var codes = code.map { "code \($0)" } ?? Message.platformNoCode()
        if let subcode { codes += ", subcode \(subcode)" }
        return Message.platformAnswered(["platform": "Facebook", "status": "\(response.status)"])
            + " (\(codes)): \(message)"
    }

    /// The class of this answer to a request that publishes: a success only with a JSON object and no error.
    func classify(publishing: Bool, now: Date) -> DirectOutcome {
        if let failure = response.error {
            if !failure.requestMayHaveLeft {
                return .notSent(reason: Message.platformDidNotLeave(["problem": failure.message]), notBefore: nil)
            }
            let reason = Message.platformIncomplete(["kind": failure.kind.rawValue, "problem": failure.message])
            return publishing ? .unknown(reason: reason) : .notSent(reason: reason, notBefore: nil)
        }
        guard let object else {
            // An HTML error page from a proxy, or a cut answer: whatever happened behind it is unknown.
            return publishing ? .unknown(reason: errorText) : .notSent(reason: errorText, notBefore: nil)
        }
        guard let error = object["error"] as? [String: Any] else {
            if (200..<300).contains(response.status) { return .published(id: "", url: nil) }
            return publishing ? .unknown(reason: errorText) : .notSent(reason: errorText, notBefore: nil)
        }
        let code = self.code ?? 0
        if Self.rateLimitCodes.contains(code) {
            return .notSent(
                reason: Message.platformRateLimited(["reason": errorText]),
                notBefore: Self.usageWait(response) ?? Self.rateLimitWait
            )
        }
        if code == 368, subcode == 1_390_008 {
            return .notSent(
                reason: Message.platformPostingLimited(["reason": errorText]),
                notBefore: Self.usageWait(response) ?? Self.postingLimitWait
            )
        }
        if Self.credentialCodes.contains(code) {
            return .credentials(reason: Message.graphTokenDead(["reason": errorText]))
        }
        if Self.permissionCodes.contains(code) {
            return .credentials(reason: Message.graphPermissionMissing(["reason": errorText]))
        }
        let transient = (error["is_transient"] as? Bool) ?? false
        if code == 1 || code == 2 || transient || response.status >= 500 {
            return publishing ? .unknown(reason: errorText) : .notSent(reason: errorText, notBefore: nil)
        }
        return .refused(reason: errorText)
    }

    /// The longest wait, in seconds, that Graph's usage headers ask for: `estimated_time_to_regain_access` (in
    /// minutes) of any Business Use Case or Page usage entry; nil when none says.
    static func usageWait(_ response: HTTPResponse) -> TimeInterval? {
        var minutes: [Double] = []
        if let text = response.header("X-Business-Use-Case-Usage"),
            let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
        {
            // {"<business object id>": [{"type": "pages", "call_count": 100, ..., "estimated_time_to_regain_access": 7}]}
            for case let entries as [[String: Any]] in object.values {
                for entry in entries {
                    if let wait = entry["estimated_time_to_regain_access"] as? NSNumber {
                        minutes.append(wait.doubleValue)
                    }
                }
            }
        }
        for name in ["X-Page-Usage", "X-App-Usage"] {
            guard let text = response.header(name),
                let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any],
                let wait = object["estimated_time_to_regain_access"] as? NSNumber
            else { continue }
            minutes.append(wait.doubleValue)
        }
        return minutes.max().map { min($0, 24 * 60) * 60 }
    }

    /// The highest share of a limit, in percent, that Graph's usage headers report (`call_count`,
    /// `total_cputime`, `total_time`); nil when they report none.
    static func usagePercent(_ response: HTTPResponse) -> Double? {
        var values: [Double] = []
        func collect(_ object: [String: Any]) {
            for key in ["call_count", "total_cputime", "total_time"] {
                if let value = object[key] as? NSNumber { values.append(value.doubleValue) }
            }
        }
        for name in ["X-App-Usage", "X-Page-Usage"] {
            if let text = response.header(name),
                let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
            {
                collect(object)
            }
        }
        if let text = response.header("X-Business-Use-Case-Usage"),
            let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
        {
            for case let entries as [[String: Any]] in object.values { entries.forEach(collect) }
        }
        return values.max()
    }
}
