import Foundation
import Testing

@testable import Loa

@Suite("Graph API answers, and what a direct delivery does after each step")
struct GraphAnswerTests {
    static func answer(_ status: Int, _ body: String, headers: [(name: String, value: String)] = []) -> GraphAnswer {
        GraphAnswer(HTTPResponse(status: status, headers: headers, body: Data(body.utf8)))
    }

    static func error(_ code: Int, subcode: Int? = nil, transient: Bool? = nil) -> String {
        var fields = [#""message":"(#\#(code)) something""#, #""type":"OAuthException""#, #""code":\#(code)"#]
        if let subcode { fields.append(#""error_subcode":\#(subcode)"#) }
        if let transient { fields.append(#""is_transient":\#(transient)"#) }
        return #"{"error":{"# + fields.joined(separator: ",") + "}}"
    }

    enum Class: Equatable { case published, notSent, credentials, refused, unknown }

    static func kind(_ outcome: DirectOutcome) -> Class {
        switch outcome {
        case .published: .published
        case .notSent: .notSent
        case .credentials: .credentials
        case .refused: .refused
        case .unknown: .unknown
        }
    }

    @Test(
        "error codes are classified as the issue's table says, for a publish",
        arguments: [
            (400, 4, nil, nil, Class.notSent), (400, 17, nil, nil, .notSent), (400, 32, nil, nil, .notSent),
            (400, 613, nil, nil, .notSent), (400, 80001, nil, nil, .notSent), (400, 368, 1_390_008, nil, .notSent),
            (400, 368, nil, nil, .refused), (400, 190, 460, nil, .credentials), (400, 102, nil, nil, .credentials),
            (400, 10, nil, nil, .credentials), (400, 100, nil, nil, .refused), (403, 200, nil, nil, .credentials),
            (400, 299, nil, nil, .credentials), (400, 506, nil, nil, .refused), (400, 1_609_005, nil, nil, .refused),
            (400, 100, 1_366_046, nil, .refused), (500, 1, nil, nil, .unknown), (500, 2, nil, true, .unknown),
            (400, 9999, nil, true, .unknown), (503, 9999, nil, nil, .unknown),
        ] as [(Int, Int, Int?, Bool?, Class)]
    )
    func classes(status: Int, code: Int, subcode: Int?, transient: Bool?, expected: Class) {
        let outcome = Self.answer(status, Self.error(code, subcode: subcode, transient: transient))
            .classify(publishing: true, now: Date())
        #expect(Self.kind(outcome) == expected)
    }

    @Test("an answer that is not JSON, or none at all, is unknown for a publish and worth a retry for a read")
    func uncertainAnswers() {
        let html = Self.answer(502, "<html>Bad Gateway</html>")
        #expect(Self.kind(html.classify(publishing: true, now: Date())) == .unknown)
        #expect(Self.kind(html.classify(publishing: false, now: Date())) == .notSent)
        let dropped = GraphAnswer(
            HTTPResponse(status: 0, error: TransportError(.connection, "Empty reply from server"))
        )
        #expect(Self.kind(dropped.classify(publishing: true, now: Date())) == .unknown)
        let refused = GraphAnswer(
            HTTPResponse(status: 0, error: TransportError(.connection, "refused", requestMayHaveLeft: false))
        )
        #expect(Self.kind(refused.classify(publishing: true, now: Date())) == .notSent)
        #expect(Self.kind(Self.answer(200, #"{"id":"1_2"}"#).classify(publishing: true, now: Date())) == .published)
    }

    @Test("the usage headers are read in their documented, nested shape")
    func usageHeaders() {
        let response = HTTPResponse(
            status: 400,
            headers: [
                ("X-App-Usage", #"{"call_count":28,"total_time":25,"total_cputime":25}"#),
                (
                    "X-Business-Use-Case-Usage",
                    #"{"104857600123456":[{"type":"pages","call_count":100,"total_cputime":12,"total_time":40,"estimated_time_to_regain_access":7}]}"#
                ),
            ]
        )
        #expect(GraphAnswer.usageWait(response) == TimeInterval(420))
        #expect(GraphAnswer.usagePercent(response) == 100)
        let page = HTTPResponse(
            status: 400,
            headers: [("x-page-usage", #"{"call_count":95,"estimated_time_to_regain_access":3}"#)]
        )
        #expect(GraphAnswer.usageWait(page) == TimeInterval(180))
        #expect(GraphAnswer.usageWait(HTTPResponse(status: 400)) == nil)
        // A rate limit waits what Graph estimates; without an estimate, a quarter of an hour.
        let limited = GraphAnswer(
            HTTPResponse(status: 400, headers: response.headers, body: Data(Self.error(4).utf8))
        )
        #expect(
            limited.classify(publishing: true, now: Date())
                == .notSent(reason: "rate limited: " + limited.errorText, notBefore: 420)
        )
        let bare = Self.answer(400, Self.error(17))
        #expect(
            bare.classify(publishing: true, now: Date())
                == .notSent(reason: "rate limited: " + bare.errorText, notBefore: 900)
        )
    }

    static func delivery(backoffStep: Int = 0) -> DeliveryRecord {
        let now = Date()
        return DeliveryRecord(
            id: "d",
            announcementId: "a",
            revision: 1,
            channel: "fb",
            platform: .facebook,
            transport: .facebookPage,
            status: .pending,
            dueAt: now,
            attemptCount: 0,
            backoffStep: backoffStep,
            createdAt: now,
            updatedAt: now
        )
    }

    @Test("after a lost answer Loa looks; after a look, it sends at most once more, then asks a person")
    func rules() {
        let policy = RetryPolicy(delays: [5, 60], jitter: 0)
        #expect(
            DirectRules.afterSend(.unknown(reason: "x"), delivery: Self.delivery(), policy: policy)
                == .look(reason: "x")
        )
        #expect(
            DirectRules.afterSend(.notSent(reason: "x", notBefore: 420), delivery: Self.delivery(), policy: policy)
                == .retry(after: 420, reason: "x")
        )
        #expect(
            DirectRules.afterSend(
                .notSent(reason: "x", notBefore: nil),
                delivery: Self.delivery(backoffStep: 2),
                policy: policy
            )
                == .fail(reason: "gave up after 3 attempts; the last: x")
        )
        #expect(
            DirectRules.afterSend(.credentials(reason: "190"), delivery: Self.delivery(), policy: policy)
                == .stop(reason: "190"),
            "a token problem stops the channel; the post waits"
        )
        #expect(
            DirectRules.afterLook(
                .found(id: "1_2", url: nil),
                sendsAfterLook: 0,
                delivery: Self.delivery(),
                policy: policy
            )
                == .sent(id: "1_2", url: nil, found: true)
        )
        #expect(DirectRules.afterLook(.absent, sendsAfterLook: 0, delivery: Self.delivery(), policy: policy) == .send)
        guard
            case .unconfirmed = DirectRules.afterLook(
                .absent,
                sendsAfterLook: 1,
                delivery: Self.delivery(),
                policy: policy
            ),
            case .unconfirmed = DirectRules.afterLook(
                .cannotLook,
                sendsAfterLook: 0,
                delivery: Self.delivery(),
                policy: policy
            ),
            case .lookLater(_, 5) = DirectRules.afterLook(
                .failed("x"),
                sendsAfterLook: 0,
                delivery: Self.delivery(),
                policy: policy
            ),
            case .unconfirmed = DirectRules.afterLook(
                .failed("x"),
                sendsAfterLook: 0,
                delivery: Self.delivery(backoffStep: 2),
                policy: policy
            )
        else {
            Issue.record("a look that cannot settle the post leaves it to a person")
            return
        }
    }

    @Test("a post's text is compared as Facebook keeps it: NFC, trimmed, one kind of line end")
    func comparable() {
        let nfd = "Đoàn viên ra quân\r\n".decomposedStringWithCanonicalMapping
        #expect(FacebookPageTransport.comparable(nfd) == FacebookPageTransport.comparable(" Đoàn viên ra quân"))
        #expect(FacebookPageTransport.comparable("a\r\nb") == "a\nb")
    }
}
