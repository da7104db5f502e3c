import Foundation

/// The JSON a fan-out reads and writes per delivery, by hand: a bridge's answer, response headers for the archive,
/// and string literals spliced into request bodies. Each runs thousands of times a run, where Foundation's JSON
/// classes and string concatenation cost more than the work itself.
extension WebhookDelivery {
    /// The remote post's id and address from a bridge's JSON answer, when it gives them.
    static func remote(from body: Data) -> (id: String?, url: String?) {
        if let flat = flatFields(body) {
            return (flat.id.flatMap { $0.isEmpty ? nil : $0 }, flat.url.flatMap { $0.isEmpty ? nil : $0 })
        }
        return remoteByFoundation(from: body)
    }

    /// `remote(from:)` for any JSON, through `JSONSerialization`.
    static func remoteByFoundation(from body: Data) -> (id: String?, url: String?) {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return (nil, nil) }
        func text(_ key: String) -> String? {
            switch object[key] {
            case let value as String: value.isEmpty ? nil : value
            case let value as NSNumber: value.stringValue
            default: nil
            }
        }
        return (text("id"), text("url"))
    }

    /// `id` and `url` of a flat JSON object whose values are plain strings (no escapes) or integers, as most
    /// bridges answer, read without Foundation; nil for anything else, which `JSONSerialization` then reads.
    static func flatFields(_ body: Data) -> (id: String?, url: String?)? {
        body.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> (id: String?, url: String?)? in
            var position = 0
            func skipSpace() {
                while position < bytes.count, [9, 10, 13, 32].contains(bytes[position]) { position += 1 }
            }
            func take(_ byte: UInt8) -> Bool {
                skipSpace()
                guard position < bytes.count, bytes[position] == byte else { return false }
                position += 1
                return true
            }
            /// A string without escapes, or an integer, as its text.
            func scalar() -> String? {
                skipSpace()
                guard position < bytes.count else { return nil }
                let start = position
                if bytes[position] == 34 {
                    position += 1
                    while position < bytes.count, bytes[position] != 34 {
                        guard bytes[position] != 92, bytes[position] >= 0x20 else { return nil }
                        position += 1
                    }
                    guard position < bytes.count else { return nil }
                    position += 1
                    return String(
                        decoding: UnsafeRawBufferPointer(rebasing: bytes[(start + 1)..<(position - 1)]),
                        as: UTF8.self
                    )
                }
                if bytes[position] == 45 { position += 1 }
                let digits = position
                while position < bytes.count, (48...57).contains(bytes[position]) { position += 1 }
                guard position > digits, position - digits < 19 else { return nil }
                return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            }
            guard take(123) else { return nil }
            var fields: (id: String?, url: String?) = (nil, nil)
            if take(125) {
                skipSpace()
                return position == bytes.count ? fields : nil
            }
            repeat {
                skipSpace()
                guard position < bytes.count, bytes[position] == 34, let key = scalar(), take(58),
                    let value = scalar()
                else { return nil }
                if key == "id" { fields.id = value }
                if key == "url" { fields.url = value }
            } while take(44)
            guard take(125) else { return nil }
            skipSpace()
            return position == bytes.count ? fields : nil
        }
    }

    /// Response headers as one JSON object, names in lower case, repeated headers joined with ", ".
    ///
    /// Written byte by byte into one buffer, with no other allocation: it runs once per answer, and building it
    /// from strings made it the largest part of recording one.
    static func headersJSON(_ headers: [(name: String, value: String)]) -> String? {
        guard !headers.isEmpty else { return nil }
        func lower(_ byte: UInt8) -> UInt8 { (65...90).contains(byte) ? byte + 32 : byte }
        func sameName(_ one: String, _ other: String) -> Bool {
            one.utf8.count == other.utf8.count && zip(one.utf8, other.utf8).allSatisfy { lower($0) == lower($1) }
        }
        var json: [UInt8] = []
        json.reserveCapacity(headers.reduce(2) { $0 + $1.name.utf8.count + $1.value.utf8.count + 8 })
        json.append(UInt8(ascii: "{"))
        for (position, header) in headers.enumerated() {
            // A repeated header was written with the first of its name.
            if headers[..<position].contains(where: { sameName($0.name, header.name) }) { continue }
            if json.count > 1 { json.append(UInt8(ascii: ",")) }
            appendJSONString(String(decoding: header.name.utf8.map(lower), as: UTF8.self), to: &json)
            json.append(UInt8(ascii: ":"))
            json.append(34)
            appendEscaped(header.value, to: &json)
            for later in headers[(position + 1)...] where sameName(later.name, header.name) {
                json += ", ".utf8
                appendEscaped(later.value, to: &json)
            }
            json.append(34)
        }
        json.append(UInt8(ascii: "}"))
        return String(decoding: json, as: UTF8.self)
    }

    /// An answer's headers as ``headersJSON(_:)`` writes them, each value masked by `redact`.
    ///
    /// Header lines that came as bytes are read in one pass, straight into the JSON: splitting them into strings
    /// first, then masking and writing those, was most of the cost of working out an answer.
    static func headersJSON(_ response: HTTPResponse, redact: Redactor) -> String? {
        guard let block = response.headerLines else {
            return headersJSON(response.headers.map { ($0.name, redact($0.value)) })
        }
        return block.withUnsafeBufferPointer { bytes -> String? in
            var fields: [(name: Range<Int>, value: Range<Int>)] = []
            HTTPResponse.forEachHeader(in: bytes) { fields.append(($0, $1)) }
            guard !fields.isEmpty else { return nil }
            func lower(_ byte: UInt8) -> UInt8 { (65...90).contains(byte) ? byte + 32 : byte }
            func sameName(_ one: Range<Int>, _ other: Range<Int>) -> Bool {
                one.count == other.count && zip(one, other).allSatisfy { lower(bytes[$0]) == lower(bytes[$1]) }
            }
            var json: [UInt8] = []
            json.reserveCapacity(bytes.count + 16)
            func appendValue(_ range: Range<Int>) {
                let value = UnsafeBufferPointer(rebasing: bytes[range])
                if redact.finds(UnsafeRawBufferPointer(value)) {
                    appendEscaped(redact(String(decoding: value, as: UTF8.self)), to: &json)
                } else {
                    appendEscaped(value, to: &json)
                }
            }
            json.append(UInt8(ascii: "{"))
            for (position, field) in fields.enumerated() {
                // A repeated header was written with the first of its name.
                if fields[..<position].contains(where: { sameName($0.name, field.name) }) { continue }
                if json.count > 1 { json.append(UInt8(ascii: ",")) }
                let nameStart = json.count
                appendJSONString(UnsafeBufferPointer(rebasing: bytes[field.name]), to: &json)
                // Escapes add no capital letter, so lowering the escaped name is escaping the lowered one.
                for offset in nameStart..<json.count { json[offset] = lower(json[offset]) }
                json.append(UInt8(ascii: ":"))
                json.append(34)
                appendValue(field.value)
                for later in fields[(position + 1)...] where sameName(later.name, field.name) {
                    json += ", ".utf8
                    appendValue(later.value)
                }
                json.append(34)
            }
            json.append(UInt8(ascii: "}"))
            return String(decoding: json, as: UTF8.self)
        }
    }

    /// A JSON array of strings, as SQL's `json_each` reads a list.
    static func jsonArray(_ values: some Sequence<String>) -> String {
        var json: [UInt8] = [UInt8(ascii: "[")]
        for value in values {
            if json.count > 1 { json.append(UInt8(ascii: ",")) }
            var value = value
            value.withUTF8 { appendJSONString($0, to: &json) }
        }
        json.append(UInt8(ascii: "]"))
        return String(decoding: json, as: UTF8.self)
    }

    /// A JSON string literal, escaping only what JSON requires (quotes, backslashes, control characters).
    static func jsonString(_ text: String) -> String {
        var text = text
        return text.withUTF8 { source in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(source.count + 16)
            appendJSONString(source, to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Appends `text` as a JSON string literal.
    static func appendJSONString(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendJSONString($0, to: &bytes) }
    }

    /// Appends the UTF-8 text `source` as a JSON string literal.
    static func appendJSONString(_ source: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
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
