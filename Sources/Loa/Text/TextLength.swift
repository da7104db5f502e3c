/// How Loa counts the length of a post.
///
/// Platforms disagree: some count Unicode scalars, others UTF-16 code units (an emoji outside the Basic
/// Multilingual Plane is one scalar but two units). Loa counts the larger of the two on NFC text, so a post
/// that fits by Loa's count fits on every platform.
public enum TextLength {
    /// The length of NFC text as the larger of its Unicode scalar and UTF-16 code unit counts.
    public static func measure(_ text: some StringProtocol) -> Int {
        max(text.unicodeScalars.count, text.utf16.count)
    }

    /// The length of one grapheme cluster, by the same rule.
    static func measure(_ character: Character) -> Int {
        max(character.unicodeScalars.count, character.utf16.count)
    }
}
