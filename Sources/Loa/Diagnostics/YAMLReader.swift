import Foundation
import Yams

/// Reads YAML nodes into typed values, collecting a diagnostic with file and line for every problem.
///
/// Loa reads YAML through Yams' node tree rather than `Decodable` because the tree keeps each value's line,
/// and because one wrong field should be reported without hiding the others.
struct YAMLReader {
    /// One key and its value in a mapping.
    struct Entry {
        let key: String
        let keyNode: Node
        let value: Node
        /// The dotted path of this entry, for messages.
        let field: String
    }

    let file: String
    let area: Diagnostic.Area
    /// Added to Yams' 1-based lines: the front matter of a queue file starts on its second line.
    let lineOffset: Int
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, area: Diagnostic.Area, lineOffset: Int = 0) {
        self.file = file
        self.area = area
        self.lineOffset = lineOffset
    }

    func line(of node: Node?) -> Int? {
        node?.mark.map { $0.line + lineOffset }
    }

    mutating func report(
        _ severity: Diagnostic.Severity = .error,
        at node: Node?,
        field: String?,
        _ message: String,
        hint: String? = nil
    ) {
        report(severity, line: line(of: node), field: field, message, hint: hint)
    }

    mutating func report(
        _ severity: Diagnostic.Severity = .error,
        line: Int?,
        field: String?,
        _ message: String,
        hint: String? = nil
    ) {
        diagnostics.append(
            Diagnostic(severity, area: area, file: file, line: line, field: field, message: message, hint: hint)
        )
    }

    /// Parses YAML text into its root node; a syntax error becomes a diagnostic at its line.
    mutating func compose(_ text: String) -> Node? {
        do {
            // Plain scalars stay text: every value is read from its text here, so Yams' resolver, which matches
            // each scalar against six regular expressions to guess a type nobody reads, is left out.
            return try Yams.compose(yaml: text, .basic)
        } catch YamlError.duplicatedKeysInMapping(let duplicates, _) {
            reportDuplicates(duplicates, in: text)
        } catch let error as YamlError {
            let (problem, mark, context) = Self.describe(error)
            var message = Message.diagYAMLSyntax(["problem": Self.libyamlWords(problem)])
            let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            if let context {
                let opened =
                    context.mark.line <= lines.count
                    ? Message.diagFromLine(["line": "\(context.mark.line + lineOffset)"]) : ""
                message += " (\(Self.libyamlWords(context.text))\(opened))"
            }
            // libyaml places errors found at the end of the text after its last line, or names the end of the
            // stream: there, the construct left open is the one to look at, or else the last line.
            var line = mark?.line
            if let past = line, past > lines.count || problem.contains("end of stream") {
                line =
                    context.map(\.mark.line).flatMap { $0 <= lines.count ? $0 : nil }
                    ?? lines.lastIndex { !$0.allSatisfy(\.isWhitespace) }.map { $0 + 1 }
            }
            let source = line.flatMap { $0 >= 1 && $0 <= lines.count ? lines[$0 - 1] : nil } ?? ""
            let hint =
                source.contains(" #")
                ? Message.diagHashComment()
                : source.contains(": ") && source.filter({ $0 == ":" }).count > 1
                    ? Message.diagColonQuotes() : nil
            report(line: line.map { $0 + lineOffset }, field: nil, message, hint: hint)
        } catch {
            report(line: nil, field: nil, Message.diagYAMLSyntax(["problem": "\(error)"]))
        }
        return nil
    }

    /// Reports each key Yams found twice at the line where it appears again.
    private mutating func reportDuplicates(_ keys: [String], in text: String) {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for key in keys {
            let occurrences = lines.indices.filter { index in
                let line = lines[index].drop { $0 == " " }
                return line.hasPrefix(key) && line.dropFirst(key.count).drop { $0 == " " }.hasPrefix(":")
            }
            let first = occurrences.first.map { $0 + 1 + lineOffset }
            let again = occurrences.dropFirst().first.map { $0 + 1 + lineOffset }
            report(
                line: again ?? first,
                field: key,
                Message.diagAppearsTwice() + (first.map { Message.diagFirstOnLine(["line": "\($0)"]) } ?? ""),
                hint: Message.diagKeepOne()
            )
        }
    }

    /// The entries of a mapping, each key checked against `known`; unknown and repeated keys are reported.
    mutating func entries(of node: Node, field: String?, known: [String]?) -> [Entry] {
        guard case .mapping(let mapping) = node else {
            report(at: node, field: field, Message.diagExpectedMapping(["found": kind(of: node)]))
            return []
        }
        var seen: [String: Int] = [:]
        var result: [Entry] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                report(at: keyNode, field: field, Message.diagKeyPlainText())
                continue
            }
            let key = VietnameseText.nfc(scalar.string)
            let path = field.map { "\($0).\(key)" } ?? key
            if let first = seen[key] {
                report(
                    at: keyNode,
                    field: path,
                    Message.diagAppearsTwice() + Message.diagFirstOnLine(["line": "\(first)"])
                )
                continue
            }
            seen[key] = line(of: keyNode) ?? 0
            if let known, !known.contains(key) {
                report(
                    at: keyNode,
                    field: path,
                    Message.diagUnknownKey() + Suggestion.didYouMean(key, among: known),
                    hint: Message.diagKnownKeys(["keys": known.joined(separator: ", ")])
                )
                continue
            }
            result.append(Entry(key: key, keyNode: keyNode, value: value, field: path))
        }
        return result
    }

    /// Whether a node is YAML's null (`key:` with nothing after it, `~` or `null`).
    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// A text value, normalised to NFC; nil with a diagnostic when it is not a single value or is empty.
    mutating func string(_ entry: Entry, allowEmpty: Bool = false) -> String? {
        guard case .scalar(let scalar) = entry.value else {
            report(at: entry.value, field: entry.field, Message.diagExpectedSingle(["found": kind(of: entry.value)]))
            return nil
        }
        if Self.isNull(entry.value) || (!allowEmpty && scalar.string.trimmingCharacters(in: .whitespaces).isEmpty) {
            if allowEmpty { return "" }
            report(at: entry.keyNode, field: entry.field, Message.diagEmpty())
            return nil
        }
        return VietnameseText.nfc(scalar.string)
    }

    /// A whole number within `range`.
    mutating func int(_ entry: Entry, in range: ClosedRange<Int>) -> Int? {
        guard let text = string(entry) else { return nil }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
            let upper = range.upperBound == .max ? "" : Message.diagUpTo(["upper": "\(range.upperBound)"])
            report(
                at: entry.value,
                field: entry.field,
                Message.diagNotWholeNumber(["text": text, "lower": "\(range.lowerBound)", "upper": upper])
            )
            return nil
        }
        return value
    }

    /// A list of text values; a single value counts as a list of one.
    mutating func strings(_ entry: Entry) -> [String]? {
        switch entry.value {
        case .scalar:
            if Self.isNull(entry.value) { return [] }
            return string(entry).map { [$0] }
        case .sequence(let sequence):
            var values: [String] = []
            for (index, item) in sequence.enumerated() {
                let itemEntry = Entry(key: entry.key, keyNode: item, value: item, field: "\(entry.field)[\(index)]")
                if let value = string(itemEntry) { values.append(value) }
            }
            return values
        default:
            report(
                at: entry.value,
                field: entry.field,
                Message.diagExpectedList(["found": kind(of: entry.value)])
            )
            return nil
        }
    }

    private func kind(of node: Node) -> String {
        switch node {
        case .scalar(let scalar): Message.diagFoundValue(["value": scalar.string])
        case .mapping: Message.diagFoundMapping()
        case .sequence: Message.diagFoundList()
        case .alias: Message.diagFoundAlias()
        }
    }

    /// libyaml's description of a syntax problem, or of what it was reading, in the process's language: the
    /// common ones have their words in the catalog (their English is libyaml's own), any other stays libyaml's.
    static func libyamlWords(_ text: String) -> String {
        libyamlMessages[text].map { $0() } ?? text
    }

    private static let libyamlMessages: [String: Message] = Dictionary(
        Message.allCases.filter { $0.rawValue.hasPrefix("yaml") }.map { ($0.entry.en, $0) },
        uniquingKeysWith: { first, _ in first }
    )

    private static func describe(_ error: YamlError) -> (String, Mark?, YamlError.Context?) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return (problem, mark, context)
        case .reader(let problem, _, _, _):
            return (problem, nil, nil)
        default:
            return ("\(error)", nil, nil)
        }
    }
}
