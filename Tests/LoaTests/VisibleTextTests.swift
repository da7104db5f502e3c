import Foundation
import Testing

@testable import Loa

@Suite("text shown on a terminal")
struct VisibleTextTests {
    @Test("control characters and bidirectional overrides are shown as \\u{…}; everything else is kept")
    func escaped() {
        #expect(
            VisibleText.escaped("a\u{1B}[31mb\rc\u{7}\u{0}\u{7F}\u{9B}\u{202E}d")
                == #"a\u{1B}[31mb\u{D}c\u{7}\u{0}\u{7F}\u{9B}\u{202E}d"#
        )
        #expect(VisibleText.escaped("one\ntwo\tthree") == #"one\u{A}two\u{9}three"#)
        #expect(
            VisibleText.escaped("one\ntwo\tthree\r\nfour\rfive", keepingLineBreaks: true)
                == "one\ntwo\tthree\r\nfour\\u{D}five"
        )
    }

    @Test(
        "Vietnamese in NFC and NFD, and emoji, come out byte for byte",
        arguments: [
            "Đoàn Thanh niên Cộng sản Hồ Chí Minh 📢 👨‍👩‍👧",
            "Đoàn Thanh niên Cộng sản Hồ Chí Minh".decomposedStringWithCanonicalMapping,
        ]
    )
    func untouched(text: String) {
        #expect(Array(VisibleText.escaped(text).utf8) == Array(text.utf8))
        #expect(Array(VisibleText.escaped(text, keepingLineBreaks: true).utf8) == Array(text.utf8))
    }

    @Test("JSON keeps its meaning: what JSON encoders leave raw becomes a \\u escape")
    func json() throws {
        let value = "a\u{1B}b\u{9B}c\u{202E}đ"
        let encoded = String(decoding: try JSONEncoder().encode(["note": value]), as: UTF8.self)
        let shown = VisibleText.escapedJSON(encoded)
        #expect(!shown.unicodeScalars.contains { VisibleText.needsEscape($0) })
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(shown.utf8))
        #expect(decoded["note"] == value)
    }

    @Test("only http(s) addresses with a host are links")
    func links() {
        #expect(WebAddresses.isWebLink("https://fb.example/p/1"))
        #expect(WebAddresses.isWebLink("HTTP://fb.example"))
        for text in [
            "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "vbscript:x", "https:x",
            "//fb.example/p", " https://fb.example", "file:///etc/passwd", "=HYPERLINK(\"https://x\")",
        ] {
            #expect(!WebAddresses.isWebLink(text), "\(text)")
        }
    }
}
