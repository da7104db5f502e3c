import CCurl
import Foundation

/// A request's address, header list and body as libcurl reads them, in one block of memory freed with the
/// object; kept alive by its transfer until the transfer is done, since libcurl reads the list and body while
/// sending. One allocation rather than one per header line: a fan-out makes thousands a second.
final class CurlRequestParts: @unchecked Sendable {
    private let storage: UnsafeMutableRawPointer
    /// The address, NUL-terminated.
    let url: UnsafePointer<CChar>
    /// The header lines (`Name: value`), then `Expect:` to keep libcurl from asking for 100-continue, which
    /// costs a round trip per post.
    let headerList: UnsafeMutablePointer<curl_slist>
    let body: UnsafeRawBufferPointer

    init(_ request: HTTPRequest) {
        let address = request.url.absoluteString
        let expect = "Expect:"
        let lines = request.headers.count + 1
        var textSize = address.utf8.count + 1 + expect.utf8.count + 1
        for (name, value) in request.headers { textSize += name.utf8.count + 2 + value.utf8.count + 1 }
        let nodes = lines * MemoryLayout<curl_slist>.stride
        storage = .allocate(byteCount: nodes + textSize + request.body.count, alignment: 16)
        var cursor = storage + nodes
        func put(_ text: String) {
            var text = text
            text.withUTF8 { bytes in
                guard let base = bytes.baseAddress else { return }
                cursor.copyMemory(from: base, byteCount: bytes.count)
                cursor += bytes.count
            }
        }
        func terminate() {
            cursor.storeBytes(of: 0, as: UInt8.self)
            cursor += 1
        }
        let list = storage.bindMemory(to: curl_slist.self, capacity: lines)
        func link(_ number: Int, _ line: UnsafeMutablePointer<CChar>) {
            (list + number).initialize(to: curl_slist(data: line, next: number + 1 < lines ? list + number + 1 : nil))
        }
        let urlStart = cursor.assumingMemoryBound(to: CChar.self)
        put(address)
        terminate()
        self.url = UnsafePointer(urlStart)
        for (number, (name, value)) in request.headers.enumerated() {
            let line = cursor.assumingMemoryBound(to: CChar.self)
            put(name)
            put(": ")
            put(value)
            terminate()
            link(number, line)
        }
        let line = cursor.assumingMemoryBound(to: CChar.self)
        put(expect)
        terminate()
        link(lines - 1, line)
        headerList = list
        body = UnsafeRawBufferPointer(start: cursor, count: request.body.count)
        request.body.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return }
            cursor.copyMemory(from: base, byteCount: bytes.count)
        }
    }

    deinit {
        storage.deallocate()
    }
}
