/// Detects Vietnamese text typed in a legacy 8-bit font encoding (TCVN3/ABC or VNI) and pasted as Unicode.
///
/// Text copied from old `.doc` files set in `.VnTime` or `VNI-Times` arrives as Latin-1 look-alikes:
/// TCVN3 writes `Thµnh ®oµn` for `Thành đoàn`, VNI writes `Thaønh ñoaøn`. Such text is unreadable on a
/// phone, so it is rejected with a hint rather than posted.
public enum Mojibake {
    /// The legacy encoding a text looks like, if any.
    public enum Encoding: String, Sendable {
        case tcvn3 = "TCVN3 (ABC)"
        case vni = "VNI"
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
        guard text.unicodeScalars.contains(where: { (0xA1...0xFF).contains($0.value) && isMarker($0) }) else {
            return nil
        }
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
        "the text looks like \(encoding.rawValue) copied from an old document; convert it to Unicode "
            + "(UniKey: Công cụ chuyển mã, from \(encoding.rawValue) to Unicode) and save the file again"
    }

    private static func isMarker(_ scalar: Unicode.Scalar) -> Bool {
        tcvn3Marks.contains(scalar) || vniMarks.contains(scalar)
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic
    }
}
