import Foundation

/// Turns an announcement's Markdown into the plain text that social platforms show.
///
/// Facebook and Zalo render no Markdown, and fake "Unicode bold" letters break search and screen readers, so
/// markup is removed without losing words: headings become their text, emphasis markers go, list items start
/// with the platform's bullet, links read `text (url)`. Line breaks are kept as the officer wrote them, as
/// posts are laid out line by line; runs of blank lines become one.
public enum MarkdownText {
    /// The plain text of `markdown`, with `bullet` starting each unordered list item.
    public static func plainText(_ markdown: String, bullet: String = "•") -> String {
        var output: [String] = []
        var inFence: String?
        for rawLine in markdown.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = String(rawLine).trimmingTrailingWhitespace()
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let fence = inFence {
                if trimmed.hasPrefix(fence) { inFence = nil } else { output.append(String(line)) }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                inFence = String(trimmed.prefix(3))
                continue
            }
            output.append(String(block(String(line), bullet: bullet).trimmingTrailingWhitespace()))
        }
        return collapseBlankLines(output).joined(separator: "\n")
    }

    /// One line of Markdown as plain text.
    private static func block(_ line: String, bullet: String) -> String {
        let indentCount = line.prefix { $0 == " " || $0 == "\t" }.count
        var content = Substring(line.dropFirst(indentCount))
        if content.isEmpty { return "" }
        if isThematicBreak(content) { return "" }
        while content.hasPrefix(">") {
            content = content.dropFirst().drop { $0 == " " }
        }
        let hashes = content.prefix { $0 == "#" }.count
        if (1...6).contains(hashes), content.dropFirst(hashes).first == " " || content.count == hashes {
            var heading = content.dropFirst(hashes).trimmingCharacters(in: .whitespaces)
            while heading.hasSuffix("#") { heading = String(heading.dropLast()).trimmingCharacters(in: .whitespaces) }
            return inline(heading)
        }
        let indent = String(repeating: "  ", count: indentCount / 2)
        if let marker = content.first, "-*+".contains(marker), content.dropFirst().first == " " {
            var item = content.dropFirst(2).drop { $0 == " " }
            if item.hasPrefix("[ ] ") || item.hasPrefix("[x] ") || item.hasPrefix("[X] ") { item = item.dropFirst(4) }
            return indent + bullet + " " + inline(String(item))
        }
        let digits = content.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let rest = content.dropFirst(digits.count)
            if let delimiter = rest.first, delimiter == "." || delimiter == ")", rest.dropFirst().first == " " {
                return indent + digits + ". " + inline(String(rest.dropFirst(2).drop { $0 == " " }))
            }
        }
        var text = inline(String(content))
        if text.hasSuffix("\\") { text.removeLast() }  // a hard line break
        return text
    }

    private static func isThematicBreak(_ line: Substring) -> Bool {
        guard let first = line.utf8.first,
            first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "_")
        else { return false }
        let compact = line.filter { $0 != " " }
        guard compact.count >= 3, let first = compact.first, "-*_".contains(first) else { return false }
        return compact.allSatisfy { $0 == first }
    }

    /// Inline markup removed; bare URLs are left exactly as written, underscores and all.
    ///
    /// The addresses are found once for the whole line (finding them again after each one made a line full of
    /// links quadratic), and the text between them goes through the markup rules.
    static func inline(_ text: String) -> String {
        var result = ""
        var position = text.startIndex
        for range in WebAddresses.ranges(in: text) where isBare(range, in: text, after: position) {
            result += inlineMarkup(String(text[position..<range.lowerBound]))
            result += text[range]
            position = range.upperBound
        }
        result += inlineMarkup(String(text[position...]))
        return result
    }

    /// Whether an address stands on its own: one inside Markdown link syntax, `[…]`, `(…)` or `<…>`, is left to
    /// the link rules.
    private static func isBare(_ range: Range<String.Index>, in text: String, after position: String.Index) -> Bool {
        range.lowerBound == position || !"(<[".contains(text[text.index(before: range.lowerBound)])
    }

    /// Each rule with the text it needs to find before it can match: on Linux, running an `NSRegularExpression`
    /// bridges the line to UTF-16 and back, so a rule that cannot match is not run (rendering 10,000 posts spent
    /// most of its time here). An emphasis never spans its own marker, so a marker that is never closed is given up
    /// at the next marker rather than at the end of the line (a line of lone `*` was quadratic); link text, likewise,
    /// never holds a `[`.
    private static let rules: [(trigger: String, expression: NSRegularExpression, template: String)] = {
        let patterns: [(String, String, String)] = [
            ("![", #"!\[([^\[\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)"#, ""),  // images travel separately
            ("](", #"\[([^\[\]]+)\]\((https?://[^)\s]+|mailto:[^)\s]+)(?:\s+"[^"]*")?\)"#, "$1 ($2)"),
            ("](", #"\[([^\[\]]+)\]\(([^)\s]+)\)"#, "$1"),
            ("<", #"<((?:https?|mailto):[^>\s]+)>"#, "$1"),
            ("`", #"`([^`]+)`"#, "$1"),
            ("**", #"\*\*(?=\S)((?:[^*]|\*(?!\*))+?)(?<=\S)\*\*"#, "$1"),
            ("__", #"__(?=\S)((?:[^_]|_(?!_))+?)(?<=\S)__"#, "$1"),
            ("~~", #"~~(?=\S)((?:[^~]|~(?!~))+?)(?<=\S)~~"#, "$1"),
            ("*", #"(?<![\p{L}\p{N}*\\])\*(?=\S)([^*]+?)(?<=\S)\*(?![\p{L}\p{N}*])"#, "$1"),
            ("_", #"(?<![\p{L}\p{N}_\\])_(?=\S)([^_]+?)(?<=\S)_(?![\p{L}\p{N}_])"#, "$1"),
            ("\\", #"\\([\\`*_{}\[\]()#+\-.!~>])"#, "$1"),
        ]
        return patterns.compactMap { trigger, pattern, template in
            (try? NSRegularExpression(pattern: pattern)).map { (trigger, $0, template) }
        }
    }()

    private static let markupBytes = Set("*_`[]<~\\!".utf8)

    /// A link whose text is its own address reads once: "https://x (https://x)" → "https://x".
    private static let selfLink = try? NSRegularExpression(pattern: #"(https?://\S+) \(\1\)"#)

    private static func inlineMarkup(_ text: String) -> String {
        // Compared as bytes: every markup character is ASCII, and `Character` comparison is slow.
        guard text.utf8.contains(where: { Self.markupBytes.contains($0) }) else { return text }
        var result = text
        for (trigger, expression, template) in rules where Self.contains(result, trigger) {
            let range = NSRange(result.startIndex..., in: result)
            result = expression.stringByReplacingMatches(in: result, range: range, withTemplate: template)
        }
        guard let selfLink, Self.contains(result, " (http") else { return result }
        let range = NSRange(result.startIndex..., in: result)
        return selfLink.stringByReplacingMatches(in: result, range: range, withTemplate: "$1")
    }

    /// Whether `needle` occurs in `text`, compared as UTF-8 bytes.
    private static func contains(_ text: String, _ needle: String) -> Bool {
        ByteSearch.contains(text, needle)
    }

    private static func collapseBlankLines(_ lines: [String]) -> [String] {
        var result: [String] = []
        for line in lines {
            if line.isEmpty, result.last?.isEmpty ?? true { continue }
            result.append(line)
        }
        while result.last?.isEmpty == true { result.removeLast() }
        return result
    }
}
