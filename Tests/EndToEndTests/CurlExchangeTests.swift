import Foundation
import Loa
import Testing

@Suite("The libcurl exchange, against a real bridge on 127.0.0.1")
struct CurlExchangeTests {
    @Test("a prepared request changed afterwards sends what it says when it starts; answers' headers arrive whole")
    func preparedRequests() throws {
        let bridge = try TestBridge { request, _ in
            .respond(
                status: 201,
                headers: ["Content-Type": "application/json", "X-Ghi-Chu": "  Đoàn viên phường An Hòa  "],
                body: #"{"id":"\#(request.path.dropFirst())"}"#
            )
        }
        defer { bridge.stop() }
        let exchange = CurlExchange()
        func request(_ path: String, _ body: String) throws -> HTTPRequest {
            HTTPRequest(
                method: .post,
                url: try #require(URL(string: bridge.url(path))),
                headers: [("Content-Type", "application/json"), ("X-Mot", "1")],
                body: Data(body.utf8)
            )
        }
        var changed = exchange.prepare(try request("/a", #"{"text":"một"}"#))
        changed.body = Data(#"{"text":"hai"}"#.utf8)
        changed.headers.append(("X-Hai", "2"))
        let prepared = exchange.prepare(try request("/b", #"{"text":"ba"}"#))
        let plain = try request("/c", #"{"text":"bốn"}"#)
        var answers: [Int: HTTPResponse] = [:]
        try exchange.exchange([changed, prepared, plain], concurrency: 2) { step in
            for (index, response) in step.finished { answers[index] = response }
        }

        let received = Dictionary(uniqueKeysWithValues: bridge.received.map { ($0.path, $0) })
        #expect(received.keys.sorted() == ["/a", "/b", "/c"])
        #expect(received["/a"].map { String(decoding: $0.body, as: UTF8.self) } == #"{"text":"hai"}"#)
        #expect(received["/a"]?.headers["x-hai"] == "2")
        #expect(received["/b"].map { String(decoding: $0.body, as: UTF8.self) } == #"{"text":"ba"}"#)
        #expect(received["/b"]?.headers["x-hai"] == nil)
        #expect(received["/c"].map { String(decoding: $0.body, as: UTF8.self) } == #"{"text":"bốn"}"#)
        #expect(received.values.allSatisfy { $0.headers["x-mot"] == "1" && $0.headers["expect"] == nil })
        for (index, path) in ["a", "b", "c"].enumerated() {
            let answer = try #require(answers[index])
            #expect(answer.status == 201)
            #expect(answer.header("x-ghi-chu") == "Đoàn viên phường An Hòa")
            #expect(answer.header("content-type") == "application/json")
            #expect(String(decoding: answer.body, as: UTF8.self) == #"{"id":"\#(path)"}"#)
        }
    }
}
