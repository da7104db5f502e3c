/// Text made safe to print on a terminal or in cron's mail: control characters shown, never obeyed.
///
/// A bridge's answer, a remote id or a queue file can hold an escape sequence (which would recolour, move the
/// cursor or retitle the terminal), a carriage return or backspace (which would overwrite what was printed before
/// it), or a bidirectional override (which would reorder a line). Each is written as `\u{1B}`, Swift's notation;
/// every other character, Vietnamese letters and emoji included, is kept exactly as it was.
public enum VisibleText {
    /// `text` with every character of ``needsEscape(_:)`` written as `\u{…}`; with `keepingLineBreaks`, line
    /// feeds, CRLF pairs and tabs are kept, for text of many lines.
    public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        let scalars = text.unicodeScalars
        guard scalars.contains(where: needsEscape) else { return text }
        var result = String.UnicodeScalarView()
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            let isLineBreak =
                scalar == "\n" || scalar == "\t" || (scalar == "\r" && next < scalars.endIndex && scalars[next] == "\n")
            if !needsEscape(scalar) || (keepingLineBreaks && isLineBreak) {
                result.append(scalar)
            } else {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            }
            index = next
        }
        return String(result)
    }

    /// Whether a character must not reach a terminal as it is: a control character (C0, DEL, C1) or one of the
    /// bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// JSON text with the characters of ``needsEscape(_:)`` that JSON encoders leave as they are (DEL, C1, the
    /// bidirectional controls) written as `\u` escapes; they occur only inside strings, so the JSON means the same.
    public static func escapedJSON(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: needsEscape) else { return json }
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if needsEscape(scalar) && scalar.value >= 0x20 {
                let hex = String(scalar.value, radix: 16)
                result.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
