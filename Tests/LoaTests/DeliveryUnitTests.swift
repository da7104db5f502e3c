import Foundation
import GRDB
import Testing

@testable import Loa

@Suite("Delivery building blocks")
struct DeliveryUnitTests {
    @Test("signatures match the Standard Webhooks specification's example")
    func specificationVector() throws {
        let signer = try #require(WebhookSigner(secret: Secret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")))
        let body = Data(#"{"test": 2432232314}"#.utf8)
        let signature = signer.signature(id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_330, body: body)
        #expect(signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
        #expect(
            signer.verify(
                id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
                timestamp: 1_614_265_330,
                body: body,
                header: "v1,bogus " + signature
            )
        )
        #expect(
            !signer.verify(id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_331, body: body, header: signature)
        )
        #expect(WebhookSigner(secret: Secret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")) == nil)
    }

    @Test("delivery ids are stable and distinct per announcement, revision and channel")
    func deliveryIDs() {
        let id = DeliveryID.make(announcement: "2026-12-01-a", revision: 1, channel: "fb")
        #expect(id == DeliveryID.make(announcement: "2026-12-01-a", revision: 1, channel: "fb"))
        #expect(id.hasPrefix("msg_") && id.count == 36)
        // The derivation never changes: an archive's ids must still match what its bridges deduplicate on.
        #expect(id == "msg_66ce0705046a4eff01ef6212b167d457")
        #expect(
            DeliveryID.make(announcement: "Tuổi trẻ", revision: 3, channel: "zalo-đoàn")
                == "msg_f600950edc37ebeeb392e37ec50dd2c5"
        )
        #expect(id != DeliveryID.make(announcement: "2026-12-01-a", revision: 2, channel: "fb"))
        #expect(id != DeliveryID.make(announcement: "2026-12-01-a", revision: 1, channel: "zalo"))
        // Joining the parts with a separator would make these two equal.
        #expect(
            DeliveryID.make(announcement: "a.1", revision: 1, channel: "b")
                != DeliveryID.make(announcement: "a", revision: 1, channel: "1.b")
        )
    }

    static let policy = RetryPolicy.standard
    static let now = Date(timeIntervalSince1970: 1_796_086_800)

    @Test(
        "what each answer means",
        arguments: [
            (200, "success"), (201, "success"), (204, "success"), (408, "retry"), (425, "retry"), (429, "retry"),
            (500, "retry"), (502, "retry"), (503, "retry"), (400, "fail"), (401, "fail"), (404, "fail"), (422, "fail"),
            (301, "fail"), (302, "fail"), (307, "fail"),
        ]
    )
    func verdicts(status: Int, expected: String) {
        var generator = SystemRandomNumberGenerator()
        let verdict = Self.policy.verdict(
            for: HTTPResponse(status: status),
            failuresInARow: 1,
            now: Self.now,
            using: &generator
        )
        switch verdict {
        case .success: #expect(expected == "success")
        case .retry: #expect(expected == "retry")
        case .fail: #expect(expected == "fail")
        }
    }

    @Test("transport errors are retried; backoff grows with ±20% jitter and gives up within half of missed_after")
    func backoff() {
        var generator = SystemRandomNumberGenerator()
        let error = HTTPResponse(status: 0, error: TransportError(.timeout, "Timeout was reached"))
        var total: TimeInterval = 0
        for (step, base) in Self.policy.delays.enumerated() {
            guard
                case .retry(let delay, let reason) = Self.policy.verdict(
                    for: error,
                    failuresInARow: step + 1,
                    now: Self.now,
                    using: &generator
                )
            else {
                Issue.record("step \(step) did not retry")
                return
            }
            #expect(delay >= base * 0.8 && delay <= base * 1.2)
            #expect(reason.contains("no answer before the timeout"))
            total += delay
        }
        #expect(total > 14 * 3600 && total < 23 * 3600)
        // Comfortably inside the default missed_after (48h): even the longest backoff, every step at +20%, gives up
        // within half of it, so a failing post is failed (and a person told) rather than missed.
        let longest = Self.policy.delays.reduce(0, +) * (1 + Self.policy.jitter)
        #expect(longest < 48 * 3600 / 2)
        guard
            case .fail(let reason) = Self.policy.verdict(
                for: error,
                failuresInARow: 8,
                now: Self.now,
                using: &generator
            )
        else {
            Issue.record("did not give up")
            return
        }
        #expect(reason.hasPrefix("gave up after 8 attempts"))
    }

    @Test("Retry-After in seconds or as an HTTP date is honoured when longer than the backoff")
    func retryAfter() {
        var generator = SystemRandomNumberGenerator()
        let seconds = HTTPResponse(status: 429, headers: [("retry-after", "120")])
        guard
            case .retry(let delay, _) = Self.policy.verdict(
                for: seconds,
                failuresInARow: 1,
                now: Self.now,
                using: &generator
            )
        else {
            Issue.record("no retry")
            return
        }
        #expect(delay == 120)
        let date = HTTPResponse(status: 503, headers: [("Retry-After", "Tue, 01 Dec 2026 01:10:00 GMT")])
        guard
            case .retry(let dated, _) = Self.policy.verdict(
                for: date,
                failuresInARow: 1,
                now: Self.now,
                using: &generator
            )
        else {
            Issue.record("no retry")
            return
        }
        #expect(dated == 600)
        let short = HTTPResponse(status: 503, headers: [("Retry-After", "1")])
        guard
            case .retry(let kept, _) = Self.policy.verdict(
                for: short,
                failuresInARow: 1,
                now: Self.now,
                using: &generator
            )
        else {
            Issue.record("no retry")
            return
        }
        #expect(kept >= 4)
    }

    @Test("the redactor masks every channel's secret, its base64 part and its token")
    func redactor() {
        let channel = Channel(
            id: "fb",
            platform: .facebook,
            transport: .webhook,
            secret: Secret("whsec_c2VjcmV0LXZhbHVlLTEyMzQ="),
            token: Secret("tok-abcdef")
        )
        let redact = Redactor(channels: [channel])
        #expect(redact("Bearer tok-abcdef and c2VjcmV0LXZhbHVlLTEyMzQ=") == "Bearer •••••• and ••••••")
        #expect(redact(Data("x whsec_c2VjcmV0LXZhbHVlLTEyMzQ= y".utf8)) == Data("x •••••• y".utf8))
    }

    @Test(
        "UTC times by arithmetic agree with Foundation across the years",
        arguments: [0, 951_782_400, 1_767_574_800, 4_107_542_399, -86_401]
    )
    func utcTime(seconds: Int) {
        #expect(
            UTCTime.iso8601(seconds: seconds) == Date(timeIntervalSince1970: TimeInterval(seconds)).formatted(.iso8601)
        )
    }

    @Test("a bridge's answer gives the same id and url read fast as read by JSONSerialization")
    func remoteFields() throws {
        let bodies = [
            #"{"id":"1_2"}"#, #" { "id" : 123456789 , "url": "https://fb.example/p/1" } "#, #"{"id":-7}"#,
            #"{"url":"https://zalo.example/bài-viết/1","id":""}"#, #"{}"#, #"{"id":"a"b"}"#, #"{"id":1.5}"#,
            #"{"id":"x","nested":{"id":"y"}}"#, #"{"id":true}"#, #"[1]"#, #"{"id":"x"} trailing"#, "",
            #"{"id":"x","id":"y"}"#, #"{"id":"Đoàn TNCS"}"#,
        ]
        for body in bodies {
            let fast = WebhookDelivery.remote(from: Data(body.utf8))
            let expected = WebhookDelivery.remoteByFoundation(from: Data(body.utf8))
            #expect(fast.id == expected.id && fast.url == expected.url, "\(body)")
        }
        #expect(WebhookDelivery.flatFields(Data(#"{"id":"a\"b"}"#.utf8)) == nil)
        #expect(WebhookDelivery.flatFields(Data(#"{"id":"1_2"}"#.utf8))?.id == "1_2")
    }

    @Test("response headers become one JSON object: names in lower case, repeats joined, text escaped")
    func headersAsJSON() {
        let json = WebhookDelivery.headersJSON([
            ("Server", "nginx"), ("Set-Cookie", "a=1"), ("X-Note", "Tuổi trẻ \"Cần Thơ\"\t"), ("set-cookie", "b=2"),
        ])
        #expect(json == #"{"server":"nginx","set-cookie":"a=1, b=2","x-note":"Tuổi trẻ \"Cần Thơ\"\t"}"#)
        #expect(WebhookDelivery.headersJSON([]) == nil)
    }

    @Test("the payload is compact JSON with the contract's fields, Vietnamese unescaped")
    func payload() throws {
        let announcement = Announcement(
            id: "tin",
            title: "Tuổi trẻ Cần Thơ",
            category: .activityNews,
            unit: "Đoàn phường An Hòa",
            publishAt: Self.now,
            link: URL(string: "https://x.example/a"),
            body: "Nội dung",
            file: URL(fileURLWithPath: "/tmp/tin.md")
        )
        let variant = Variant(
            announcementID: "tin",
            channel: "fb",
            platform: .facebook,
            text: "Văn bản",
            length: 7,
            limit: 63_206,
            truncated: false,
            hashtags: ["#A"],
            template: "facebook.mustache"
        )
        var stamps = TimestampCache()
        let payload = WebhookPayload(
            deliveryID: "msg_1",
            announcement: announcement,
            variant: variant,
            images: [],
            publishAt: stamps.iso8601(Self.now),
            sentAt: stamps.iso8601(Self.now)
        )
        let text = String(decoding: try payload.encoded(), as: UTF8.self)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(try payload.encoded() == (try encoder.encode(payload)))
        var tricky = payload
        tricky.data.text = "Dòng 1\nDòng \"2\"\t\\ \u{1} 🇻🇳 </script>"
        tricky.data.link = nil
        #expect(try tricky.encoded() == (try encoder.encode(tricky)))
        // Photos: inline, by address under a media_base_url, and at a web address, each written as JSONEncoder does.
        let photo = ImageFile(
            path: "images/tủ sách.jpg",
            name: "tủ sách.jpg",
            type: .png,
            data: TestImages.png,
            sha256: ImageFile.digest(TestImages.png)
        )
        var pictured = payload
        pictured.data.images = [
            WebhookPayload.Image(file: photo),
            WebhookPayload.Image(file: photo, mediaBaseURL: "https://media.example.org/loa/"),
            WebhookPayload.Image(url: "https://x.example/a.jpg?w=1&h=\"2\""),
        ]
        #expect(try pictured.encoded() == (try encoder.encode(pictured)))
        #expect(pictured.data.images[1].url == "https://media.example.org/loa/images/t%E1%BB%A7%20s%C3%A1ch.jpg")
        #expect(pictured.data.images[0].data == TestImages.png.base64EncodedString())
        #expect(
            text
                == ##"{"data":{"announcement_id":"tin","category":"activity-news","channel":"fb","delivery_id":"msg_1","hashtags":["#A"],"images":[],"link":"https://x.example/a","platform":"facebook","publish_at":"2026-12-01T01:00:00Z","revision":1,"text":"Văn bản","title":"Tuổi trẻ Cần Thơ","unit":"Đoàn phường An Hòa"},"timestamp":"2026-12-01T01:00:00Z","type":"post.create"}"##
        )
    }
}

