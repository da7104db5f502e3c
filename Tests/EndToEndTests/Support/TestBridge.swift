import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A bridge for tests: a real HTTP/1.1 server on 127.0.0.1 whose answers a test scripts, fault by fault.
///
/// It is written on plain sockets so that a test controls what no framework would do on purpose: answer late,
/// or close the connection without a word. Every request it reads is kept for the test to inspect.
final class TestBridge: @unchecked Sendable {
    struct Request: Sendable {
        var method: String
        var path: String
        /// Header names in lower case.
        var headers: [String: String]
        var body: Data
        var receivedAt: Date

        var json: [String: Any]? { try? JSONSerialization.jsonObject(with: body) as? [String: Any] }
    }

    indirect enum Answer: Sendable {
        case respond(status: Int, headers: [String: String] = [:], body: String = "")
        /// These bytes exactly, status line and headers included, for what no well-behaved server would send.
        case raw(String)
        case delay(TimeInterval, Answer)
        /// Close the connection without sending anything.
        case hangUp

        static func ok(id: String) -> Answer {
            .respond(
                status: 200,
                headers: ["Content-Type": "application/json"],
                body: #"{"id":"\#(id)","url":"https://bridge.test/p/\#(id)"}"#
            )
        }
    }

    /// Decides each answer from the request and how many requests came before it.
    typealias Script = @Sendable (Request, Int) -> Answer

    private let lock = NSLock()
    private var requests: [Request] = []
    private var listener: Int32 = -1
    private let script: Script
    private(set) var port = 0

    init(script: @escaping Script) throws {
        self.script = script
        listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(listener, 128) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    /// The address of a path on this bridge.
    func url(_ path: String = "/hook") -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Every request read so far.
    var received: [Request] {
        lock.withLock { requests }
    }

    func stop() {
        lock.withLock {
            if listener >= 0 {
                shutdown(listener, Int32(SHUT_RDWR))
                close(listener)
                listener = -1
            }
        }
    }

    private func acceptLoop() {
        while true {
            let socket = lock.withLock { listener }
            guard socket >= 0 else { return }
            let connection = accept(socket, nil, nil)
            guard connection >= 0 else { return }
            let thread = Thread { [self] in serve(connection) }
            thread.start()
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        guard let request = read(connection) else { return }
        let count = lock.withLock {
            requests.append(request)
            return requests.count - 1
        }
        var answer = script(request, count)
        while case .delay(let seconds, let next) = answer {
            Thread.sleep(forTimeInterval: seconds)
            answer = next
        }
        if case .raw(let text) = answer {
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            return
        }
        guard case .respond(let status, let headers, let body) = answer else { return }
        var head = "HTTP/1.1 \(status) Status\r\nConnection: close\r\nContent-Length: \(body.utf8.count)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        let bytes = Array((head + "\r\n" + body).utf8)
        _ = bytes.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    private func read(_ connection: Int32) -> Request? {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        var headerEnd: Range<Data.Index>?
        while headerEnd == nil {
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            data.append(contentsOf: buffer[0..<count])
            headerEnd = data.range(of: Data("\r\n\r\n".utf8))
        }
        guard let headerEnd else { return nil }
        let lines = String(decoding: data[..<headerEnd.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ")
        guard parts.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces
            )
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        var body = Data(data[headerEnd.upperBound...])
        while body.count < length {
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            body.append(contentsOf: buffer[0..<count])
        }
        return Request(
            method: String(parts[0]),
            path: String(parts[1]),
            headers: headers,
            body: body,
            receivedAt: Date()
        )
    }
}
