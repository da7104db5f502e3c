import Foundation

/// The tags of a Mustache template, checked against the values Loa gives a template.
///
/// Mustache renders an unknown name as nothing and a partial it cannot find as nothing, so a misspelt
/// `{{titel}}` or a `{{> footer}}` would quietly leave holes in every post. swift-mustache keeps its parsed tokens
/// to itself, so the tags are read here: variables, sections and inverted sections (with their transforms, as
/// `{{ uppercased(title) }}`), comments, pragmas, and changed delimiters (`{{=<% %>=}}`).
enum TemplateTags {
    /// A tag that Loa cannot honour, with the line of the template it starts on.
    struct Problem: Equatable {
        var line: Int
        var message: String
    }

    /// The transforms swift-mustache applies to a value or a list item (`first()`, `uppercased(title)`).
    static let transforms: Set<String> = [
        "capitalized", "count", "empty", "enumerated", "equalzero", "even", "first", "index", "last", "lowercased",
        "minusone", "odd", "plusone", "reversed", "sorted", "uppercased",
    ]

    /// Every problem in `text`, in order; names are checked against `names`.
    static func problems(in text: String, names: [String]) -> [Problem] {
        var problems: [Problem] = []
        var open = "{{"
        var close = "}}"
        var line = 1
        var rest = Substring(text)
        while let start = rest.range(of: open) {
            line += rest[..<start.lowerBound].count { $0.isNewline }
            let inside = rest[start.upperBound...]
            let tripled = open == "{{" && inside.first == "{"
            guard let end = inside.range(of: tripled ? "}" + close : close) else { break }
            let content = inside[..<end.lowerBound]
            let tagLine = line
            line += content.count { $0.isNewline }
            rest = inside[end.upperBound...]
            guard let sigil = content.first else {
                problems.append(Problem(line: tagLine, message: Message.templateEmptyTag(["tag": open + close])))
                continue
            }
            switch sigil {
            case "!", "%", "/", "$":
                // Comments, pragmas, closing tags (the parser matches them to their openers) and blocks.
                continue
            case "=":
                let delimiters = content.dropFirst().dropLast().split(whereSeparator: \.isWhitespace)
                if delimiters.count == 2, content.last == "=" {
                    (open, close) = (String(delimiters[0]), String(delimiters[1]))
                }
            case ">", "<":
                let name = content.dropFirst().trimmingCharacters(in: .whitespaces)
                problems.append(
                    Problem(
                        line: tagLine,
                        message: Message.templatePartial(["name": String(name)])
                    )
                )
            case "{", "&", "#", "^":
                problems += check(String(content.dropFirst()), line: tagLine, names: names)
            default:
                problems += check(String(content), line: tagLine, names: names)
            }
        }
        return problems
    }

    /// A problem when `tag` (a name, maybe inside transforms) is not one of `names`.
    private static func check(_ tag: String, line: Int, names: [String]) -> [Problem] {
        var name = Substring(tag.trimmingCharacters(in: .whitespaces))
        var applied: [Substring] = []
        while name.hasSuffix(")"), let open = name.firstIndex(of: "(") {
            applied.append(name[..<open].trimmingCharacters(in: .whitespaces)[...])
            name = name[name.index(after: open)..<name.index(before: name.endIndex)]
            name = Substring(name.trimmingCharacters(in: .whitespaces))
        }
        var problems: [Problem] = []
        for transform in applied where !transforms.contains(String(transform)) {
            problems.append(
                Problem(
                    line: line,
                    message: Message.templateTransform(["transform": String(transform)])
                        + Suggestion.didYouMean(String(transform), among: transforms.sorted())
                )
            )
        }
        // `.` is the current list item; an empty name with a transform is a list's `first()` or `index()`.
        if name == "." || (name.isEmpty && !applied.isEmpty) { return problems }
        let root = name.drop { $0 == "." }.split(separator: ".", maxSplits: 1).first.map(String.init) ?? ""
        if !names.contains(root) {
            problems.append(
                Problem(
                    line: line,
                    message: Message.templateUnknownValue(["name": String(name)])
                        + Suggestion.didYouMean(root, among: names)
                        + Message.templateKnownValues(["names": names.joined(separator: ", ")])
                )
            )
        }
        return problems
    }
}
