import Foundation

/// Removes known secret values from text that comes from outside, before it is stored or printed.
///
/// A bridge may echo what it received (a debugging bridge often echoes the Authorization header), so a bridge's
/// answer is not trusted to be free of secrets: every channel's token and signing secret is masked in it.
public struct Redactor: Sendable {
    private let values: [String]
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
    }

    public func callAsFunction(_ text: String) -> String {
        values.reduce(text) { $0.replacingOccurrences(of: $1, with: Self.mask) }
    }

    public func callAsFunction(_ data: Data) -> Data {
        guard !values.isEmpty else { return data }
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
