import Foundation

/// Replaces `${NAME}` in loa.yml values, from the environment first and then the credentials file.
///
/// A value with a control character is refused: a line break in a token would end the `Authorization` header
/// and start another, and none belongs in a secret or an address.
struct SecretResolver {
    let environment: [String: String]
    let credentials: Credentials
    let credentialsPath: String
    /// Every value put in for a `${NAME}` so far, in order: each is a secret wherever it was used.
    private(set) var substitutions: [Secret] = []

    init(environment: [String: String], credentials: Credentials, credentialsPath: String) {
        self.environment = environment
        self.credentials = credentials
        self.credentialsPath = credentialsPath
    }

    /// The value with every `${NAME}` replaced, wrapped as a ``Secret``; nil with a diagnostic on failure.
    mutating func resolve(_ entry: YAMLReader.Entry, _ reader: inout YAMLReader) -> Secret? {
        guard let raw = reader.string(entry) else { return nil }
        if Self.hasControlCharacter(raw) {
            reader.report(
                at: entry.value,
                field: entry.field,
                Message.cfgControlCharacter()
            )
            return nil
        }
        var result = ""
        var rest = Substring(raw)
        while let open = rest.range(of: "${") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                reader.report(at: entry.value, field: entry.field, Message.cfgUnclosedSubstitution())
                return nil
            }
            let name = String(rest[open.upperBound..<close])
            guard Credentials.isValidName(name) else {
                reader.report(
                    at: entry.value,
                    field: entry.field,
                    Message.cfgBadSubstitutionName(["name": name])
                )
                return nil
            }
            guard let value = environment[name] ?? credentials.values[name], !value.isEmpty else {
                let words = ["name": name, "path": credentialsPath]
                reader.report(
                    at: entry.value,
                    field: entry.field,
                    credentials.exists ? Message.cfgNotSetNowhere(words) : Message.cfgNotSetNoFile(words),
                    hint: Message.cfgNotSetHint(words)
                )
                return nil
            }
            if Self.hasControlCharacter(value) {
                let source = environment[name] != nil ? Message.cfgTheEnvironment() : credentialsPath
                reader.report(
                    at: entry.value,
                    field: entry.field,
                    Message.cfgValueControlCharacter(["name": name]),
                    hint: Message.cfgCorrectIn(["name": name, "source": source])
                )
                return nil
            }
            substitutions.append(Secret(value))
            result += value
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return Secret(result)
    }

    /// Whether a text holds a control character (Unicode's category Cc: C0, DEL and C1).
    static func hasControlCharacter(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}
