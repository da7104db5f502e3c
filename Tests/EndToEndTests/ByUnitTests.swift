import Foundation
import Testing

/// `loa export --by-unit`: the city's table and chart per unit, from its wards' imported exports (made by real
/// runs), with the units that posted nothing.
@Suite("loa export --by-unit")
struct ByUnitTests {
    /// A city that imported two wards' exports, and a third ward's whose only post still awaits confirmation;
    /// loa.yml names a fourth ward (in NFD, as some keyboards write it) that never sent anything.
    static func city() throws -> DeliveryWorkspace {
        let city = try DeliveryWorkspace(
            channels: "  fb-thanhdoan:\n    platform: facebook\n    transport: outbox",
            settings: "organisation: Thành đoàn Cần Thơ\nunits:\n  - Đoàn phường An Hòa\n  - "
                + "Đoàn phường Cái Khế".decomposedStringWithCanonicalMapping
        )
        let files = (1...3).map { city.root.appendingPathComponent("phuong-\($0).jsonl") }
        _ = try ImportTests.ward(
            "Đoàn phường An Hòa",
            posts: ["tin-thang-12", "mo-hinh"],
            confirmed: 2,
            reactions: 40,
            export: files[0]
        )
        _ = try ImportTests.ward(
            "Đoàn phường Xuân Khánh",
            posts: ["tin-thang-12"],
            confirmed: 1,
            reactions: 9,
            export: files[1]
        )
        _ = try ImportTests.ward("Đoàn xã Mỹ Khánh", posts: ["ra-quan"], confirmed: 0, reactions: 0, export: files[2])
        let imported = try city.loa(["import"] + files.map(\.path))
        #expect(imported.status == 0, "\(imported.all)")
        return city
    }

    static func table(_ city: DeliveryWorkspace, _ options: [String]) throws -> [[String]] {
        let output = try city.loa(["export", "--by-unit", "--format", "csv"] + options)
        #expect(output.status == 0, "\(output.all)")
        #expect(output.standardOutput.hasPrefix("\u{FEFF}"))
        return ExportTests.parseCSV(String(output.standardOutput.dropFirst()))
    }

    @Test("CSV, HTML and the workbook give a line per unit, those that posted nothing too, per month or quarter")
    func everyUnit() throws {
        let city = try Self.city()
        let december = try Self.table(city, ["--month", "12/2026"])
        #expect(december.first == ["Đơn vị", "Tin bài đã đăng", "Lượt đăng", "Tháng 12/2026", "Tương tác", "Lượt xem"])
        #expect(
            Array(december.dropFirst()) == [
                ["Đoàn phường An Hòa", "2", "2", "2", "40", "100"],
                ["Đoàn phường Cái Khế", "0", "0", "0", "", ""],
                ["Đoàn phường Xuân Khánh", "1", "1", "1", "9", "100"],
                // Its post awaits confirmation: not posted, so the unit has posted nothing yet.
                ["Đoàn xã Mỹ Khánh", "0", "0", "0", "", ""],
            ]
        )
        // A period with no post still has its column.
        let twoMonths = try Self.table(city, ["--from", "01/11/2026", "--to", "31/12/2026"])
        #expect(twoMonths.first?[3...4] == ["Tháng 11/2026", "Tháng 12/2026"])
        #expect(twoMonths.dropFirst().first == ["Đoàn phường An Hòa", "2", "2", "0", "2", "40", "100"])
        let quarter = try Self.table(city, ["--quarter", "IV/2026"])
        #expect(quarter.first?[3] == "Quý IV/2026")
        // With --unit, only that unit.
        let one = try Self.table(city, ["--month", "12/2026", "--unit", "Đoàn phường Xuân Khánh"])
        #expect(one.dropFirst().map { $0[0] } == ["Đoàn phường Xuân Khánh"])

        let page = try city.loa("export", "--by-unit", "--format", "html", "--month", "12/2026")
        #expect(page.status == 0, "\(page.all)")
        let html = page.standardOutput
        #expect(html.contains("<h2>Theo đơn vị</h2>"))
        #expect(html.contains("<tr class=\"silent\"><td>Đoàn phường Cái Khế</td>"))
        #expect(html.contains("Đơn vị chưa có lượt đăng trong kỳ (2): Đoàn phường Cái Khế, Đoàn xã Mỹ Khánh."))
        #expect(html.contains("<title>Đoàn phường An Hòa: 2</title>"), "the chart's bar for An Hòa")
        #expect(html.contains("<title>Đoàn phường Cái Khế: 0</title>"), "a unit with no post has its (empty) bar")
        // Without the flag the page has no such section.
        #expect(!(try city.loa("export", "--format", "html").standardOutput.contains("Theo đơn vị")))

        let workbook = city.root.appendingPathComponent("theo-don-vi.xlsx")
        let written = try city.loa(
            "export",
            "--by-unit",
            "--format",
            "xlsx",
            "--month",
            "12/2026",
            "--output",
            workbook.path
        )
        #expect(written.status == 0, "\(written.all)")
        try Self.checkSheet(workbook)
    }

    /// The workbook's third sheet as openpyxl reads it, where it is installed (.ci/run installs it).
    static func checkSheet(_ file: URL) throws {
        let python = URL(fileURLWithPath: "/usr/bin/python3")
        guard FileManager.default.isExecutableFile(atPath: python.path),
            (try? LoaProcess.run(["-c", "import openpyxl"], in: file.deletingLastPathComponent(), executable: python))?
                .status == 0
        else { return }
        let script = #"""
            import json, sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            sheet = book["Theo đơn vị"]
            print(json.dumps({
                "names": book.sheetnames,
                "rows": [[cell.value for cell in row] for row in sheet.iter_rows(min_row=4)],
                "filter": sheet.auto_filter.ref,
            }, ensure_ascii=False))
            """#
        let output = try LoaProcess.run(
            ["-c", script, file.path],
            in: file.deletingLastPathComponent(),
            executable: python
        )
        #expect(output.status == 0, "\(output.all)")
        let facts = try #require(
            try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any]
        )
        #expect(facts["names"] as? [String] == ["Danh sách", "Tổng hợp", "Theo đơn vị"])
        let rows = try #require(facts["rows"] as? [[Any]])
        #expect(
            rows.first?.compactMap { $0 as? String } == [
                "Đơn vị", "Tin bài đã đăng", "Lượt đăng", "Tháng 12/2026", "Tương tác", "Lượt xem",
            ]
        )
        #expect(
            rows.dropFirst().compactMap { $0.first as? String } == [
                "Đoàn phường An Hòa", "Đoàn phường Cái Khế", "Đoàn phường Xuân Khánh", "Đoàn xã Mỹ Khánh", "Tổng cộng",
            ]
        )
        #expect(
            rows.last?.dropFirst().compactMap { $0 as? String } == [
                "=SUM(B5:B8)", "=SUM(C5:C8)", "=SUM(D5:D8)", "=SUM(E5:E8)", "=SUM(F5:F8)",
            ]
        )
        #expect(facts["filter"] as? String == "A4:F8")
    }

    @Test("--by-unit is refused for jsonl, the complete record")
    func notForJSONLines() throws {
        let workspace = try DeliveryWorkspace(channels: ImportTests.channels)
        let output = try workspace.loa("export", "--by-unit", "--format", "jsonl")
        #expect(output.status == 2, "\(output.all)")
        #expect(output.standardError.contains("--by-unit is for csv, xlsx and html"), "\(output.all)")
    }
}
