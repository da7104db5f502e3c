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

    @Test(
        "periods as people say them: a month, a quarter in Roman or Arabic numerals, a year",
        arguments: [
            ("11/2026", ReportPeriod.month, "01/11/2026", "30/11/2026", "Tháng 11/2026"),
            ("2/2028", .month, "01/02/2028", "29/02/2028", "Tháng 2/2028"),
            ("2026-12", .month, "01/12/2026", "31/12/2026", "Tháng 12/2026"),
            ("IV/2026", .quarter, "01/10/2026", "31/12/2026", "Quý IV/2026"),
            ("iv/2026", .quarter, "01/10/2026", "31/12/2026", "Quý IV/2026"),
            ("4/2026", .quarter, "01/10/2026", "31/12/2026", "Quý IV/2026"),
            ("Q1/2027", .quarter, "01/01/2027", "31/03/2027", "Quý I/2027"),
            ("2026-Q2", .quarter, "01/04/2026", "30/06/2026", "Quý II/2026"),
            ("2026", .year, "01/01/2026", "31/12/2026", "Năm 2026"),
        ]
    )
    func calendarPeriods(text: String, period: ReportPeriod, first: String, last: String, label: String) throws {
        let named = try #require(CalendarPeriod(text, as: period))
        let days = named.days(in: Self.zone)
        let format = LocalDateFormat(timeZone: Self.zone)
        #expect(format.dayAndTime(days.first) == first + " 00:00")
        #expect(format.dayAndTime(days.last) == last + " 00:00")
        #expect(named.label == label)
        #expect(named.label == period.bucket(of: days.last, in: Self.zone).label, "the label reports give it")
    }

    @Test(
        "what is not a period is refused",
        arguments: [
            ("13/2026", ReportPeriod.month), ("11-2026", .month), ("11/26", .month), ("tháng 11", .month),
            ("V/2026", .quarter), ("5/2026", .quarter), ("IV", .quarter), ("26", .year), ("1999", .year),
            ("2026-11", .year),
        ]
    )
    func notPeriods(text: String, period: ReportPeriod) {
        #expect(CalendarPeriod(text, as: period) == nil)
    }

    @Test("a filter naming what nothing has, or ending before it starts, is refused with a suggestion")
    func filterProblems() throws {
        let units = ["Đoàn phường An Hòa", "Đoàn xã Mỹ Khánh"]
        let channels = ["fb-thanhdoan", "zalo-phuong"]
        func problem(_ filter: ReportFilter) -> String? {
            filter.problem(units: units, channels: channels, timeZone: Self.zone)
        }
        let parser = DateTimeParser(timeZone: Self.zone)
        let first = try parser.parseDay("05/12/2026").get()
        let last = try parser.parseDay("01/12/2026").get()
        #expect(
            problem(ReportFilter(from: first, through: last))
                == "--from 05/12/2026 is after --to 01/12/2026; expected the first day first"
        )
        #expect(problem(ReportFilter(from: last, through: last)) == nil, "one day is a period")
        // The old tone placement (Hoà) is other letters, not another normal form: a suggestion, not a match.
        #expect(
            problem(ReportFilter(unit: "Đoàn phường An Hoà"))?.hasSuffix("(did you mean 'Đoàn phường An Hòa'?)") == true
        )
        #expect(
            problem(ReportFilter(unit: "Đoàn phuong An Hòa"))
                == "--unit: no announcement in the archive is from 'Đoàn phuong An Hòa' (did you mean 'Đoàn phường An Hòa'?)"
        )
        #expect(problem(ReportFilter(unit: "Đoàn phường An Hòa".decomposedStringWithCanonicalMapping)) == nil, "NFD")
        #expect(
            problem(ReportFilter(unit: "Thành đoàn"))
                == "--unit: no announcement in the archive is from 'Thành đoàn'; expected one of: "
                + "'Đoàn phường An Hòa', 'Đoàn xã Mỹ Khánh'"
        )
        #expect(
            problem(ReportFilter(channel: "fb-thanhdoam"))
                == "--channel: 'fb-thanhdoam' matches no channel of loa.yml or the archive (did you mean 'fb-thanhdoan'?)"
        )
        #expect(
            problem(ReportFilter(channel: "telegram-*"))?.hasPrefix("--channel: 'telegram-*' matches no channel")
                == true
        )
        #expect(problem(ReportFilter(unit: "Đoàn xã Mỹ Khánh", channel: "zalo-*")) == nil)
    }

    @Test("every minute of a day is written as a serial that reads back as that minute, not a hair before")
    func exactSerials() throws {
        let report = XLSXReport(timeZone: Self.zone, period: .month)
        let midnight = try DateTimeParser(timeZone: Self.zone).parseDay("01/12/2026").get()
        for minute in 0..<1_440 {
            let serial = try #require(Double(report.serial(midnight.addingTimeInterval(Double(minute) * 60))))
            #expect(serial.rounded(.down) == 46_357)
            let fraction = serial - 46_357
            // As openpyxl reads it, to the millisecond; Excel shows hh:mm as the minute those milliseconds fall in,
            // so a serial even 1 ms early shows the minute before.
            #expect((fraction * 86_400_000).rounded() == Double(minute) * 60_000, "\(minute)")
        }
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

    @Test("chart labels never collide: column labels turn when too wide, the legend wraps inside the chart")
    func chartLabels() throws {
        let series = Category.allCases.map(\.label)
        let few = SVGChart.stackedBars(
            columns: ["Quý III/2026", "Quý IV/2026"],
            series: series,
            values: [[1, 2, 3], [4, 5, 6]],
            title: "t"
        )
        #expect(!few.contains("rotate("), "two labels fit side by side")
        let months = (1...24).map { "Tháng \(($0 - 1) % 12 + 1)/\(2025 + ($0 - 1) / 12)" }
        let many = SVGChart.stackedBars(
            columns: months,
            series: series,
            values: months.map { _ in [1, 1, 1] },
            title: "t"
        )
        #expect(many.components(separatedBy: "rotate(-40").count - 1 == 24, "24 labels in 672 px would overlap")
        // The legend's entries, each from its swatch to the end of its name, overlap neither each other nor the
        // chart's right edge.
        let long = (1...6).map { "Chuỗi số liệu có tên khá dài số \($0)" }
        let legend = SVGChart.stackedBars(columns: ["a"], series: long, values: [[1, 1, 1, 1, 1, 1]], title: "t")
        var boxes: [(x: Double, y: Double, end: Double)] = []
        for name in long {
            let before = try #require(legend.range(of: ">\(name)</text>"))
            let tag = try #require(legend[..<before.lowerBound].range(of: "<text x=\"", options: .backwards))
            let numbers = legend[tag.upperBound...].split(separator: "\"")
            let x = try #require(Double(numbers[0])) - 16
            let y = try #require(Double(numbers[2]))
            boxes.append((x, y, x + 16 + SVGChart.textWidth(name, size: 12)))
        }
        #expect(Set(boxes.map(\.y)).count > 1, "wrapped onto more than one line")
        for (index, box) in boxes.enumerated() {
            #expect(box.end <= 720)
            for other in boxes[(index + 1)...] where other.y == box.y {
                #expect(other.x >= box.end || other.end <= box.x, "\(box) and \(other)")
            }
        }
        // A long title in a bar chart is cut to fit left of its bar.
        let bars = SVGChart.horizontalBars([(String(repeating: "Tuổi trẻ Cần Thơ ", count: 6), 5)], title: "t")
        let label = try #require(bars.split(separator: ">").first { $0.hasSuffix("…</text") })
        #expect(SVGChart.textWidth(String(label.dropLast(6)), size: 12) <= 292)
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
