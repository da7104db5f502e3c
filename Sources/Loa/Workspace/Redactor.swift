import Foundation

/// Removes known secret values from text that comes from outside, before it is stored or printed.
///
/// A bridge may echo what it received (a debugging bridge often echoes the Authorization header), so a bridge's
/// answer is not trusted to be free of secrets: every channel's token and signing secret, and every value loa.yml
/// took from the environment or the credentials file, is masked in it. Each is masked in every form a bridge could
/// plausibly echo (``forms(of:)``): as written, the signing key's decoded bytes, their base64 and hex, each of those
/// percent-encoded as in an address, and with `/` escaped as some JSON encoders write it.
///
/// The one place a message, note or address that may hold a secret becomes text to store or print applies a
/// redactor: the answer's headers, body and error, the reason a delivery is where it is, the bridge's address.
public struct Redactor: Sendable {
    private let values: [String]
    /// The bytes of each value, searched for before anything is replaced.
    private let needles: [[UInt8]]
    /// A bit for the hash of each value's first three bytes (``startBit(_:_:_:)``): text with none of them holds no
    /// secret, which one pass over it tells, where a `memmem` per form (some twenty a channel) cost more.
    private let starts: [UInt64]
    /// The length of the shortest form: a text shorter than it holds none, and most header values and short
    /// answers are, so they are passed without a look at their bytes (a fan-out masks every answer).
    private let shortest: Int
    public static let mask = "••••••"

    /// A redactor for every secret and token of these channels, and every value their fields took from the
    /// environment or the credentials file.
    public init(channels: [Channel]) {
        self.init(secrets: channels.flatMap(\.secretValues))
    }

