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
        headerObject(
            count: headers.count,
            capacity: headers.reduce(2) { $0 + $1.name.utf8.count + $1.value.utf8.count + 8 },
            sameName: { one, other in
                sameHeaderName(headers[one].name.utf8, headers[other].name.utf8)
            },
            appendName: { field, json in JSONText.appendString(headers[field].name, to: &json) },
            appendValue: { field, json in JSONText.appendEscaped(headers[field].value, to: &json) }
        )
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
            return headerObject(
                count: fields.count,
                capacity: bytes.count + 16,
                sameName: { one, other in
                    sameHeaderName(bytes[fields[one].name], bytes[fields[other].name])
                },
                appendName: { field, json in
                    JSONText.appendString(UnsafeBufferPointer(rebasing: bytes[fields[field].name]), to: &json)
                },
                appendValue: { field, json in
                    let value = UnsafeBufferPointer(rebasing: bytes[fields[field].value])
                    if redact.finds(UnsafeRawBufferPointer(value)) {
                        JSONText.appendEscaped(redact(String(decoding: value, as: UTF8.self)), to: &json)
                    } else {
                        JSONText.appendEscaped(value, to: &json)
                    }
                }
            )
        }
    }

    /// The JSON object of `count` header fields: each name (written by `appendName` as a string literal) in lower
    /// case, once, with the values of every field of that name (`sameName`) joined with ", "; nil for none.
    private static func headerObject(
        count: Int,
        capacity: Int,
        sameName: (Int, Int) -> Bool,
        appendName: (Int, inout [UInt8]) -> Void,
        appendValue: (Int, inout [UInt8]) -> Void
    ) -> String? {
        guard count > 0 else { return nil }
        var json: [UInt8] = []
        json.reserveCapacity(capacity)
        json.append(UInt8(ascii: "{"))
        for field in 0..<count {
            // A repeated header was written with the first of its name.
            if (0..<field).contains(where: { sameName($0, field) }) { continue }
            if json.count > 1 { json.append(UInt8(ascii: ",")) }
            let nameStart = json.count
            appendName(field, &json)
            // Escapes add no capital letter, so lowering the escaped name is escaping the lowered one.
            for offset in nameStart..<json.count { json[offset] = lowerASCII(json[offset]) }
            json.append(UInt8(ascii: ":"))
            json.append(34)
            appendValue(field, &json)
            for later in (field + 1)..<count where sameName(later, field) {
                json += ", ".utf8
                appendValue(later, &json)
            }
            json.append(34)
        }
        json.append(UInt8(ascii: "}"))
        return String(decoding: json, as: UTF8.self)
    }

    /// Whether two header names are the same, ASCII letters compared without case.
    private static func sameHeaderName<One: Collection<UInt8>, Other: Collection<UInt8>>(
        _ one: One,
        _ other: Other
    ) -> Bool {
        one.count == other.count && zip(one, other).allSatisfy { lowerASCII($0) == lowerASCII($1) }
    }

    private static func lowerASCII(_ byte: UInt8) -> UInt8 { (65...90).contains(byte) ? byte + 32 : byte }
}
