import Foundation

/// The `figures` column of `deliveries`: the latest value of each metric as a JSON object such as
/// `{"reactions":12,"views":480}`, kept by the archive as snapshots are recorded (see ``ArchiveSchema``).
enum FiguresColumn {
    /// Every figure in the column's text.
    static func figures(_ text: String?) -> [String: Int] {
        guard var text else { return [:] }
        return text.withUTF8 { figures(UnsafeRawBufferPointer($0)) }
    }

    /// Every figure in the column's bytes, read in place: a report reads this once a row.
    static func figures(_ bytes: UnsafeRawBufferPointer) -> [String: Int] {
        // Room for the usual four metrics at once: growing a dictionary a row was a tenth of an export.
        var figures = [String: Int](minimumCapacity: 4)
        if !scan(bytes, { name, value in figures[String(decoding: name, as: UTF8.self)] = value }) {
            figures = fallback(bytes)
        }
        return figures
    }

    /// Walks a flat JSON object of whole numbers, calling `found` for each name and value; false when the
    /// text is anything else (escaped names, other values), which the caller then hands to a full parser.
    private static func scan(
        _ bytes: UnsafeRawBufferPointer,
        _ found: (UnsafeRawBufferPointer, Int) -> Void
    ) -> Bool {
        var index = 0
        func skipSpace() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x09 {
                index += 1
            }
        }
        func expect(_ byte: UInt8) -> Bool {
            skipSpace()
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        guard expect(0x7B) else { return false }  // {
        if expect(0x7D) { return true }  // }
        while true {
            guard expect(0x22) else { return false }  // "
            let start = index
            while index < bytes.count, bytes[index] != 0x22 {
                if bytes[index] == 0x5C { return false }  // an escape: leave it to the full parser
                index += 1
            }
            guard index < bytes.count else { return false }
            let name = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
            index += 1
            guard expect(0x3A) else { return false }  // :
            skipSpace()
            var value = 0
            var digits = 0
            while index < bytes.count, (0x30...0x39).contains(bytes[index]), digits < 18 {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
                digits += 1
            }
            guard digits > 0 else { return false }
            found(name, value)
            if expect(0x2C) { continue }  // ,
            return expect(0x7D)
        }
    }

    private static func fallback(_ bytes: UnsafeRawBufferPointer) -> [String: Int] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { return [:] }
        return object.compactMapValues { ($0 as? NSNumber)?.intValue }
    }
}
