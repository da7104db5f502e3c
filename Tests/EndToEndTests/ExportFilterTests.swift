import Foundation
import Testing

/// `loa export`'s periods as people say them, and filters that would give an empty report by mistake.
extension ExportTests {
    /// The announcement ids of a CSV export's rows, in order.
    static func ids(_ output: LoaProcess.Output) -> [String] {
        parseCSV(String(output.standardOutput.dropFirst())).dropFirst().map { $0[0] }
    }

    @Test("--month, --quarter and --year stand for their days, and group by their period")
    func namedPeriods() throws {
        let workspace = try Self.archive()
        let november = try workspace.loa("export", "--format", "csv", "--month", "11/2026")
        #expect(november.status == 0, "\(november.all)")
        #expect(Self.ids(november) == ["cuoi-thang", "cuoi-thang"], "23:30 on 30/11 is November, 00:10 on 1/12 is not")
        let december = try workspace.loa("export", "--format", "csv", "--month", "2026-12")
        #expect(Self.ids(december) == ["dau-thang", "mo-hinh"])
        for quarter in ["IV/2026", "4/2026"] {
            let output = try workspace.loa("export", "--format", "csv", "--quarter", quarter)
            #expect(Self.ids(output).count == 4, "\(quarter): \(output.all)")
        }
        #expect(Self.ids(try workspace.loa("export", "--format", "csv", "--quarter", "III/2026")).isEmpty)
        #expect(Self.ids(try workspace.loa("export", "--format", "csv", "--year", "2026")).count == 4)
        #expect(Self.ids(try workspace.loa("export", "--format", "csv", "--year", "2027")).isEmpty)
        // The page says which period it covers, and groups by it.
        let page = try workspace.loa("export", "--format", "html", "--quarter", "IV/2026")
        #expect(page.status == 0, "\(page.all)")
        #expect(page.standardOutput.contains("Quý IV/2026"))
        #expect(page.standardOutput.contains("Lượt đăng theo quý"), "--quarter groups by quarter")
        let byMonth = try workspace.loa("export", "--format", "html", "--quarter", "IV/2026", "--period", "month")
        #expect(byMonth.standardOutput.contains("Lượt đăng theo tháng"), "an explicit --period wins")
    }

    @Test(
        "a period, a day, a unit, a channel or a category that cannot be meant is refused, with a suggestion",
        arguments: [
            (["--month", "13/2026"], "--month: '13/2026' is not a month; expected MM/yyyy, such as 11/2026"),
            (["--quarter", "V/2026"], "--quarter: 'V/2026' is not a quarter; expected a quarter and a year"),
            (["--year", "26"], "--year: '26' is not a year; expected yyyy, such as 2026"),
            (["--month", "11/2026", "--year", "2026"], "--month and --year: give one period, not several"),
            (["--month", "11/2026", "--from", "2026-11-01"], "--month and --from: give a period or days, not both"),
            (
                ["--from", "05/12/2026", "--to", "01/12/2026"],
                "--from 05/12/2026 is after --to 01/12/2026; expected the first day first"
            ),
            (
                ["--unit", "Đoàn phuong An Hòa"],
                "--unit: no announcement in the archive is from 'Đoàn phuong An Hòa' (did you mean 'Đoàn phường An Hòa'?)"
            ),
            (
                ["--channel", "fb-thanhdoam"],
                "--channel: there is no channel 'fb-thanhdoam' in loa.yml (did you mean 'fb-thanhdoan'?)"
            ),
            (["--channel", "telegram-*"], "--channel: no channel in loa.yml matches 'telegram-*'"),
            (["--category", "policy"], "'policy-update', 'model-practice'"),
            (["--period", "week"], "'month', 'quarter'"),
        ]
    )
    func refusedFilters(arguments: [String], message: String) throws {
        let workspace = try Self.archive()
        for format in ["csv", "html"] {
            let output = try workspace.loa(["export", "--format", format] + arguments)
            #expect(output.status == 2, "\(arguments): \(output.all)")
            #expect(output.standardError.contains(message), "\(arguments): \(output.all)")
            #expect(output.standardOutput.isEmpty, "no report at all")
        }
    }

    @Test("a unit (typed in NFD), a channel and a category that exist are not errors")
    func acceptedFilters() throws {
        let workspace = try Self.archive()
        let output = try workspace.loa(
            "export",
            "--format",
            "csv",
            "--channel",
            "zalo-phuong",
            "--unit",
            "Đoàn phường An Hòa".decomposedStringWithCanonicalMapping,
            "--category",
            "activity-news"
        )
        #expect(output.status == 0, "\(output.all)")
        #expect(Self.ids(output) == ["cuoi-thang"])
    }
}
