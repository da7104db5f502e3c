import Foundation
import Testing

@testable import Loa

/// The helpers every stage shares, each against the plain Foundation way it replaces.
@Suite("Support: JSON text, hex, UTC time")
struct SupportTests {
    static let samples = [
        "", "Đoàn TNCS Hồ Chí Minh", "Đoa\u{300}n phường An Hòa (NFD)", "\"quoted\" \\ back\\slash",
        "tab\tnew\nline\rreturn", "\u{1}\u{1F}\u{7F} control", "emoji 📢 👉", "a/b</script>",
    ]

    @Test("JSON strings and arrays read back as the text they were made from", arguments: samples)
    func jsonText(_ text: String) throws {
        let literal = JSONText.string(text)
        let decoded = try JSONSerialization.jsonObject(with: Data(literal.utf8), options: .fragmentsAllowed)
        #expect((decoded as? String)?.unicodeScalars.elementsEqual(text.unicodeScalars) == true)
        let array = try JSONSerialization.jsonObject(with: Data(JSONText.array([text, "x"]).utf8)) as? [String]
        #expect(array?.first?.unicodeScalars.elementsEqual(text.unicodeScalars) == true)
        #expect(array?.last == "x")
    }

    @Test("hex text is two lower-case digits a byte")
    func hex() {
        #expect(Hex.string([0x00, 0x0F, 0xA5, 0xFF]) == "000fa5ff")
        #expect(Hex.string(Data("Đ".utf8)) == Data("Đ".utf8).map { String(format: "%02x", $0) }.joined())
    }

    @Test("the byte search finds what the plain search finds", arguments: samples)
    func byteSearch(_ text: String) {
        let needles = [
            "", "Đoàn", "a\u{300}", "\\", "\n", "📢", "x", text, text + "!", String(text.utf8.suffix(3)) ?? "",
        ]
        for needle in needles {
            let plain = needle.isEmpty || Array(text.utf8).firstRange(of: Array(needle.utf8)) != nil
            #expect(ByteSearch.contains(text, needle) == plain, "\(needle) in \(text)")
            #expect(ByteSearch.contains(Data(text.utf8), Array(needle.utf8)) == plain, "\(needle) in \(text)")
        }
    }

    @Test("UTC times by arithmetic agree with Foundation's formatter", arguments: [0, 1_796_058_000, 951_782_400, -1])
    func utcTime(_ seconds: Int) {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        #expect(
            UTCTime.iso8601(seconds: seconds) == formatter.string(from: Date(timeIntervalSince1970: Double(seconds)))
        )
    }
}
