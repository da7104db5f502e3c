import Foundation

/// Text operations that Vietnamese makes non-trivial: normalisation, folding to ASCII, slugs.
public enum VietnameseText {
    /// The text in Unicode Normalisation Form C.
    ///
    /// Text arrives in NFD from macOS and some Windows keyboards. Swift's `==` treats both forms as equal, but
    /// SQLite, HMAC signatures and byte counts do not, so every text is normalised where it enters Loa.
    public static func nfc(_ text: String) -> String {
        isNFCByRange(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// Whether every scalar of the text is one that NFC leaves alone whatever surrounds it (Unicode's
    /// NFC_Quick_Check is Yes and it never combines with what precedes it): Latin below U+0300, Latin Extended
    /// Additional (Vietnamese's precomposed letters, U+1E00–U+1EFF), general punctuation from U+2002, and
    /// emoji. Such text is already NFC. Foundation's normalisation on Linux decomposes and recomposes every
    /// text, which was a tenth of the time of reading a queue.
    static func isNFCByRange(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0..<0x300, 0x1E00...0x1EFF, 0x2002...0x206F, 0x1F300...0x1FAFF: true
            default: false
            }
        }
    }

    /// The text without diacritics: `Đoàn Thanh niên` → `Doan Thanh nien`.
    ///
    /// Foundation's diacritic folding keeps `đ`, which is a letter of its own rather than `d` with a mark,
    /// so it is mapped here by hand.
    public static func folded(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F: continue  // combining diacritical marks
            case 0x0111: scalars.append("d")
            case 0x0110: scalars.append("D")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// A lowercase ASCII slug for file names and ids: `Tuổi trẻ Cần Thơ!` → `tuoi-tre-can-tho`.
    public static func slug(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        for scalar in folded(text).lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash, !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return result
    }

    /// A hashtag in ASCII CamelCase without diacritics: `Tuổi trẻ Cần Thơ` → `#TuoiTreCanTho`.
    ///
    /// Words keep their inner capitals (`ThanhDoanCanTho` stays as written); a leading `#` is dropped.
    /// Returns nil when nothing usable remains.
    public static func hashtag(_ text: String) -> String? {
        var result = ""
        for word in folded(text).split(whereSeparator: { !isHashtagCharacter($0) }) {
            guard let first = word.first else { continue }
            result += first.uppercased() + word.dropFirst()
        }
        return result.isEmpty ? nil : "#" + result
    }

    private static func isHashtagCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber)
    }
}
