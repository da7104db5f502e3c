import Foundation
import Testing

@testable import Loa

/// Input written the way Vietnamese officers write it: `7h30`, `1.250`, category labels, NFD, garbled encodings.
@Suite("Vietnamese input")
struct VietnameseInputTests {
    let parser = DateTimeParser(timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!)

    /// 2026-01-05 07:30 in Asia/Ho_Chi_Minh.
    static let halfPastSeven = Date(timeIntervalSince1970: 1_767_574_800 - 1800)

    @Test(
        "times written 7h30, 7g30, 07:30 read the same; 19h is 19:00",
        arguments: ["05/01/2026 7h30", "05/01/2026 7g30", "2026-01-05 07h30", "05/01/2026 7H30", "05/01/2026 07:30"]
    )
    func vietnameseTimes(text: String) throws {
        #expect(try parser.parse(text).get() == Self.halfPastSeven)
    }

    @Test("a time of day alone is that time on today's local day, for --at")
    func timeToday() throws {
        let now = Date(timeIntervalSince1970: 1_767_574_800 + 3 * 3600)  // 05/01/2026 11:00 in Vietnam
        #expect(try parser.parse("7h30", orTimeOn: now).get() == Self.halfPastSeven)
        #expect(try parser.parse("19h", orTimeOn: now).get() == Self.halfPastSeven + 11.5 * 3600)
        #expect(try parser.parse("05/01/2026 7g30", orTimeOn: now).get() == Self.halfPastSeven)
        #expect(throws: DateTimeParser.Failure.self) { try parser.parse("25h", orTimeOn: now).get() }
    }

    @Test("times of day: what is accepted and what is not")
    func timesOfDay() {
        #expect(TimeOfDay("7h30") == TimeOfDay(hour: 7, minute: 30))
        #expect(TimeOfDay("19h") == TimeOfDay(hour: 19, minute: 0))
        #expect(TimeOfDay("19G") == TimeOfDay(hour: 19, minute: 0))
        #expect(TimeOfDay(" 6g05 ") == TimeOfDay(hour: 6, minute: 5))
        for bad in ["7h3", "7h60", "24h", "19", "h30", "7h30p", "7:3", "19 giờ"] {
            #expect(TimeOfDay(bad) == nil, "\(bad)")
        }
        #expect(TimeOfDay("24h", allowing24: true) == TimeOfDay(hour: 24, minute: 0))
        #expect(QuietHours("22h-6h") == QuietHours("22:00-06:00"))
        #expect(QuietHours("21g30-5h") == QuietHours("21:30-05:00"))
        #expect(QuietHours("22h-22h") == nil)
    }

    @Test(
        "categories by id or Vietnamese label, with or without diacritics, any dash, NFC or NFD",
        arguments: [
            ("policy-update", Category.policyUpdate),
            ("Văn bản – Chính sách", .policyUpdate),
            ("Văn bản - Chính sách", .policyUpdate),
            ("van ban — chinh sach", .policyUpdate),
            ("VĂN BẢN–CHÍNH SÁCH", .policyUpdate),
            ("Mô hình hay – Cách làm hiệu quả", .modelPractice),
            ("mo hinh hay - cach lam hieu qua", .modelPractice),
            ("Tin hoạt động", .activityNews),
            ("tin hoat dong", .activityNews),
            ("Activity-News", .activityNews),
        ]
    )
    func categories(text: String, category: Category) {
        #expect(Category(written: text) == category)
        #expect(Category(written: text.decomposedStringWithCanonicalMapping) == category, "NFD")
    }

    @Test("a category that is none of them is nil")
    func unknownCategory() {
        for text in ["tin tức", "", "policy", "Văn bản – Chính sách – Tin hoạt động"] {
            #expect(Category(written: text) == nil, "\(text)")
        }
    }

