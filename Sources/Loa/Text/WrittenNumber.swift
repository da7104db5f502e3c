import Foundation

/// Whole numbers as Vietnamese officers write them: `1250`, or with dots between thousands, `1.250`,
/// `12.500.000`.
///
/// A comma is the decimal mark in Vietnamese (`1,5`), so it never groups thousands here; a dot that does not
/// separate groups of three digits (`1.25`) is refused rather than guessed at.
public enum WrittenNumber {
    /// The value of a whole number with optional thousands dots, or nil.
    public static func whole(_ text: String) -> Int? {
        let text = text.trimmingCharacters(in: .whitespaces)
        let groups = text.split(separator: ".", omittingEmptySubsequences: false)
        guard let first = groups.first, !first.isEmpty, first.count <= (groups.count == 1 ? 19 : 3),
            groups.dropFirst().allSatisfy({ $0.count == 3 }),
            groups.allSatisfy({ $0.allSatisfy { ("0"..."9").contains($0) } })
        else { return nil }
        return Int(groups.joined())
    }
}
