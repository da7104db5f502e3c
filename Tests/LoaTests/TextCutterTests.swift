import Foundation
import Testing

@testable import Loa

/// A small deterministic generator, so a failing case can be replayed from its seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Cutting to a length limit")
struct TextCutterTests {
    static let link = "https://thanhdoancantho.example/tin/2026/giot-hong"
    static let pieces = [
        "Thành", "đoàn", "Cần", "Thơ", "tổ", "chức", "ngày", "hội", "hiến", "máu", "“Giọt", "hồng", "Tây", "Đô”.",
        "Đoàn", "viên,", "thanh", "niên!", "Nghị", "quyết?", "🎉", "🇻🇳", "👨‍👩‍👧", "ệ", "https://x.example/a_b?c=1",
        "http://doan.example/very/long/path/that/goes/on", "ThôngBáoSố12KHTĐTNkhôngcókhoảngtrắng",
    ]

    static func randomText(_ generator: inout SplitMix64) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 1...120, using: &generator) {
            text += pieces.randomElement(using: &generator)!
            switch Int.random(in: 0..<20, using: &generator) {
            case 0: text += "\n\n"
            case 1: text += "\n"
            case 2: text += ""
            default: text += " "
            }
        }
        return VietnameseText.nfc(text)
    }

    @Test("property: never over the limit, never splits a grapheme or a web address, keeps the link")
    func property() throws {
        var generator = SplitMix64(seed: 20_260_105)
        for round in 0..<3000 {
            let text = Self.randomText(&generator)
            let link: String? = round.isMultiple(of: 4) ? nil : Self.link
            let limit = Int.random(in: 1...400, using: &generator)
            guard let cut = TextCutter.cut(text, toFit: limit, link: link) else {
                #expect(TextLength.measure(TextCutter.suffix(link: link)) + 1 > limit, "round \(round)")
                continue
            }
            #expect(TextLength.measure(cut) <= limit, "round \(round)")
            if TextLength.measure(text) <= limit {
                #expect(cut == text)
                continue
            }
            let suffix = TextCutter.suffix(link: link)
            #expect(cut.hasSuffix(suffix), "round \(round)")
            var kept = String(cut.dropLast(suffix.count))
            if kept.hasSuffix("\n") { kept.removeLast() }
            // Compared as Characters: a kept text that ended inside a grapheme would not be a prefix.
            #expect(Array(text).starts(with: Array(kept)), "round \(round): \(kept.debugDescription)")
            for address in WebAddresses.ranges(in: kept).map({ String(kept[$0]) }) {
                #expect(WebAddresses.ranges(in: text).contains { String(text[$0]) == address }, "round \(round)")
            }
        }
    }

    @Test("prefers a paragraph, then a sentence, then a word")
    func boundaries() throws {
        let paragraph =
            "Đoạn một có nhiều chữ ở đây.\n\nĐoạn hai rất dài, dài hơn nhiều so với giới hạn cho phép của kênh."
        let cut = try #require(TextCutter.cut(paragraph, toFit: 40, link: nil))
        #expect(cut == "Đoạn một có nhiều chữ ở đây.\n…")
        let sentence = "Câu một ngắn. Câu hai dài hơn một chút nữa đây"
        #expect(TextCutter.cut(sentence, toFit: 24, link: nil) == "Câu một ngắn.\n…")
        // Too little kept at the sentence end: the cut falls on a word instead.
        #expect(TextCutter.cut(sentence, toFit: 30, link: nil) == "Câu một ngắn. Câu hai dài…")
        let words = "Thành đoàn Cần Thơ tổ chức ngày hội"
        #expect(TextCutter.cut(words, toFit: 20, link: nil) == "Thành đoàn Cần Thơ…")
        #expect(TextCutter.cut(words, toFit: 40, link: nil) == words)
    }

    @Test("ends with “… Xem thêm: <link>” and never cuts inside an address")
    func link() throws {
        let text =
            "Chi tiết tại https://thanhdoancantho.example/van-ban/2026/3-chu-dong và nhiều chữ khác nữa, rất nhiều chữ nữa"
        let cut = try #require(TextCutter.cut(text, toFit: 101, link: "https://l.example/x"))
        #expect(
            cut == "Chi tiết tại https://thanhdoancantho.example/van-ban/2026/3-chu-dong… Xem thêm: https://l.example/x"
        )
        let noSpaces = "https://thanhdoancantho.example/a/very/long/address/without/spaces"
        #expect(TextCutter.cut("Xem:" + noSpaces, toFit: 20, link: nil) == "Xem…")
        #expect(TextCutter.cut("abc", toFit: 0, link: nil) == nil)
    }
}
