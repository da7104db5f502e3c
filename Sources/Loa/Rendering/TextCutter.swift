import Foundation

/// Shortens a text to a length limit at the most natural place, never inside a grapheme or a web address.
///
/// The cut prefers, in order, the end of a paragraph, of a sentence, then of a word, as long as it keeps a fair
/// share of the room; only a text with no spaces at all is cut between graphemes. The result ends with
/// `… Xem thêm: <link>` when there is a link, so the reader can go on reading, or with `…` otherwise; after a
/// whole sentence that ending starts a line of its own.
public enum TextCutter {
    /// The words that lead to the rest of a cut text.
    public static let readMore = "Xem thêm:"

    /// What follows a cut text.
    public static func suffix(link: String?) -> String {
        link.map { "… \(readMore) \($0)" } ?? "…"
    }

    /// `text` cut so that it and its suffix measure at most `limit`, or nil when not even the suffix fits.
    ///
    /// Text that already fits is returned unchanged, without a suffix.
    public static func cut(_ text: String, toFit limit: Int, link: String?) -> String? {
        if TextLength.measure(text) <= limit { return text }
        let suffix = suffix(link: link)
        // One more for the line break that follows a whole sentence.
        let budget = limit - TextLength.measure(suffix) - 1
        guard budget >= 0 else { return nil }
        // The longest prefix of whole graphemes that fits.
        var end = text.startIndex
        var used = 0
        for index in text.indices {
            let size = TextLength.measure(text[index])
            if used + size > budget { break }
            used += size
            end = text.index(after: index)
        }
        let prefix = text[..<end]
        let cutPoint = naturalCut(in: prefix, of: text, budget: budget)
        var kept = text[..<cutPoint].trimmingTrailingWhitespace()
        while let last = kept.last, ",;:–—-(".contains(last) {
            kept = kept.dropLast().trimmingTrailingWhitespace()
        }
        guard !kept.isEmpty else { return suffix }
        // After a whole sentence the ellipsis starts a line; after a cut word it follows the word.
        let tail = kept.last.map { "”\"’)»".contains($0) } == true ? kept.dropLast() : kept
        let endsSentence = tail.last.map { ".!?…".contains($0) } ?? false
        return kept + (endsSentence ? "\n" : "") + suffix
    }

    private static func naturalCut(in prefix: Substring, of text: String, budget: Int) -> String.Index {
        let end = prefix.endIndex
        let minimumKept = budget / 2
        func keepsEnough(_ index: String.Index) -> Bool {
            TextLength.measure(text[..<index]) >= minimumKept
        }
        if let paragraph = prefix.range(of: "\n\n", options: .backwards), keepsEnough(paragraph.lowerBound) {
            return paragraph.lowerBound
        }
        if let sentence = lastSentenceEnd(in: text, before: end), keepsEnough(sentence) {
            return sentence
        }
        // A cut right before whitespace is already at a word boundary.
        if end < text.endIndex, text[end].isWhitespace { return end }
        if let space = prefix.lastIndex(where: \.isWhitespace), space > prefix.startIndex {
            return space
        }
        // No space at all: cut between graphemes, but never inside a web address.
        for range in WebAddresses.ranges(in: text) where range.lowerBound < end && end < range.upperBound {
            return range.lowerBound
        }
        return end
    }

    /// The index, at most `end`, just after the last `.`, `!`, `?` or `…` (perhaps inside closing quotes) that is
    /// followed by whitespace.
    private static func lastSentenceEnd(in text: String, before end: String.Index) -> String.Index? {
        var index = end
        while index > text.startIndex {
            let previous = text.index(before: index)
            if index < text.endIndex, text[index].isWhitespace {
                var mark = previous
                // A sentence may end inside closing quotes: `… lắng nghe.”`
                if "”\"’)»".contains(text[mark]), mark > text.startIndex { mark = text.index(before: mark) }
                if ".!?…".contains(text[mark]) { return index }
            }
            index = previous
        }
        return nil
    }
}
