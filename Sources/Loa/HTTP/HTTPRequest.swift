import Foundation

/// One HTTP request for the transfer engine, with the group whose concurrency it counts against.
public struct HTTPRequest: Sendable {
    public enum Method: String, Sendable {
        case get = "GET"
        case post = "POST"
    }

    // What was prepared ahead of time goes stale when what it was made of changes.
    public var method: Method { didSet { prepared = nil } }
    public var url: URL { didSet { prepared = nil } }
    /// Header lines in order. Values are sent as given; callers keep secrets out of anything they log.
    public var headers: [(name: String, value: String)] { didSet { prepared = nil } }
    public var body: Data { didSet { prepared = nil } }
    /// The deadline of the whole exchange, in seconds.
    public var timeout: TimeInterval
    /// Requests in one group share its concurrency limit (Loa uses the channel id).
    public var group: String
    /// At most this many requests of the group in flight at once.
    public var groupLimit: Int
    /// What an exchange made of this request ahead of time (``HTTPExchange/prepare(_:)``), for it alone to read;
    /// nil again once the method, address, headers or body change.
    var prepared: (any AnyObject & Sendable)?

    public init(
        method: Method,
        url: URL,
        headers: [(name: String, value: String)] = [],
        body: Data = Data(),
        timeout: TimeInterval = 15,
        group: String = "",
        groupLimit: Int = .max
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.group = group
        self.groupLimit = groupLimit
    }
}

/// What came back for one request: a status with headers and body, or a transport error.
public struct HTTPResponse: Sendable {
    /// The HTTP status, or 0 when no response arrived.
    public var status: Int
    /// The header lines of the final response, in order.
    public var headers: [(name: String, value: String)] {
        get { parsedHeaders ?? Self.headers(fromBlock: headerBlock) }
        set {
            parsedHeaders = newValue
            headerBlock = []
        }
    }
    private var parsedHeaders: [(name: String, value: String)]?
    /// The header lines as they came (`Name: value\r\n` each), split only when `headers` is read: the transfer
    /// thread keeps the bytes and the thread that records the answer reads them.
    private var headerBlock: [UInt8] = []
    /// The body, cut at ``HTTPResponse/bodyLimit`` bytes.
    public var body: Data
    /// Set when no complete response arrived.
    public var error: TransportError?
    /// From the request leaving to the response (or error) arriving.
    public var duration: TimeInterval

    /// Bodies longer than this are cut when stored.
    public static let bodyLimit = 64 * 1024

    public init(
        status: Int,
        headers: [(name: String, value: String)] = [],
        body: Data = Data(),
        error: TransportError? = nil,
        duration: TimeInterval = 0
    ) {
        self.status = status
        self.parsedHeaders = headers
        self.body = body
        self.error = error
        self.duration = duration
    }

    /// A response whose headers are the lines of `headerBlock`, split when read.
    init(status: Int, headerBlock: [UInt8], body: Data, duration: TimeInterval) {
        self.status = status
        self.headerBlock = headerBlock
        self.body = body
        self.duration = duration
    }

    /// The header lines as they came, when they were not set as pairs; read by whoever records the answer.
    var headerLines: [UInt8]? { parsedHeaders == nil ? headerBlock : nil }

    /// The `(name, value)` pairs of header lines, each trimmed of spaces, tabs and line ends; lines without a
    /// colon are left out.
    static func headers(fromBlock block: [UInt8]) -> [(name: String, value: String)] {
        block.withUnsafeBufferPointer { bytes in
            var headers: [(name: String, value: String)] = []
            forEachHeader(in: bytes) { name, value in
                headers.append(
                    (
                        String(decoding: UnsafeBufferPointer(rebasing: bytes[name]), as: UTF8.self),
                        String(decoding: UnsafeBufferPointer(rebasing: bytes[value]), as: UTF8.self)
                    )
                )
            }
            return headers
        }
    }

