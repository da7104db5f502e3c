import Foundation

/// Finds bare web addresses in plain text, so that no edit cuts or alters one.
enum WebAddresses {
    /// Whether `text` is an `http(s)` address with a host, the only kind a report may make a link of: a bridge
    /// could answer with a `javascript:` or `data:` address, which a reader's click would run.
    static func isWebLink(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased() else { return false }
        return (scheme == "http" || scheme == "https") && url.host?.isEmpty == false
    }

    /// The ranges of `http://` and `https://` addresses in `text`, without trailing sentence punctuation.
    static func ranges<S: StringProtocol>(in text: S) -> [Range<S.Index>] where S.SubSequence == Substring {
        var result: [Range<S.Index>] = []
        var searchStart = text.startIndex
        while let found = text[searchStart...].range(of: "http", options: .caseInsensitive) {
            let head = text[found.lowerBound...].prefix(8).lowercased()
            guard head.hasPrefix("https://") || head.hasPrefix("http://") else {
                searchStart = found.upperBound
                continue
            }
            var end = text[found.lowerBound...].firstIndex { $0.isWhitespace } ?? text.endIndex
            let hasOpening = text[found.lowerBound..<end].contains("(")
            while end > found.upperBound {
                let last = text[text.index(before: end)]
                guard ".,;:!?\"'”’".contains(last) || (last == ")" && !hasOpening) else { break }
                end = text.index(before: end)
            }
            result.append(found.lowerBound..<end)
            searchStart = end > found.upperBound ? end : found.upperBound
        }
        return result
    }
}
