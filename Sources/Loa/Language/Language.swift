import Foundation
import Synchronization

/// The language Loa speaks to people: its messages, statuses, summaries and `--help`.
///
/// Chosen once per process, before a command is parsed (so that `--help` speaks it too): `LOA_LANG` when set,
/// else loa.yml's `language:`, else English. Reports are always Vietnamese: they go to the level above.
public enum Language: String, Sendable, CaseIterable {
    case en
    case vi

    /// The language of this process's output; English until the executable chooses.
    public static var current: Language {
        get { chosen.withLock { $0 } }
        set { chosen.withLock { $0 = newValue } }
    }
    private static let chosen = Mutex<Language>(.en)

    /// The language `text` names: `vi`, `en`, also written as a locale (`vi_VN.UTF-8`, `en-US`); nil for others.
    public init?(written text: String) {
        let code = text.trimmingCharacters(in: .whitespaces).lowercased()
            .prefix { $0 != "_" && $0 != "-" && $0 != "." }
        self.init(rawValue: String(code))
    }

    /// What `LOA_LANG` asks for: nil when it is unset or empty, a problem when it names no language Loa speaks.
    public static func fromEnvironment(_ environment: [String: String]) -> Result<Language, LanguageProblem>? {
        guard let value = environment["LOA_LANG"], !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            return nil
        }
        guard let language = Language(written: value) else { return .failure(LanguageProblem(value: value)) }
        return .success(language)
    }

    /// The `language:` loa.yml at `file` declares, read without loading the rest (a file that cannot be read,
    /// or names no language, declares none: `loa check` reports it).
    public static func declared(inConfigFile file: URL) -> Language? {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        for line in text.split(whereSeparator: \.isNewline) where line.hasPrefix("language:") {
            var value = line.dropFirst("language:".count)
            if let comment = value.firstIndex(of: "#") { value = value[..<comment] }
            let unquoted = value.trimmingCharacters(in: .whitespaces).trimmingCharacters(
                in: CharacterSet(charactersIn: "\"'")
            )
            return Language(written: unquoted)
        }
        return nil
    }
}

/// `LOA_LANG` names a language Loa does not speak.
public struct LanguageProblem: Error, CustomStringConvertible, Sendable {
    public var value: String

    public var description: String {
        "LOA_LANG: '\(VisibleText.escaped(value))' is not a language Loa speaks; expected vi or en"
    }
}
