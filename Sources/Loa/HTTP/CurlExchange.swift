import CCurl
import Foundation

/// Sends requests with libcurl's multi interface: many transfers in flight on one thread, connections reused.
///
/// libcurl rather than URLSession: on Linux, URLSession ignored request deadlines and cost an order of magnitude
/// more CPU per request (the figures are in bench/README.md, "Why libcurl").
/// libcurl honours `http_proxy`, `https_proxy` and `no_proxy` from the environment and uses the system's CA
/// store. Redirects are not followed: a 3xx comes back as it is.
public struct CurlExchange: HTTPExchange {
    public let userAgent: String

    public init(userAgent: String = "loa/\(LoaVersion.current)") {
        self.userAgent = userAgent
        _ = Self.globalInit
    }

    /// libcurl's global set-up, once per process, before any thread uses it.
    private static let globalInit: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    public func exchange(
        _ jobs: [HTTPJob],
        concurrency: Int,
        request: (Int) throws -> HTTPRequest,
        step: (ExchangeStep) throws -> StartGate?
    ) throws {
        guard !jobs.isEmpty else { return }
        guard let multi = curl_multi_init() else { throw TransportError(.other, "libcurl could not start") }
        var session = Session(multi: multi, jobs: jobs, concurrency: max(1, concurrency), userAgent: userAgent)
        defer {
            Profile.note(
                "transfers waited for recorded starts \(session.gateWaits) times, "
                    + "\(session.gateWaitNanoseconds / 1_000_000) ms"
            )
            session.close()
        }
        try session.run(request: request, step: step)
    }

    /// Puts the request's address, header lines and body in libcurl's form, so that starting it takes only
    /// `curl_easy_setopt` calls.
    public func prepare(_ request: HTTPRequest) -> HTTPRequest {
        var prepared = request
        prepared.prepared = CurlRequestParts(request)
        return prepared
    }
}

/// The state of one exchange: the requests per group waiting to be recorded, those being recorded, those recorded
/// and ready to start, the transfers in flight, the idle handles.
///
/// Starts are recorded in batches (a step with many `starting` indices) up to three batches ahead of the
/// transfers, and finished transfers are handed back in batches, so a fan-out of thousands costs a few dozen
/// transactions rather than one per request; every request is still recorded as started before it leaves. When a
/// step records on another thread (it returns a `StartGate`), the transfers go on meanwhile and the gate wakes the
/// loop.
private struct Session {
    let multi: UnsafeMutableRawPointer
    let concurrency: Int
    let userAgent: String
    private var waiting: GroupQueues
    private var recording: [(indices: [Int], gate: StartGate)] = []
    private var recordingCount = 0
    private var ready: GroupQueues
    /// Each job's group, numbered from 0 in the order groups first appear; the counts and limits are by number.
    private let groupOf: [Int]
    private var inFlightByGroup: [Int]
    private var inFlight = 0
    private var limits: [Int]
    private var idleHandles: [UnsafeMutableRawPointer] = []
    private var finished: [(index: Int, response: HTTPResponse)] = []
    private var lastFlush = DispatchTime.now()
    private let waker: Waker
    /// How often, and how long in all, the transfers waited for starts to be recorded.
    private(set) var gateWaits = 0
    private(set) var gateWaitNanoseconds: UInt64 = 0

    /// How many starts one step records at most.
    private var batchSize: Int { max(256, concurrency * 8) }
    /// How many batches may be recorded, or being recorded, ahead of the transfers.
    private static let batchesAhead = 3
    /// How many finished transfers, or how long, before they are handed back without a start to record.
    private static let flushCount = 256
    private static let flushNanoseconds: UInt64 = 250_000_000

