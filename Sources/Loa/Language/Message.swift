import Foundation

/// One of Loa's own sentences, in the language of the process (``Language/current``).
///
/// The words live in ``Message/entry`` (Catalog.swift), the one file a translator edits. A sentence's
/// placeholders are written `{name}` and filled by name, so a translation may put them in another order.
extension Message {
    /// The English and Vietnamese of a message; `enOther` is the English for counts other than one (Vietnamese
    /// nouns do not change with the count).
    public struct Entry: Sendable {
        public var en: String
        public var vi: String
        public var enOther: String?

        public init(en: String, enOther: String? = nil, vi: String) {
            self.en = en
            self.vi = vi
            self.enOther = enOther
        }

        /// Every form of the entry, for the catalog's tests.
        public var forms: [String] { [en, vi] + (enOther.map { [$0] } ?? []) }
    }

    /// The message in the process's language with `values` in its placeholders.
    public func callAsFunction(_ values: [String: String] = [:]) -> String {
        text(in: Language.current, values)
    }

    /// The message in `language` with `values` in its placeholders.
    public func text(in language: Language, _ values: [String: String] = [:]) -> String {
        Self.fill(language == .vi ? entry.vi : entry.en, values)
    }

    /// The message for `count` things: `{n}` is the count, and English takes its plural form for any count but 1.
    public func count(_ count: Int, _ values: [String: String] = [:], in language: Language = .current) -> String {
        let entry = self.entry
        let form =
            switch language {
            case .vi: entry.vi
            case .en: count == 1 ? entry.en : entry.enOther ?? entry.en
            }
        return Self.fill(form, values.merging(["n": "\(count)"]) { $1 })
    }

    /// The names of the placeholders in `text`: `{path}` → `path`.
    public static func placeholders(in text: String) -> Set<String> {
        var names: Set<String> = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = rest[rest.index(after: open)..<close]
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "_" }) { names.insert(String(name)) }
            rest = rest[rest.index(after: open)...]
        }
        return names
    }

    /// `text` with each `{name}` that `values` names replaced, in one pass: a value is never read for placeholders.
    private static func fill(_ text: String, _ values: [String: String]) -> String {
        guard !values.isEmpty, text.contains("{") else { return text }
        var filled = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            filled += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}"),
                let value = values[String(rest[rest.index(after: open)..<close])]
            else {
                filled.append("{")
                rest = rest[rest.index(after: open)...]
                continue
            }
            filled += value
            rest = rest[rest.index(after: close)...]
        }
        return filled + rest
    }
}