/// A fake bridge at the HTTP seam: answers every request with a status, and looks at the archive mid-flight.
struct FakeExchange: HTTPExchange {
    let status: Int
    let onSend: @Sendable (HTTPRequest) -> Void

    func exchange(
        _ jobs: [HTTPJob],
        concurrency: Int,
        request: (Int) throws -> HTTPRequest,
        step: (ExchangeStep) throws -> StartGate?
    ) throws {
        for index in jobs.indices {
            try step(ExchangeStep(finished: [], starting: [index]))?.wait()
            onSend(try request(index))
            _ = try step(
                ExchangeStep(
                    finished: [(index, HTTPResponse(status: status, body: Data(#"{"id":"r\#(index)"}"#.utf8)))],
                    starting: []
                )
            )
        }
    }
}

@Suite("A run with a fake bridge")
struct DeliveryRunTests {
    @Test("an attempt is recorded as started (in the start journal) before its request leaves, and whole after")
    func startedBeforeSent() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.writeConfig(
            extraChannels:
                "  bridge:\n    platform: plain\n    transport: webhook\n    url: https://bridge.example/h\n    secret: whsec_YWJjZGVmZ2hpams=",
            settings: "archive: archive/loa.sqlite"
        )
        try workspace.write(
            "queue/tin.md",
            "---\ntitle: Tin\ncategory: activity-news\nunit: Đoàn\nchannels: [bridge]\n---\nNội dung.\n"
        )
        let (opened, diagnostics) = Workspace.open(configFile: workspace.url("loa.yml"), environment: [:])
        #expect(diagnostics.isEmpty)
        let archivePath = workspace.url("archive/loa.sqlite").path
        final class Seen: @unchecked Sendable { var outcomes: [String] = [] }
        let seen = Seen()
        let exchange = FakeExchange(status: 200) { request in
            var configuration = Configuration()
            configuration.readonly = true
            let queue = try? DatabaseQueue(path: archivePath, configuration: configuration)
            seen.outcomes =
                (try? queue?.read { db in
                    try String.fetchAll(db, sql: "SELECT status || ' ' || attempt_count FROM deliveries")
                        + String.fetchAll(db, sql: "SELECT deliveries FROM run_starts")
                }) ?? []
            #expect(request.headers.contains { $0.name == "webhook-id" })
        }
        let run = DeliveryRun(workspace: try #require(opened), exchange: exchange, now: Date())
        let report = try run.perform()
        #expect(report.count(.sent) == 1)
        let id = try #require(try SQLiteArchive(path: archivePath).deliveries().first?.id)
        #expect(seen.outcomes == ["pending 0", "[[\"\(id)\",0]]"])
        let archive = try SQLiteArchive(path: archivePath)
        let delivery = try #require(try archive.deliveries().first)
        #expect(delivery.status == .sent)
        #expect(delivery.remoteId == "r0")
        #expect(try archive.attempts(of: delivery.id).map(\.outcome) == [.sent])
        #expect(delivery.attemptCount == 1)
        #expect(try archive.database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM run_starts") } == 0)
    }
}

@Suite("Answers' headers")
struct ResponseHeaderTests {
    @Test("header lines as received are split at the first colon and trimmed; lines without one are left out")
    func headerBlock() {
        let block = Array(
            "Content-Type: application/json\r\nX-Trống:\r\nno colon here\r\n  Spaced  :  giá trị: có dấu  \r\nLast: 1"
                .utf8
        )
        let headers = HTTPResponse.headers(fromBlock: block + Array("\r\n\r\n".utf8))
        #expect(headers.map(\.name) == ["Content-Type", "X-Trống", "Spaced", "Last"])
        #expect(headers.map(\.value) == ["application/json", "", "giá trị: có dấu", "1"])
        #expect(HTTPResponse.headers(fromBlock: block).last?.value == "1")
        #expect(HTTPResponse.headers(fromBlock: []).isEmpty)
        var response = HTTPResponse(status: 200)
        response.headers = [("Retry-After", "5")]
        #expect(response.header("retry-after") == "5")
    }

    @Test("headers as received go to JSON in one pass, masked, as the split pairs would")
    func headerBlockToJSON() {
        let redact = Redactor(channels: [
            Channel(id: "zl", platform: .zalo, transport: .webhook, token: Secret("tok-Đoàn-123456"))
        ])
        let lines: [[UInt8]] = [
            Array("HTTP/1.1 200 OK\r\n".utf8),
            Array("Server: nginx\r\n".utf8),
            Array("Set-Cookie: a=1\r\n".utf8),
            Array("X-Echo: Bearer tok-Đoàn-123456\r\n".utf8),
            Array("X-Note:  Tuổi trẻ \"Cần Thơ\" \\ \u{1}\r\n".utf8),
            // NFD Vietnamese, kept byte for byte as it came.
            Array("X-NFD: Đoa\u{300}n Thanh nie\u{302}n\r\n".utf8),
            Array("X-Bad: ".utf8) + [0xC3, 0x28, 0xFF] + Array("\r\n".utf8),
            Array("SET-COOKIE: b=2\r\n\r\n".utf8),
        ]
        let block = lines.flatMap { $0 }
        let response = HTTPResponse(status: 200, headerBlock: block, body: Data(), duration: 0)
        let json = WebhookDelivery.headersJSON(response, redact: redact)
        let expected = WebhookDelivery.headersJSON(
            HTTPResponse.headers(fromBlock: block).map { ($0.name, redact($0.value)) }
        )
        #expect(json == expected)
        #expect(json?.contains("tok-Đoàn") == false)
        #expect(json?.contains(#""set-cookie":"a=1, b=2""#) == true)
        #expect(json?.contains(#""x-echo":"Bearer ••••••""#) == true)
        #expect(WebhookDelivery.headersJSON(HTTPResponse(status: 204), redact: redact) == nil)
        var set = HTTPResponse(status: 200)
        set.headers = [("X-Echo", "tok-Đoàn-123456")]
        #expect(WebhookDelivery.headersJSON(set, redact: redact) == #"{"x-echo":"••••••"}"#)
    }
}
