import Foundation
import GRDB
import Testing

@testable import Loa

@Suite("Dates, durations and quiet hours")
struct TimeTests {
    let parser = DateTimeParser(timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!)

    /// 2026-01-05 08:00 in Asia/Ho_Chi_Minh is 01:00 UTC.
    static let expected = Date(timeIntervalSince1970: 1_767_574_800)

    @Test(
        "every accepted form reads as the same instant",
        arguments: [
            "2026-01-05 08:00",
            "2026-01-05T08:00",
            "2026-01-05 08:00:00",
            "05/01/2026 08:00",
            "5/1/2026 08:00",
            "05/01/2026 08:00:00",
            "2026-01-05T08:00:00+07:00",
            "2026-01-05T08:00+07:00",
            "2026-01-05T01:00:00Z",
            "2026-01-05T10:00:00+0900",
            "2026-01-05T01:00:00.000Z",
            "  2026-01-05 08:00  ",
        ]
    )
    func accepted(text: String) throws {
        #expect(try parser.parse(text).get() == Self.expected)
    }

    @Test(
        "archive dates are written exactly as GRDB writes them, and read back",
        arguments: [0, 1_796_058_000.5, 1_796_058_000.001, 951_782_400.999, 4_102_444_799.25, 1_709_164_800.0]
    )
    func archiveDates(seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        let text = DatabaseDate.text(date)
        #expect(text == String.fromDatabaseValue(date.databaseValue))
        let back = text.flatMap(DatabaseDate.parse)
        #expect(back.map { abs($0.timeIntervalSince(date)) < 0.001 } == true)
    }

    @Test("month-first dates are rejected, never reinterpreted")
    func monthFirst() {
        guard case .failure(let failure) = parser.parse("01/20/2026 08:00") else {
            Issue.record("01/20/2026 was accepted")
            return
        }
        #expect(failure == .outOfRange("01/20/2026 08:00", component: "month"))
        #expect(failure.description.contains("day first"))
    }

    @Test(
        "malformed date-times are rejected with a reason",
        arguments: [
            ("31/02/2026 08:00", "day"),
            ("2026-13-01 08:00", "month"),
            ("2026-01-05 25:00", "hour"),
            ("2026-01-05 08:61", "minute"),
            ("05-01-2026 08:00", "not a date-time"),
            ("ngày mai", "not a date-time"),
            ("2026-01-05 8hh", "not a date-time"),
            ("2026-01-05", "no time of day"),
            ("05/01/2026", "no time of day"),
        ]
    )
    func rejected(text: String, reason: String) {
        guard case .failure(let failure) = parser.parse(text) else {
            Issue.record("'\(text)' was accepted")
            return
        }
        #expect(failure.description.contains(reason))
    }

    @Test("a calendar day is its local midnight")
    func day() throws {
        let midnight = try parser.parseDay("01/12/2026").get()
        #expect(try parser.parseDay("2026-12-01").get() == midnight)
        #expect(LocalDateFormat(timeZone: parser.timeZone).dayAndTime(midnight) == "01/12/2026 00:00")
        #expect(midnight.timeIntervalSince1970 == 1_796_058_000)  // 2026-11-30T17:00:00Z
    }

    @Test("dates are written dd/MM/yyyy in the configured zone")
    func formatting() {
        let format = LocalDateFormat(timeZone: parser.timeZone)
        #expect(format.day(Self.expected) == "05/01/2026")
        #expect(format.time(Self.expected) == "08:00")
        #expect(format.sortableDay(Self.expected) == "2026-01-05")
        // 23:30 UTC on the 4th is already the 5th in Vietnam.
        #expect(format.day(Date(timeIntervalSince1970: 1_767_569_400)) == "05/01/2026")
    }

    @Test(
        "durations",
        arguments: [("15s", 15.0), ("15m", 900), ("48h", 172_800), ("2d", 172_800), ("1h30m", 5_400), ("500ms", 0.5)]
    )
    func durations(text: String, seconds: Double) {
        #expect(DurationText.parse(text) == seconds)
    }

    @Test("malformed durations", arguments: ["", "15", "m", "15 phút", "1.5.2h", "-5m"])
    func badDurations(text: String) {
        #expect(DurationText.parse(text) == nil)
    }

    @Test("quiet hours wrap past midnight")
    func quietHours() throws {
        let night = try #require(QuietHours("22:00-06:00"))
        #expect(night.contains(minuteOfDay: 22 * 60))
        #expect(night.contains(minuteOfDay: 3 * 60))
        #expect(!night.contains(minuteOfDay: 6 * 60))
        #expect(!night.contains(minuteOfDay: 12 * 60))
        let lunch = try #require(QuietHours("11:30-13:00"))
        #expect(lunch.contains(minuteOfDay: 12 * 60))
        #expect(!lunch.contains(minuteOfDay: 13 * 60))
        #expect(night.description == "22:00-06:00")
        #expect(QuietHours("22-06") == nil)
        #expect(QuietHours("22:00-22:00") == nil)
        #expect(QuietHours("25:00-06:00") == nil)
    }
}