    @Test("numbers with Vietnamese thousands dots")
    func numbers() throws {
        #expect(WrittenNumber.whole("1.250") == 1250)
        #expect(WrittenNumber.whole("12.500.000") == 12_500_000)
        #expect(WrittenNumber.whole("480") == 480)
        for bad in ["1,250", "1,5", "1.25", "1.2500", ".250", "1.", "12a", "-1", "1 250", ""] {
            #expect(WrittenNumber.whole(bad) == nil, "\(bad)")
        }
        #expect(
            try Figures.parse(arguments: ["views=1.250", "reactions=12"]).get() == ["views": 1250, "reactions": 12]
        )
        #expect(throws: Figures.ManualProblem.self) { try Figures.parse(arguments: ["views=1,5"]).get() }
    }

    @Test("metric names: a known one passes; a synonym or a typo is refused with the name meant")
    func metricNames() {
        let known = MetricNames.standard + ["saves"]
        #expect(MetricNames.problem(with: "views", known: known) == nil)
        #expect(MetricNames.problem(with: "saves", known: known) == nil)
        #expect(
            MetricNames.problem(with: "likes", known: known)
                == "there is no metric 'likes' (did you mean 'reactions'?); add --new-metric to record a new one"
        )
        #expect(MetricNames.problem(with: "luot_xem", known: known)?.contains("did you mean 'views'?") == true)
        #expect(MetricNames.problem(with: "comment", known: known)?.contains("did you mean 'comments'?") == true)
        #expect(MetricNames.problem(with: "Views", known: known)?.contains("did you mean 'views'?") == true)
        #expect(MetricNames.problem(with: "sahres", known: known)?.contains("did you mean 'shares'?") == true)
        #expect(MetricNames.problem(with: "clicks", known: known)?.contains("known: reactions, comments") == true)
    }

    @Test("suggestions ignore case, diacritics and the kind of dash")
    func suggestions() {
        #expect(Suggestion.closest(to: "Zalo-nhom", among: ["zalo-nhom", "fb-trang"]) == "zalo-nhom")
        #expect(Suggestion.closest(to: "zalo_nhóm", among: ["zalo-nhom", "fb-trang"]) == "zalo-nhom")
        #expect(Suggestion.closest(to: "zalo-nhon", among: ["zalo-nhom", "fb-trang"]) == "zalo-nhom")
        #expect(
            Suggestion.unknown(.kindChannel, "Zalo-nhom", among: ["zalo-nhom"], place: .placeInConfig)
                == "there is no channel 'Zalo-nhom' in loa.yml (did you mean 'zalo-nhom'?)"
        )
        #expect(
            Suggestion.unknown(.kindChannel, "tiktok", among: ["zalo-nhom", "fb-trang"])
                == "there is no channel 'tiktok' (known: zalo-nhom, fb-trang)"
        )
    }

    @Test(
        "UTF-8 read as Windows-1252 is told apart from TCVN3 and VNI",
        arguments: [
            "ÄoÃ n",
            "ÄoÃ\u{A0}n phÆ°á»ng An HÃ²a ra quÃ¢n lÃ\u{A0}m sáº¡ch bá» kÃ¨",
            "ThÃ nh Ä‘oÃ n Cáº§n ThÆ¡",
        ]
    )
    func utf8ReadAsWindows1252(text: String) {
        #expect(Mojibake.detect(in: text) == .utf8ReadAsWindows1252)
        // A file saved in NFD is read as NFC first, as the parser does.
        let nfd = text.decomposedStringWithCanonicalMapping
        #expect(Mojibake.detect(in: VietnameseText.nfc(nfd)) == .utf8ReadAsWindows1252)
        let hint = Mojibake.hint(for: .utf8ReadAsWindows1252)
        #expect(hint.contains("opened as Windows-1252") && hint.contains("not TCVN3"))
    }

    @Test("legacy encodings and real Vietnamese keep their verdicts")
    func otherVerdicts() {
        #expect(Mojibake.detect(in: "Thµnh ®oµn CÇn Th¬ tæ chøc ngµy héi") == .tcvn3)
        #expect(Mojibake.detect(in: "Thaønh ñoaøn Caàn Thô toå chöùc ngaøy hoäi") == .vni)
        for text in ["NGÃ BA ĐƯỜNG", "Ngã ba Cái Răng", "Đoàn phường An Hòa ra quân", "Khánh Hòa » Nha Trang"] {
            #expect(Mojibake.detect(in: text) == nil, "\(text)")
        }
    }

    @Test("garbled text whose bytes all survived is repaired exactly; with bytes lost, nil")
    func repair() {
        #expect(Mojibake.repairingUTF8ReadAsWindows1252("ThÃ\u{A0}nh Ä‘oÃ\u{A0}n Cáº§n ThÆ¡") == "Thành đoàn Cần Thơ")
        #expect(Mojibake.repairingUTF8ReadAsWindows1252("ÄoÃ n") == nil, "0x90 was dropped")
        #expect(Mojibake.repairingUTF8ReadAsWindows1252("Thành đoàn") == nil)
    }
}