    /// Calls `body` with the name and value of each header line in `bytes` (`Name: value`, lines ending in
    /// `\n`), as positions trimmed of spaces, tabs and line ends; lines without a colon are left out.
    static func forEachHeader(
        in bytes: UnsafeBufferPointer<UInt8>,
        _ body: (_ name: Range<Int>, _ value: Range<Int>) -> Void
    ) {
        func trimmed(_ lower: Int, _ upper: Int) -> Range<Int> {
            var lower = lower
            var upper = upper
            while lower < upper, [9, 10, 13, 32].contains(bytes[lower]) { lower += 1 }
            while upper > lower, [9, 10, 13, 32].contains(bytes[upper - 1]) { upper -= 1 }
            return lower..<upper
        }
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? bytes.count
            if let colon = bytes[start..<end].firstIndex(of: UInt8(ascii: ":")) {
                body(trimmed(start, colon), trimmed(colon + 1, end))
            }
            start = end
        }
    }

    /// The first header with this name, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// Why a request got no response.
public struct TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A class a person can act on, stored in the archive.
    public enum Kind: String, Sendable, Hashable, Codable {
        case timeout
        case connection
        case dns
        case tls
        case protocolError = "protocol"
        case other
    }

    public var kind: Kind
    public var message: String
    /// False only when the request certainly never reached the server (its name did not resolve, or the
    /// connection was refused or never made): a publish is then safe to send again.
    public var requestMayHaveLeft: Bool

    public init(_ kind: Kind, _ message: String, requestMayHaveLeft: Bool = true) {
        self.kind = kind
        self.message = message
        self.requestMayHaveLeft = requestMayHaveLeft
    }

    public var description: String { "\(kind.rawValue): \(message)" }
}

/// One turn of an exchange: requests that finished since the last turn, and requests about to go out.
///
/// The engine calls its delegate with each step before the requests in `starting` are sent, so that a caller
/// can record them as started first: a crash between the record and the send loses nothing. The delegate may
/// record them on another thread and return a `StartGate`; the requests then wait until it opens.
public struct ExchangeStep: Sendable {
    public var finished: [(index: Int, response: HTTPResponse)]
    public var starting: [Int]
}

/// What the transfer engine needs to know of a request before building it: the group it counts against.
public struct HTTPJob: Sendable {
    public var group: String
    public var groupLimit: Int

    public init(group: String, groupLimit: Int) {
        self.group = group
        self.groupLimit = groupLimit
    }
}

/// Sends many HTTP requests at once; the seam between delivery and the network.
public protocol HTTPExchange: Sendable {
    /// Sends one request per job, with at most `concurrency` in flight overall and each group within its limit,
    /// calling `step` on the calling thread before requests start and after they finish, until all have finished.
    ///
    /// A request is built by `request` only when it is about to start, so a signature's timestamp is the time
    /// of sending and a large fan-out does not hold every body in memory at once. `step` returns nil when the
    /// starts are recorded when it returns, or a gate that opens when they are. Blocks the calling thread: call
    /// it from a thread of its own, not the cooperative pool.
    func exchange(
        _ jobs: [HTTPJob],
        concurrency: Int,
        request: (Int) throws -> HTTPRequest,
        step: (ExchangeStep) throws -> StartGate?
    ) throws

    /// Does for `request`, on the calling thread, the work the exchange would otherwise do when it starts the
    /// request on its own (busier) thread. The request sent is the same either way.
    func prepare(_ request: HTTPRequest) -> HTTPRequest
}

extension HTTPExchange {
    public func prepare(_ request: HTTPRequest) -> HTTPRequest { request }

    /// Sends requests built beforehand; `step` records what it must before it returns.
    public func exchange(
        _ requests: [HTTPRequest],
        concurrency: Int,
        step: (ExchangeStep) throws -> Void
    ) throws {
        try exchange(
            requests.map { HTTPJob(group: $0.group, groupLimit: $0.groupLimit) },
            concurrency: concurrency,
            request: { requests[$0] },
            step: {
                try step($0)
                return nil
            }
        )
    }
}
