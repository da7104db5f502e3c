/// A queue file split into its YAML front matter and its Markdown body.
///
/// The split is done by hand so that it tolerates what editors produce: a byte-order mark, CRLF line ends,
/// trailing spaces after the fences, and `...` as well as `---` to close the front matter.
struct FrontMatter: Equatable {
    /// The YAML between the fences, lines joined with `\n`.
    var yaml: String
    /// The Markdown after the closing fence, lines joined with `\n`.
    var body: String
    /// The file line of the first YAML line (the line after the opening fence).
    var yamlLine: Int
    /// The file line of the first body line.
    var bodyLine: Int

    enum Failure: Error, Equatable {
        case noOpeningFence
        case noClosingFence
    }

    static func split(_ text: String) -> Result<FrontMatter, Failure> {
        var content = Substring(text)
        if content.unicodeScalars.first == "\u{FEFF}" { content = content.dropFirst() }
        let lines = content.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard let first = lines.first, isFence(first, closing: false) else { return .failure(.noOpeningFence) }
        guard let close = lines.indices.dropFirst().first(where: { isFence(lines[$0], closing: true) }) else {
            return .failure(.noClosingFence)
        }
        return .success(
            FrontMatter(
                yaml: lines[1..<close].joined(separator: "\n"),
                body: lines[(close + 1)...].joined(separator: "\n"),
                yamlLine: 2,
                bodyLine: close + 2
            )
        )
    }

    private static func isFence(_ line: Substring, closing: Bool) -> Bool {
        let trimmed = line.trimmingTrailingWhitespace()
        return trimmed == "---" || (closing && trimmed == "...")
    }
}

extension StringProtocol {
    /// The text without spaces, tabs and line ends at its end.
    func trimmingTrailingWhitespace() -> SubSequence {
        var end = endIndex
        while end > startIndex {
            let previous = index(before: end)
            guard self[previous].isWhitespace else { break }
            end = previous
        }
        return self[startIndex..<end]
    }
}
