/// JSON text written by hand, for the hot paths and for SQL's JSON functions: strings and arrays of strings.
///
/// Shared by every stage that writes JSON (delivery payloads, the archive's journal, reports); `JSONEncoder`
/// serves the rest. Each byte-level writer here is tested against `JSONSerialization` in the unit tests.
enum JSONText {
    /// A JSON array of strings, as SQL's `json_each` reads a list.
    static func array(_ values: some Sequence<String>) -> String {
        var json: [UInt8] = [UInt8(ascii: "[")]
        for value in values {
            if json.count > 1 { json.append(UInt8(ascii: ",")) }
            var value = value
            value.withUTF8 { appendString($0, to: &json) }
        }
        json.append(UInt8(ascii: "]"))
        return String(decoding: json, as: UTF8.self)
    }

    /// A JSON string literal, escaping only what JSON requires (quotes, backslashes, control characters).
    static func string(_ text: String) -> String {
        var text = text
        return text.withUTF8 { source in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(source.count + 16)
            appendString(source, to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Appends `text` as a JSON string literal.
    static func appendString(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendString($0, to: &bytes) }
    }

    /// Appends the UTF-8 text `source` as a JSON string literal.
    static func appendString(_ source: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        bytes.append(34)
        appendEscaped(source, to: &bytes)
        bytes.append(34)
    }

    /// Appends `text` escaped for the inside of a JSON string literal.
    static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendEscaped($0, to: &bytes) }
    }

    /// Appends UTF-8 text escaped for the inside of a JSON string literal: the runs between escapes are copied
    /// whole, as most text has no byte to escape.
    static func appendEscaped(_ source: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        var runStart = 0
        for offset in source.indices {
            let byte = source[offset]
            guard byte < 0x20 || byte == 34 || byte == 92 else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<offset]))
            runStart = offset + 1
            switch byte {
            case 34, 92: bytes += [92, byte]
            case 10: bytes += [92, 110]
            case 13: bytes += [92, 114]
            case 9: bytes += [92, 116]
            default:
                let hex = Array("0123456789abcdef".utf8)
                bytes += [92, 117, 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<source.count]))
    }
}