    /// A redactor for these secret values, each in every form of ``forms(of:)``.
    public init(secrets: [String]) {
        let forms = Set(secrets.filter { $0.utf8.count >= 4 }.flatMap(Self.forms(of:)))
        // Longest first, so a secret is masked whole before any part of it.
        values = forms.filter { $0.utf8.count >= 4 }.sorted { ($0.utf8.count, $0) > ($1.utf8.count, $1) }
        needles = values.map { Array($0.utf8) }
        var starts = [UInt64](repeating: 0, count: 128)
        for needle in needles {
            let bit = Self.startBit(needle[0], needle[1], needle[2])
            starts[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        self.starts = starts
        shortest = needles.map(\.count).min() ?? .max
    }

    /// One of 8,192 bits for three bytes, by Fibonacci hashing.
    private static func startBit(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Int {
        Int(((UInt32(first) << 16 | UInt32(second) << 8 | UInt32(third)) &* 2_654_435_761) >> 19)
    }

    /// Whether some secret may start in these bytes: false means none occurs in them.
    private func mayHold(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count >= shortest else { return false }
        for index in 0...(bytes.count - 4) {
            let bit = Self.startBit(bytes[index], bytes[index + 1], bytes[index + 2])
            if starts[bit >> 6] & (1 << UInt64(bit & 63)) != 0 { return true }
        }
        return false
    }

    /// The texts a bridge could echo for `secret`: the value; for a `whsec_` secret its base64 part; the bytes
    /// (a `whsec_` secret's key, or the value's UTF-8) in base64 (standard and URL-safe, with and without
    /// padding), in hex (both cases) and as text where they are printable; and each text percent-encoded (both
    /// cases of hex digits) and with `/` written `\/`.
    static func forms(of secret: String) -> Set<String> {
        var texts = [secret]
        // The bytes a bridge could encode: a signing secret's key (the bridge never needs its `whsec_` text as
        // bytes), else the value's own.
        var raw = [Data(secret.utf8)]
        if secret.hasPrefix("whsec_") {
            let encoded = String(secret.dropFirst(6))
            texts.append(encoded)
            if let key = Data(base64Encoded: encoded) { raw = [key] }
        }
        for bytes in raw {
            let base64 = bytes.base64EncodedString()
            let urlSafe = base64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            let unpadded = { (text: String) in String(text.reversed().drop { $0 == "=" }.reversed()) }
            let hex = Hex.string(bytes)
            texts += [base64, unpadded(base64), urlSafe, unpadded(urlSafe), hex, hex.uppercased()]
            if let text = String(validating: bytes, as: UTF8.self),
                !text.unicodeScalars.contains(where: VisibleText.needsEscape)
            {
                texts.append(text)
            }
        }
        var forms: Set<String> = []
        for text in texts {
            forms.insert(text)
            forms.insert(text.replacingOccurrences(of: "/", with: "\\/"))
            for encoded in Self.percentEncoded(text) { forms.insert(encoded) }
        }
        return forms
    }

    /// `text` percent-encoded as a URL's query or path encodes it (all but letters, digits and `-._~`), with
    /// upper- and lower-case hex digits.
    private static func percentEncoded(_ text: String) -> [String] {
        var upper: [UInt8] = []
        var lower: [UInt8] = []
        upper.reserveCapacity(text.utf8.count * 3)
        lower.reserveCapacity(text.utf8.count * 3)
        for byte in text.utf8 {
            if unreserved[Int(byte)] {
                upper.append(byte)
                lower.append(byte)
            } else {
                upper += [UInt8(ascii: "%"), upperDigits[Int(byte >> 4)], upperDigits[Int(byte & 15)]]
                lower += [UInt8(ascii: "%"), lowerDigits[Int(byte >> 4)], lowerDigits[Int(byte & 15)]]
            }
        }
        return [String(decoding: upper, as: UTF8.self), String(decoding: lower, as: UTF8.self)]
    }

    /// Whether each byte is left as it is in an address (letters, digits and `-._~`): a table, since a redactor is
    /// made for every channel of every run and each makes some forty encodings.
    private static let unreserved: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8 {
            table[Int(byte)] = true
        }
        return table
    }()
    private static let upperDigits = Array("0123456789ABCDEF".utf8)
    private static let lowerDigits = Hex.digits

    public func callAsFunction(_ text: String) -> String {
        // A byte search first: most answers hold no secret, and Foundation's search is slow on Linux.
        var bytes = text
        guard bytes.withUTF8({ finds(UnsafeRawBufferPointer($0)) }) else { return text }
        return values.reduce(text) { text, value in
            Self.contains(Array(text.utf8), Array(value.utf8))
                ? text.replacingOccurrences(of: value, with: Self.mask, options: .literal) : text
        }
    }

    /// An address as it may be stored or printed: its user information (`user:password@`, which libcurl sends as
    /// credentials) masked whole, and every secret in it masked.
    public func address(_ url: URL) -> String {
        var text = url.absoluteString
        if let start = text.range(of: "://")?.upperBound {
            let authorityEnd = text[start...].firstIndex { "/?#".contains($0) } ?? text.endIndex
            if let at = text[start..<authorityEnd].lastIndex(of: "@") {
                text.replaceSubrange(start..<at, with: Self.mask)
            }
        }
        return self(text)
    }

    /// Whether `haystack` holds the bytes of `needle`.
    private static func contains(_ haystack: some ContiguousBytes, _ pattern: [UInt8]) -> Bool {
        ByteSearch.contains(haystack, pattern)
    }

    /// Whether any secret occurs in these bytes.
    func finds(_ bytes: UnsafeRawBufferPointer) -> Bool {
        mayHold(bytes) && needles.contains { Self.contains(bytes, $0) }
    }

    public func callAsFunction(_ data: Data) -> Data {
        guard data.withUnsafeBytes({ finds($0) }) else { return data }
        var result = data
        for value in values {
            let needle = Data(value.utf8)
            while let range = result.range(of: needle) {
                result.replaceSubrange(range, with: Data(Self.mask.utf8))
            }
        }
        return result
    }
}
