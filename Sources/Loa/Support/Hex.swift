/// Lower-case hexadecimal text of bytes: delivery ids, variant ids, content hashes and destinations.
enum Hex {
    /// The hexadecimal digits of some bytes, two per byte.
    static func string(_ bytes: some Sequence<UInt8>) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            result.append(digits[Int(byte >> 4)])
            result.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// `0123456789abcdef` as bytes, for writers that lay digits into a buffer of their own.
    static let digits = Array("0123456789abcdef".utf8)
}
