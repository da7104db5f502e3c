/// Detects Vietnamese text typed in a legacy 8-bit font encoding (TCVN3/ABC or VNI) and pasted as Unicode, and
/// Unicode text garbled by a program that read its UTF-8 bytes as Windows-1252.
///
/// Text copied from old `.doc` files set in `.VnTime` or `VNI-Times` arrives as Latin-1 look-alikes:
/// TCVN3 writes `Thµnh ®oµn` for `Thành đoàn`, VNI writes `Thaønh ñoaøn`. A UTF-8 file opened as Windows-1252
/// (an old Notepad, Excel's CSV import) and saved again shows `ThÃ nh Ä‘oÃ n`. Each needs a different fix, so
/// each is told apart; such text is unreadable on a phone, so it is rejected with a hint rather than posted.
public enum Mojibake {
    /// The legacy encoding a text looks like, if any.
    public enum Encoding: String, Sendable {
        case tcvn3 = "TCVN3 (ABC)"
        case vni = "VNI"
        /// Unicode (UTF-8) text that a program read as Windows-1252 and saved again: `ÄoÃ n` for `Đoàn`.
        case utf8ReadAsWindows1252 = "UTF-8 read as Windows-1252"
    }

    /// Latin-1 characters that Vietnamese never uses inside a word, but TCVN3 or VNI put there.
    private static let tcvn3Marks: Set<Unicode.Scalar> = Set(
        "¡¢£¤¥¦§¨©ª«¬\u{AD}®¯°±²³´µ¶·¸¹º»¼½¾¿ÆÇÎÏÑ×ØÞßæçîïðñ÷øþ".unicodeScalars
    )
    /// VNI's tone and vowel marks that are not Vietnamese letters themselves (`ù`, `õ` are, so they are left out).
    private static let vniMarks: Set<Unicode.Scalar> = Set("øûüöïñÑäåæçëîÄÖÜØ".unicodeScalars)

    /// Returns the legacy encoding the text appears to be in, or nil when it reads as ordinary text.
    ///
    /// A word counts as suspicious when a marker character sits next to a letter; two such words, or a single
    /// suspicious word standing alone, are enough.
    public static func detect(in text: String) -> Encoding? {
        // Most text holds no marker at all; one pass over the scalars settles it without splitting words.
        // (`Ã`, `Ä`, `Å` are the lead bytes of UTF-8 read as Windows-1252; `Æ`, `º`, `»` are markers already.)
        guard
            text.unicodeScalars.contains(where: {
                (0xA1...0xFF).contains($0.value) && (isMarker($0) || (0xC3...0xC5).contains($0.value))
            })
        else { return nil }
        // Checked first: its bytes are Latin-1 look-alikes too, and TCVN3's fix (UniKey) would make it worse.
        if isUTF8ReadAsWindows1252(text) { return .utf8ReadAsWindows1252 }
        var tcvnWords = 0
        var vniWords = 0
        var wordCount = 0
        for word in text.split(whereSeparator: { $0.isWhitespace }) {
            wordCount += 1
            let scalars = Array(word.unicodeScalars)
            guard scalars.contains(where: { $0.isASCII && $0.properties.isAlphabetic }) else { continue }
            var sawTCVN = false
            var sawVNI = false
            for (index, scalar) in scalars.enumerated() {
                let nextToLetter =
                    (index > 0 && isLetter(scalars[index - 1]))
                    || (index + 1 < scalars.count && isLetter(scalars[index + 1]))
                guard nextToLetter else { continue }
                if vniMarks.contains(scalar) { sawVNI = true }
                if tcvn3Marks.contains(scalar) { sawTCVN = true }
            }
            if sawVNI { vniWords += 1 } else if sawTCVN { tcvnWords += 1 }
        }
        let suspicious = tcvnWords + vniWords
        guard suspicious >= 2 || (suspicious == 1 && wordCount == 1) else { return nil }
        return vniWords > tcvnWords ? .vni : .tcvn3
    }

    /// What to tell a person whose text was rejected.
    public static func hint(for encoding: Encoding) -> String {
        switch encoding {
        case .tcvn3, .vni:
            Message.mojibakeOldEncoding(["encoding": encoding.rawValue])
        case .utf8ReadAsWindows1252:
            Message.mojibakeWindows1252()
        }
    }

    /// The bytes Windows-1252 shows as these characters in 0x80–0x9F, where it differs from Latin-1.
    private static let cp1252Bytes: [Unicode.Scalar: UInt8] = {
        let shown = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
        let bytes: [UInt8] = [
            0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8A, 0x8B, 0x8C, 0x8E, 0x91, 0x92, 0x93, 0x94,
            0x95, 0x96, 0x97, 0x98, 0x99, 0x9A, 0x9B, 0x9C, 0x9E, 0x9F,
        ]
        return Dictionary(uniqueKeysWithValues: zip(shown.unicodeScalars, bytes))
    }()

    /// Whether `scalar` is how Windows-1252 (or Latin-1) shows a UTF-8 continuation byte (0x80–0xBF).
    private static func isContinuation(_ scalar: Unicode.Scalar) -> Bool {
        (0x80...0xBF).contains(scalar.value) || cp1252Bytes[scalar] != nil
    }

    /// Whether the text shows the marks of UTF-8 read as Windows-1252: the lead bytes of Vietnamese letters
    /// (`Ã`, `Ä`, `Å`, `Æ`, `áº`, `á»`) followed by what a continuation byte looks like. `Ä`, `Å` and `Æ` are no
    /// Vietnamese letters, so next to a letter they count alone (Windows drops `Đ`'s second byte, 0x90); `Ã` is
    /// (`NGÃ`), so it counts only before a continuation, or before a space after a lowercase letter (`à` is
    /// `Ã` and a no-break space, often turned into a space). Two marks, or one in a single word, decide it.
    static func isUTF8ReadAsWindows1252(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        var marks = 0
        for (index, scalar) in scalars.enumerated() {
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            let previous = index > 0 ? scalars[index - 1] : nil
            switch scalar {
            case "Ä", "Å", "Æ":
                if let next, isContinuation(next) || isLetter(next) { marks += 1 }
            case "Ã":
                if let next, isContinuation(next) {
                    marks += 1
                } else if next == " ", let previous, previous.properties.isLowercase {
                    marks += 1
                }
            case "á":
                if next == "º" || next == "»", index + 2 < scalars.count, isContinuation(scalars[index + 2]) {
                    marks += 1
                }
            default:
                continue
            }
        }
        let words = text.split(whereSeparator: \.isWhitespace).count
        return marks >= 2 || (marks == 1 && words == 1)
    }

    /// The text UTF-8 read as Windows-1252 stood for, when every character maps back to a byte and the bytes are
    /// UTF-8; nil when something was lost on the way (Windows drops 0x81, 0x8D, 0x8F, 0x90 and 0x9D).
    public static func repairingUTF8ReadAsWindows1252(_ text: String) -> String? {
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar.value <= 0xFF {
                bytes.append(UInt8(scalar.value))
            } else if let byte = cp1252Bytes[scalar] {
                bytes.append(byte)
            } else {
                return nil
            }
        }
        guard let repaired = String(validating: bytes, as: UTF8.self), repaired != text else { return nil }
        return repaired
    }

    private static func isMarker(_ scalar: Unicode.Scalar) -> Bool {
        tcvn3Marks.contains(scalar) || vniMarks.contains(scalar)
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic
    }
}