    init(multi: UnsafeMutableRawPointer, jobs: [HTTPJob], concurrency: Int, userAgent: String) {
        self.multi = multi
        self.concurrency = concurrency
        self.userAgent = userAgent
        waker = Waker(multi: multi)
        var numbers: [String: Int] = [:]
        var limits: [Int] = []
        let groupOf = jobs.map { job in
            if let number = numbers[job.group] { return number }
            numbers[job.group] = limits.count
            limits.append(max(1, job.groupLimit))
            return limits.count - 1
        }
        self.groupOf = groupOf
        self.limits = limits
        inFlightByGroup = Array(repeating: 0, count: limits.count)
        waiting = GroupQueues(groups: limits.count, groupOf.enumerated().map { ($1, $0) })
        ready = GroupQueues(groups: limits.count, [])
        _ = loa_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, concurrency + 4)
    }

    mutating func run(request: (Int) throws -> HTTPRequest, step: (ExchangeStep) throws -> StartGate?) throws {
        while true {
            try admitRecorded()
            // Batches are recorded ahead of the transfers (a recorder that is busy writing answers may take a while),
            // and at once when nothing recorded can start.
            var batch: [Int] = []
            if !waiting.isEmpty,
                ready.count + recordingCount < Self.batchesAhead * batchSize
                    || (recording.isEmpty && inFlight < concurrency && !canStartReady())
            {
                batch = waiting.take(batchSize) { _ in true }
            }
            let idle = inFlight == 0 && ready.isEmpty && batch.isEmpty
            let due =
                finished.count >= Self.flushCount
                || DispatchTime.now().uptimeNanoseconds - lastFlush.uptimeNanoseconds >= Self.flushNanoseconds
            if !batch.isEmpty || (!finished.isEmpty && (idle || due)) {
                let done = finished
                finished = []
                lastFlush = DispatchTime.now()
                let gate = try step(ExchangeStep(finished: done, starting: batch))
                if !batch.isEmpty {
                    if let gate {
                        recording.append((batch, gate))
                        recordingCount += batch.count
                        gate.whenOpen(waker.wake)
                        try admitRecorded()
                    } else {
                        ready.append(batch.map { (groupOf[$0], $0) })
                    }
                }
            }
            let starting = ready.take(concurrency - inFlight) { group in
                // Counted as in flight when taken, so that a group's limit holds within one take.
                guard inFlightByGroup[group] < limits[group] else { return false }
                inFlightByGroup[group] += 1
                return true
            }
            for index in starting {
                inFlight += 1
                try start(index, try request(index))
            }
            if inFlight == 0 && finished.isEmpty && ready.isEmpty {
                if let pending = recording.first {
                    // Nothing to send until the recorder is done.
                    let started = DispatchTime.now().uptimeNanoseconds
                    try pending.gate.wait()
                    gateWaits += 1
                    gateWaitNanoseconds += DispatchTime.now().uptimeNanoseconds - started
                    continue
                }
                if waiting.isEmpty { return }
            }
            var running: Int32 = 0
            curl_multi_perform(multi, &running)
            collectFinished()
            // Wait for the network unless a transfer that just finished left room for one ready to start.
            if inFlight > 0 && !(inFlight < concurrency && !ready.isEmpty && canStartReady()) {
                curl_multi_poll(multi, nil, 0, 100, nil)
                curl_multi_perform(multi, &running)
                collectFinished()
            }
        }
    }

    /// Moves the batches whose starts are recorded, in order, to those ready to start.
    private mutating func admitRecorded() throws {
        while let first = recording.first, try first.gate.isOpen() {
            recording.removeFirst()
            recordingCount -= first.indices.count
            ready.append(first.indices.map { (groupOf[$0], $0) })
        }
    }

    /// Whether a recorded request could start now.
    private func canStartReady() -> Bool {
        ready.groups.contains { inFlightByGroup[$0] < limits[$0] }
    }

    private mutating func start(_ index: Int, _ request: HTTPRequest) throws {
        let handle: UnsafeMutableRawPointer
        if let idle = idleHandles.popLast() {
            handle = idle
        } else {
            // What every transfer shares is set once per handle; a handle is reused without a reset, so each
            // transfer sets everything else of its own below.
            guard let fresh = curl_easy_init() else {
                throw TransportError(.other, "libcurl could not create a transfer")
            }
            handle = fresh
            _ = loa_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
            _ = loa_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
            _ = loa_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0)
            _ = loa_easy_setopt_string(handle, CURLOPT_USERAGENT, userAgent)
            _ = loa_easy_setopt_callback(handle, CURLOPT_WRITEFUNCTION, receiveBody)
            _ = loa_easy_setopt_callback(handle, CURLOPT_HEADERFUNCTION, receiveHeader)
        }
        let parts = request.prepared as? CurlRequestParts ?? CurlRequestParts(request)
        let transfer = Transfer(index: index, group: groupOf[index], parts: parts)
        let context = Unmanaged.passRetained(transfer).toOpaque()
        _ = loa_easy_setopt_string(handle, CURLOPT_URL, parts.url)
        // loa.yml bounds `timeout`; the clamp keeps any other caller's deadline from trapping the conversion.
        let deadline = request.timeout.isFinite ? min(max(request.timeout, 0), DurationText.longest) : 15
        _ = loa_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, max(1, Int(deadline * 1000)))
        _ = loa_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, max(1, Int(min(deadline, 10) * 1000)))
        _ = loa_easy_setopt_pointer(handle, CURLOPT_PRIVATE, context)
        _ = loa_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, context)
        _ = loa_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, context)
        _ = loa_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, transfer.errorBuffer)
        switch request.method {
        case .get:
            _ = loa_easy_setopt_long(handle, CURLOPT_HTTPGET, 1)
        case .post:
            _ = loa_easy_setopt_long(handle, CURLOPT_POST, 1)
            _ = loa_easy_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count))
            // Read in place: the transfer keeps the parts alive until it is done.
            _ = loa_easy_setopt_pointer(
                handle,
                CURLOPT_POSTFIELDS,
                UnsafeMutableRawPointer(mutating: parts.body.baseAddress)
            )
        }
        _ = loa_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, parts.headerList)
        transfer.started = DispatchTime.now()
        curl_multi_add_handle(multi, handle)
    }

    private mutating func collectFinished() {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            guard loa_message_is_done(message) != 0, let handle = loa_message_easy(message) else { continue }
            let result = loa_message_result(message)
            var context: UnsafeMutableRawPointer?
            _ = loa_easy_getinfo_pointer(handle, CURLINFO_PRIVATE, &context)
            guard let context else { continue }
            let transfer = Unmanaged<Transfer>.fromOpaque(context).takeRetainedValue()
            var status = 0
            _ = loa_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - transfer.started.uptimeNanoseconds) / 1e9
            var response = HTTPResponse(
                status: status,
                headerBlock: transfer.headerBlock,
                body: transfer.body,
                duration: elapsed
            )
            if result != CURLE_OK {
                response.error = Self.transportError(
                    result,
                    detail: String(cString: transfer.errorBuffer),
                    answerStarted: status > 0
                )
                // A status without a complete response cannot be trusted.
                response.status = 0
            }
            curl_multi_remove_handle(multi, handle)
            // Nothing of this transfer's may be reached through the handle once it is idle; its parts are freed
            // with it.
            _ = loa_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, nil)
            _ = loa_easy_setopt_pointer(handle, CURLOPT_POSTFIELDS, nil)
            _ = loa_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, nil)
            _ = loa_easy_setopt_pointer(handle, CURLOPT_PRIVATE, nil)
            idleHandles.append(handle)
            inFlight -= 1
            inFlightByGroup[transfer.group] -= 1
            finished.append((transfer.index, response))
        }
    }

    mutating func close() {
        // A gate that opens from now on must not wake a freed handle.
        waker.invalidate()
        // Transfers still in flight (after a thrown error) are abandoned with their handles.
        for handle in idleHandles { curl_easy_cleanup(handle) }
        idleHandles = []
        curl_multi_cleanup(multi)
    }

    /// The error of a failed transfer; `answerStarted` when the answer's status line had arrived.
    static func transportError(_ code: CURLcode, detail: String, answerStarted: Bool = false) -> TransportError {
        // libcurl refuses a header line over 100 KiB as "out of memory" (and a response's headers over 300 KiB as
        // a receive error), which would send a person looking for a memory problem on the machine. A status line
        // already read, then "out of memory", is such a header.
        if (code == CURLE_OUT_OF_MEMORY && answerStarted) || detail.contains("bytes header (max is")
            || detail.contains("Too large response headers")
        {
            return TransportError(.protocolError, Message.curlHeadersTooLarge() + (detail.isEmpty ? "" : ": \(detail)"))
        }
        let kind: TransportError.Kind
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            kind = .timeout
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            kind = .dns
        case CURLE_COULDNT_CONNECT, CURLE_GOT_NOTHING, CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_PARTIAL_FILE:
            kind = .connection
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ISSUER_ERROR,
            CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_SHUTDOWN_FAILED,
            CURLE_SSL_CRL_BADFILE:
            kind = .tls
        case CURLE_WEIRD_SERVER_REPLY, CURLE_HTTP2, CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT,
            CURLE_TOO_MANY_REDIRECTS:
            kind = .protocolError
        default:
            kind = .other
        }
        let summary = String(cString: curl_easy_strerror(code))
        // Before a connection is made nothing can have reached the server. libcurl reports a connect timeout as
        // an ordinary timeout, telling it apart only in its message.
        let neverLeft =
            code == CURLE_COULDNT_RESOLVE_HOST || code == CURLE_COULDNT_RESOLVE_PROXY || code == CURLE_COULDNT_CONNECT
            || (code == CURLE_OPERATION_TIMEDOUT && !answerStarted
                && (detail.hasPrefix("Connection timed out") || detail.hasPrefix("Failed to connect")
                    || detail.contains("Resolving timed out")))
        return TransportError(
            kind,
            detail.isEmpty || detail == summary ? summary : "\(summary): \(detail)",
            requestMayHaveLeft: !neverLeft
        )
    }
}

