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
    ///
    /// One pass over the text's scalars: a search from each address's end with Foundation's `range(of:)` bridged
    /// the whole rest of the text every time, which made a long body full of links quadratic.
    static func ranges<S: StringProtocol>(in text: S) -> [Range<S.Index>] where S.SubSequence == Substring {
        let scalars = text[...].unicodeScalars
        var result: [Range<S.Index>] = []
        var index = scalars.startIndex
        while let start = scalars[index...].firstIndex(where: { $0 == "h" || $0 == "H" }) {
            guard let schemeEnd = Self.schemeEnd(scalars, from: start) else {
                index = scalars.index(after: start)
                continue
            }
            var end = scalars[schemeEnd...].firstIndex { $0.properties.isWhitespace } ?? scalars.endIndex
            let hasOpening = scalars[start..<end].contains("(")
            while end > schemeEnd {
                let last = scalars[scalars.index(before: end)]
                guard ".,;:!?\"'”’".unicodeScalars.contains(last) || (last == ")" && !hasOpening) else { break }
                end = scalars.index(before: end)
            }
            result.append(start..<end)
            index = end > start ? end : scalars.index(after: start)
        }
        return result
    }

    /// The index after `http://` or `https://` (in any case) at `start`, or nil when neither is there.
    private static func schemeEnd(_ scalars: Substring.UnicodeScalarView, from start: String.Index) -> String.Index? {
        var index = start
        func take(_ expected: Unicode.Scalar) -> Bool {
            guard index < scalars.endIndex else { return false }
            let value = scalars[index].value
            // ASCII letters compared without case; the other expected scalars have none.
            guard value == expected.value || ((65...90).contains(value) && value + 32 == expected.value) else {
                return false
            }
            index = scalars.index(after: index)
            return true
        }
        guard take("h"), take("t"), take("t"), take("p") else { return nil }
        _ = take("s")
        guard take(":"), take("/"), take("/") else { return nil }
        return index
    }
}
