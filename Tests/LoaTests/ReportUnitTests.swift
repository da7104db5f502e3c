import Foundation
import Testing

@testable import Loa

@Suite("Engagement and report building blocks")
struct ReportUnitTests {
    static let zone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!

    @Test("the reading schedule slows as a post ages, backs off when figures stop, and ends at 30 days")
    func schedule() {
        let schedule = EngagementSchedule.standard
        let sent = Date(timeIntervalSince1970: 1_796_086_800)
        func due(hours: Double, lastReadHoursAgo: Double?, unchanged: Int = 0) -> Bool {
            let now = sent.addingTimeInterval(hours * 3600)
            return schedule.isDue(
                sentAt: sent,
                lastRead: lastReadHoursAgo.map { now.addingTimeInterval(-$0 * 3600) },
                unchangedReads: unchanged,
                now: now
            )
        }
        #expect(due(hours: 0.5, lastReadHoursAgo: nil))
        #expect(!due(hours: 2, lastReadHoursAgo: 0.5))
        #expect(due(hours: 2, lastReadHoursAgo: 1))
        #expect(!due(hours: 10, lastReadHoursAgo: 2))
        #expect(due(hours: 10, lastReadHoursAgo: 3))
        #expect(!due(hours: 48, lastReadHoursAgo: 11))
        #expect(due(hours: 48, lastReadHoursAgo: 12))
        #expect(!due(hours: 2, lastReadHoursAgo: 1, unchanged: 1))
        #expect(due(hours: 3, lastReadHoursAgo: 2, unchanged: 1))
        #expect(!due(hours: 20 * 24, lastReadHoursAgo: 6 * 24))
        #expect(due(hours: 20 * 24, lastReadHoursAgo: 7 * 24))
        #expect(!due(hours: 31 * 24, lastReadHoursAgo: 100 * 24))
        #expect(EngagementSchedule("6h: 1h, 24h: 3h, 3d: 12h, 7d: 1d, 30d: 7d") == .standard)
        #expect(EngagementSchedule("24h: 3h, 6h: 1h") == nil)
        #expect(EngagementSchedule("6h") == nil)
    }

    @Test("figures typed by hand")
    func manualFigures() throws {
        #expect(try Figures.parse(arguments: ["reactions=12", "views=480"]).get() == ["reactions": 12, "views": 480])
        #expect(Figures.parse(arguments: ["reactions"]) == .failure(.malformed("reactions")))
        #expect(Figures.parse(arguments: ["lượt_xem=1"]) == .failure(.malformed("lượt_xem=1")))
        #expect(Figures.parse(arguments: ["views=1.5"]) == .failure(.badValue("views=1.5")))
        #expect(Figures.parse(arguments: []) == .failure(.empty))
        #expect(
            Figures.ordered(["reach", "views", "reactions", "clicks"]) == ["reactions", "views", "clicks", "reach"]
        )
    }

    @Test("figures from a bridge: booleans and strings ignored, numbers kept")
    func bridgeFigures() throws {
        let figures = try Figures.parse(Data(#"{"reactions": 12, "id": "1_2", "hidden": true, "views": 4.0e2}"#.utf8))
            .get()
        #expect(figures == ["reactions": 12, "views": 400])
    }

    @Test(
        "periods are cut in the configured zone",
        arguments: [
            (1_796_056_200.0, ReportPeriod.month, "2026-11", "Tháng 11/2026"),  // 30/11/2026 23:30 +07
            (1_796_058_600.0, .month, "2026-12", "Tháng 12/2026"),  // 01/12/2026 00:10 +07
            (1_796_058_600.0, .quarter, "2026-Q4", "Quý IV/2026"),
            (1_796_058_600.0, .year, "2026", "Năm 2026"),
            (1_767_200_400.0, .quarter, "2026-Q1", "Quý I/2026"),  // 01/01/2026 00:00 +07
        ]
    )
    func periods(seconds: Double, period: ReportPeriod, key: String, label: String) {
        let bucket = period.bucket(of: Date(timeIntervalSince1970: seconds), in: Self.zone)
        #expect(bucket.key == key)
        #expect(bucket.label == label)
    }

    @Test("numbers as Vietnamese write them")
    func numbers() {
        #expect(VietnameseNumber.format(0) == "0")
        #expect(VietnameseNumber.format(999) == "999")
        #expect(VietnameseNumber.format(1250) == "1.250")
        #expect(VietnameseNumber.format(1_234_567) == "1.234.567")
        #expect(VietnameseNumber.format(-1250) == "-1.250")
    }

    @Test(
        "CSV cells: formulas disarmed, quoting where needed",
        arguments: [
            ("=1+2", "'=1+2"), ("+84 90", "'+84 90"), ("-5", "'-5"), ("@SUM(A1)", "'@SUM(A1)"),
            ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("line\nbreak", "\"line\nbreak\""),
            ("Đoàn phường", "Đoàn phường"),
        ]
    )
    func csvCells(input: String, expected: String) {
        #expect(CSVReport.text(input) == expected)
    }

    @Test("spreadsheet columns and XML text")
    func spreadsheet() {
        #expect(XLSXReport.column(0) == "A")
        #expect(XLSXReport.column(25) == "Z")
        #expect(XLSXReport.column(26) == "AA")
        #expect(XLSXReport.column(701) == "ZZ")
        #expect(XLSXReport.escape("a<b & \"c\"\u{1}") == "a&lt;b &amp; &quot;c&quot;")
    }

    @Test("chart axes end on a round number")
    func niceAxis() {
        #expect(SVGChart.niceCeiling(0) == 4)
        #expect(SVGChart.niceCeiling(1) == 4)
        #expect(SVGChart.niceCeiling(5) == 8)
        #expect(SVGChart.niceCeiling(9) == 20)
        #expect(SVGChart.niceCeiling(130) == 200)
    }
}