/// Request indices queued per group (numbered 0..<groups), taken round-robin across groups so that no group
/// starves the others.
private struct GroupQueues {
    private var queues: [ArraySlice<Int>]
    /// The groups with something queued, in the order they were first queued.
    private(set) var groups: [Int] = []
    private var next = 0

    init(groups: Int, _ items: [(group: Int, index: Int)]) {
        queues = Array(repeating: [], count: groups)
        append(items)
    }

    var isEmpty: Bool { count == 0 }
    /// How many indices are queued, over all groups.
    private(set) var count = 0

    mutating func append(_ items: [(group: Int, index: Int)]) {
        for (group, index) in items {
            // A group is in `groups` exactly while its queue holds something.
            if queues[group].isEmpty { groups.append(group) }
            queues[group].append(index)
            count += 1
        }
    }

    /// Up to `limit` indices, one group at a time in turn, from groups that `admits` (asked once per index).
    mutating func take(_ limit: Int, admits: (Int) -> Bool) -> [Int] {
        var taken: [Int] = []
        var refused = 0
        while taken.count < limit, count > 0, refused < groups.count {
            let group = groups[next % groups.count]
            next += 1
            guard let index = queues[group].first, admits(group) else {
                refused += 1
                continue
            }
            refused = 0
            taken.append(index)
            count -= 1
            queues[group].removeFirst()
            if queues[group].isEmpty {
                // A fresh slice, so that the emptied one's storage is let go.
                queues[group] = []
                if let position = groups.firstIndex(of: group) {
                    groups.remove(at: position)
                    if position < next % max(groups.count + 1, 1) { next -= 1 }
                }
            }
        }
        return taken
    }
}

