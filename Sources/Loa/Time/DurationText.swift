import Foundation

/// Reads and writes durations as people write them in loa.yml: `15s`, `15m`, `48h`, `2d`, `1h30m`.
public enum DurationText {
    private static let units: [(suffix: String, seconds: Double)] = [
        ("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86_400), ("w", 604_800),
    ]

    /// The longest duration any setting may have (ten years): a bound far past every sane value, below which
    /// every sum of a date and a duration, and every count of milliseconds, stays exact and within `Int`.
    public static let longest: TimeInterval = 3650 * 86_400

    /// The duration in seconds, or nil when the text is not one or more `<number><unit>` parts.
    ///
    /// A duration longer than ``longest`` is returned as it is: the caller checks it against the setting's own
    /// bound and names that bound in its message.
    public static func parse(_ raw: String) -> TimeInterval? {
        let text = raw.trimmingCharacters(in: .whitespaces).lowercased()
        guard !text.isEmpty else { return nil }
        var total: TimeInterval = 0
        var rest = Substring(text)
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard !digits.isEmpty, let value = Double(digits), value.isFinite else { return nil }
            rest = rest.dropFirst(digits.count)
            let letters = rest.prefix { $0.isASCII && $0.isLetter }
            guard let unit = units.first(where: { $0.suffix == letters }) else { return nil }
            rest = rest.dropFirst(letters.count)
            total += value * unit.seconds
        }
        return total.isFinite ? total : nil
    }

    /// A short human form: `90` → `1m30s`, `172800` → `2d`. Values past ``longest`` are written as ``longest``,
    /// so that no value, however it was made, can trap here.
    public static func format(_ seconds: TimeInterval) -> String {
        var remaining = seconds.isFinite ? Int(min(max(seconds, 0), longest).rounded()) : Int(longest)
        if remaining == 0 { return "0s" }
        var parts = ""
        for (suffix, size) in [("d", 86_400), ("h", 3600), ("m", 60), ("s", 1)] where remaining >= size {
            parts += "\(remaining / size)\(suffix)"
            remaining %= size
        }
        return parts
    }
}
