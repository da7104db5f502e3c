import Foundation
import Testing

@testable import Loa

@Suite("Vietnamese text")
struct VietnameseTextTests {
    @Test("NFD input comes back byte-identical to the precomposed literal")
    func normalisesNFD() {
        let nfd = "Tuổi trẻ Cần Thơ".decomposedStringWithCanonicalMapping
        #expect(Array(nfd.utf8) != Array("Tuổi trẻ Cần Thơ".utf8))
        #expect(Array(VietnameseText.nfc(nfd).utf8) == Array("Tuổi trẻ Cần Thơ".utf8))
    }

    @Test(
        "hashtags are ASCII CamelCase without diacritics",
        arguments: [
            ("Tuổi trẻ Cần Thơ", "#TuoiTreCanTho"),
            ("ThanhDoanCanTho", "#ThanhDoanCanTho"),
            ("#ThanhNienAnHoa", "#ThanhNienAnHoa"),
            ("Đoàn cơ sở", "#DoanCoSo"),
            ("đoàn viên", "#DoanVien"),
            ("3 chủ động", "#3ChuDong"),
            ("Mô hình hay, cách làm hiệu quả", "#MoHinhHayCachLamHieuQua"),
            ("Giọt hồng Tây Đô", "#GiotHongTayDo"),
        ]
    )
    func hashtag(input: String, expected: String) {
        #expect(VietnameseText.hashtag(input) == expected)
        #expect(VietnameseText.hashtag(input.decomposedStringWithCanonicalMapping) == expected)
    }

    @Test(
        "the NFC shortcut agrees with Foundation's normalisation, byte for byte",
        arguments: [
            "Đoàn TNCS Hồ Chí Minh – “3 chủ động”… 🎉 #TuoiTreCanTho",
            "Tuổi trẻ Cần Thơ".decomposedStringWithCanonicalMapping,
            "Tuo\u{302}\u{309}i",  // a base letter, then its marks
            "\u{2000}\u{2001} quads are singletons",
            "\u{212B}ngström, \u{2126}hm",
            "\u{1100}\u{1161} Hangul jamo",
            "e\u{301}\u{1EA1}",
            "plain ASCII",
        ]
    )
    func nfcShortcut(text: String) {
        #expect(Array(VietnameseText.nfc(text).utf8) == Array(text.precomposedStringWithCanonicalMapping.utf8))
    }

    @Test("a hashtag with no letters or digits is nil")
    func emptyHashtag() {
        #expect(VietnameseText.hashtag("#") == nil)
        #expect(VietnameseText.hashtag(" – ") == nil)
    }

    @Test(
        "slugs are lowercase ASCII with đ as d",
        arguments: [
            ("Ngày hội hiến máu “Giọt hồng Tây Đô”", "ngay-hoi-hien-mau-giot-hong-tay-do"),
            ("Đoàn phường An Hòa", "doan-phuong-an-hoa"),
            ("  Thông báo số 12/TB  ", "thong-bao-so-12-tb"),
        ]
    )
    func slug(input: String, expected: String) {
        #expect(VietnameseText.slug(input) == expected)
    }

    @Test("length is the larger of scalars and UTF-16 units")
    func length() {
        #expect(TextLength.measure("Cần Thơ") == 7)
        // One scalar but two UTF-16 units.
        #expect(TextLength.measure("🎉") == 2)
        // A flag: two scalars, four units.
        #expect(TextLength.measure("🇻🇳") == 4)
        // NFD has more scalars than NFC, which is why text is normalised before measuring.
        #expect(TextLength.measure("ệ".decomposedStringWithCanonicalMapping) == 3)
        #expect(TextLength.measure(VietnameseText.nfc("ệ".decomposedStringWithCanonicalMapping)) == 1)
    }

    @Test(
        "legacy TCVN3 and VNI text is recognised",
        arguments: [
            ("Thµnh ®oµn CÇn Th¬ tæ chøc ngµy héi", Mojibake.Encoding.tcvn3),
            ("Ban Th­êng vô Thµnh ®oµn", .tcvn3),
            ("Thaønh ñoaøn Caàn Thô toå chöùc ngaøy hoäi", .vni),
            ("Ñoaøn phöôøng An Hoøa", .vni),
        ]
    )
    func mojibake(text: String, encoding: Mojibake.Encoding) {
        #expect(Mojibake.detect(in: text) == encoding)
    }

    @Test(
        "ordinary Vietnamese and English are not mojibake",
        arguments: [
            "Thành đoàn Cần Thơ tổ chức ngày hội",
            "Rõ ràng, cùng nhau vững bước – “3 chủ động” © 2026",
            "Nhiệt độ 30°C, trời nắng",
            "Kế hoạch số 215-KH/TĐTN",
            "Café, naïve résumé",
        ]
    )
    func notMojibake(text: String) {
        #expect(Mojibake.detect(in: text) == nil)
    }

    @Test("a mistyped key gets a suggestion, an unrelated one does not")
    func suggestions() {
        #expect(Suggestion.closest(to: "publish_on", among: AnnouncementParser.keys) == "publish_at")
        #expect(Suggestion.closest(to: "hashtag", among: AnnouncementParser.keys) == "hashtags")
        #expect(Suggestion.closest(to: "colour", among: AnnouncementParser.keys) == nil)
    }
}