/// Wakes the exchange's `curl_multi_poll` from another thread, until the exchange ends.
private final class Waker: @unchecked Sendable {
    private let lock = NSLock()
    private var multi: UnsafeMutableRawPointer?

    init(multi: UnsafeMutableRawPointer) {
        self.multi = multi
    }

    @Sendable func wake() {
        lock.withLock {
            if let multi { _ = curl_multi_wakeup(multi) }
        }
    }

    func invalidate() {
        lock.withLock { multi = nil }
    }
}

/// What one transfer has received so far; libcurl's callbacks reach it through an unmanaged pointer.
private final class Transfer {
    let index: Int
    let group: Int
    let parts: CurlRequestParts
    /// The header lines as received, split by whoever reads the response's `headers`.
    var headerBlock: [UInt8] = []
    var body = Data()
    var started = DispatchTime.now()
    let errorBuffer: UnsafeMutablePointer<CChar>

    init(index: Int, group: Int, parts: CurlRequestParts) {
        self.index = index
        self.group = group
        self.parts = parts
        // Room for a typical answer's headers, so that appending them does not grow the buffer again and again.
        headerBlock.reserveCapacity(256)
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        errorBuffer.deallocate()
    }
}

private let receiveBody: loa_curl_data_callback = { data, size, count, context in
    let length = size * count
    guard let data, let context else { return length }
    let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
    let room = HTTPResponse.bodyLimit - transfer.body.count
    if room > 0 {
        data.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
            transfer.body.append(bytes, count: min(room, length))
        }
    }
    return length
}

private let receiveHeader: loa_curl_data_callback = { data, size, count, context in
    let length = size * count
    guard let data, let context else { return length }
    let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
    data.withMemoryRebound(to: UInt8.self, capacity: length) { pointer in
        let bytes = UnsafeBufferPointer(start: pointer, count: length)
        // A new response (after a 100 Continue, say) starts its headers afresh; its status line is not a header.
        if bytes.starts(with: "HTTP/".utf8) {
            transfer.headerBlock.removeAll(keepingCapacity: true)
        } else if transfer.headerBlock.count < HTTPResponse.bodyLimit {
            transfer.headerBlock.append(contentsOf: bytes)
        }
    }
    return length
}
