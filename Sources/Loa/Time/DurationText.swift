import Foundation

/// Reads and writes durations as people write them in loa.yml: `15s`, `15m`, `48h`, `2d`, `1h30m`.
public enum DurationText {
    private static let units: [(suffix: String, seconds: Double)] = [
        ("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86_400), ("w", 604_800),
    ]

    /// The duration in seconds, or nil when the text is not one or more `<number><unit>` parts.
    public static func parse(_ raw: String) -> TimeInterval? {
        let text = raw.trimmingCharacters(in: .whitespaces).lowercased()
        guard !text.isEmpty else { return nil }
        var total: TimeInterval = 0
        var rest = Substring(text)
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard !digits.isEmpty, let value = Double(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            let letters = rest.prefix { $0.isASCII && $0.isLetter }
            guard let unit = units.first(where: { $0.suffix == letters }) else { return nil }
            rest = rest.dropFirst(letters.count)
            total += value * unit.seconds
        }
        return total
    }

    /// A short human form: `90` → `1m30s`, `172800` → `2d`.
    public static func format(_ seconds: TimeInterval) -> String {
        var remaining = Int(seconds.rounded())
        if remaining == 0 { return "0s" }
        var parts = ""
        for (suffix, size) in [("d", 86_400), ("h", 3600), ("m", 60), ("s", 1)] where remaining >= size {
            parts += "\(remaining / size)\(suffix)"
            remaining %= size
        }
        return parts
    }
}
