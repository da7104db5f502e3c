import Foundation

/// The secrets file: `KEY=value` lines in dotenv form, never committed, mode 0600.
///
/// Accepted: blank lines, `#` comments, an `export ` prefix, values in double quotes (with `\n`, `\"` and
/// `\\` escapes), in single quotes (taken literally), or bare (a ` #` starts a comment). Messages name keys
/// and lines, never values.
public struct Credentials: Sendable {
    /// The values by name.
    public private(set) var values: [String: String] = [:]
    /// Whether the file existed.
    public private(set) var exists = false

    public init(values: [String: String] = [:]) {
        self.values = values
    }

    /// Reads a credentials file; a missing file is empty, not an error.
    public static func load(from file: URL, displayPath: String) -> (Credentials, [Diagnostic]) {
        var credentials = Credentials()
        var diagnostics: [Diagnostic] = []
        func report(_ severity: Diagnostic.Severity = .error, line: Int?, _ message: String, hint: String? = nil) {
            diagnostics.append(
                Diagnostic(severity, area: .configuration, file: displayPath, line: line, message: message, hint: hint)
            )
        }
        guard FileManager.default.fileExists(atPath: file.path) else { return (credentials, []) }
        credentials.exists = true
        // Readable by its group is allowed: on a machine shared by several accounts, the workspace's group is the
        // officers who run Loa, and every command reads the secrets loa.yml names. Anyone else reading it, or the
        // group changing it, is what is warned about.
        if let mode = FilePermissions.mode(of: file), mode & 0o027 != 0 {
            report(
                .warning,
                line: nil,
                (mode & 0o007 != 0 ? Message.credReadableByOthers : Message.credChangeableByGroup)([
                    "mode": String(mode & 0o777, radix: 8)
                ]),
                hint: Message.credChmodHint(["path": displayPath])
            )
        }
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            report(line: nil, FileProblem.unreadableText(file.path))
            return (credentials, diagnostics)
        }
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let lineNumber = index + 1
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)).trimmingCharacters(in: .whitespaces) }
            guard let equals = line.firstIndex(of: "=") else {
                report(line: lineNumber, Message.credExpectedKeyValue())
                continue
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            guard isValidName(key) else {
                report(line: lineNumber, Message.credBadName(["name": key]))
                continue
            }
            switch parseValue(line[line.index(after: equals)...]) {
            case .success(let value):
                if credentials.values[key] != nil {
                    report(.warning, line: lineNumber, Message.credSetTwice(["name": key]))
                }
                credentials.values[key] = VietnameseText.nfc(value)
            case .failure(let problem):
                report(line: lineNumber, "\(key): \(problem.message)")
            }
        }
        return (credentials, diagnostics)
    }

    /// Whether a text is a name that `${NAME}` can refer to.
    public static func isValidName(_ name: some StringProtocol) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic)
        else { return false }
        return name.unicodeScalars.allSatisfy {
            $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
        }
    }

    private struct ValueProblem: Error {
        let message: String
    }

    private static func parseValue(_ raw: Substring) -> Result<String, ValueProblem> {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard let quote = text.first, quote == "\"" || quote == "'" else {
            let value = text.range(of: " #").map { String(text[..<$0.lowerBound]) } ?? text
            return .success(value.trimmingCharacters(in: .whitespaces))
        }
        var value = ""
        var escaped = false
        for (offset, character) in text.dropFirst().enumerated() {
            if escaped {
                switch character {
                case "n": value.append("\n")
                case "t": value.append("\t")
                default: value.append(character)
                }
                escaped = false
            } else if character == "\\" && quote == "\"" {
                escaped = true
            } else if character == quote {
                let rest = text.dropFirst(offset + 2).trimmingCharacters(in: .whitespaces)
                guard rest.isEmpty || rest.hasPrefix("#") else {
                    return .failure(ValueProblem(message: Message.credAfterQuote()))
                }
                return .success(value)
            } else {
                value.append(character)
            }
        }
        return .failure(ValueProblem(message: Message.credNoClosingQuote(["quote": String(quote)])))
    }
}

/// File modes, as `ls -l` shows them.
enum FilePermissions {
    static func mode(of file: URL) -> Int? {
        let attributes = try? FileManager.default.attributesOfItem(atPath: file.path)
        return (attributes?[.posixPermissions] as? NSNumber)?.intValue
    }
}
