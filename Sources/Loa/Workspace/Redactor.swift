import CLoaSystem
import Foundation

/// Removes known secret values from text that comes from outside, before it is stored or printed.
///
/// A bridge may echo what it received (a debugging bridge often echoes the Authorization header), so a bridge's
/// answer is not trusted to be free of secrets: every channel's token and signing secret is masked in it.
public struct Redactor: Sendable {
    private let values: [String]
    /// The bytes of each value, searched for before anything is replaced.
    private let needles: [[UInt8]]
    public static let mask = "••••••"

    /// A redactor for every secret and token of these channels.
    public init(channels: [Channel]) {
        var values: [String] = []
        for channel in channels {
            for secret in [channel.secret, channel.token].compactMap({ $0?.reveal() }) {
                values.append(secret)
                if secret.hasPrefix("whsec_") { values.append(String(secret.dropFirst(6))) }
            }
        }
        // Longest first, so a secret is masked whole before any part of it.
        self.values = Array(Set(values.filter { $0.count >= 4 })).sorted { $0.count > $1.count }
        needles = self.values.map { Array($0.utf8) }
    }

    public func callAsFunction(_ text: String) -> String {
        // A byte search first: most answers hold no secret, and Foundation's search is slow on Linux.
        var bytes = text
        guard bytes.withUTF8({ utf8 in needles.contains { Self.contains(UnsafeRawBufferPointer(utf8), $0) } }) else {
            return text
        }
        return values.reduce(text) { text, value in
            Self.contains(Array(text.utf8), Array(value.utf8))
                ? text.replacingOccurrences(of: value, with: Self.mask) : text
        }
    }

    /// Whether `haystack` holds the bytes of `needle`, by `memmem`: the generic collection search was the
    /// slowest part of handling an answer.
    private static func contains(_ haystack: some ContiguousBytes, _ pattern: [UInt8]) -> Bool {
        haystack.withUnsafeBytes { buffer in
            pattern.withUnsafeBytes { wanted in
                guard let base = buffer.baseAddress, let pattern = wanted.baseAddress else { return false }
                return loa_contains_bytes(base, buffer.count, pattern, wanted.count) != 0
            }
        }
    }

    /// Whether any secret occurs in these bytes.
    func finds(_ bytes: UnsafeRawBufferPointer) -> Bool {
        needles.contains { Self.contains(bytes, $0) }
    }

    public func callAsFunction(_ data: Data) -> Data {
        guard needles.contains(where: { Self.contains(data, $0) }) else { return data }
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
