import Foundation
import GRDB
import Testing
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `loa export` in every format, each read back the way its reader would.
@Suite("loa export")
struct ExportTests {
    static let injected = "=HYPERLINK(\"http://evil.example\",\"Bấm vào\")"
    static let channelName = "Fanpage Thành đoàn Cần Thơ"
    static let organisation = "Thành đoàn Cần Thơ"

    /// A workspace with posts either side of midnight on 1 December, in three categories, with figures.
    static func archive() throws -> DeliveryWorkspace {
        let workspace = try DeliveryWorkspace(
            channels:
                "  fb-thanhdoan:\n    platform: facebook\n    transport: outbox\n    name: \(channelName)\n"
                + "  zalo-phuong:\n    platform: zalo\n    transport: outbox",
            settings: "organisation: \(organisation)"
        )
        // 23:30 on 30 November in Vietnam is 16:30 UTC: it belongs to November.
        try workspace.write(
            "queue/cuoi-thang.md",
            "---\ntitle: Tổng kết tháng 11 – Đoàn phường\ncategory: activity-news\nunit: Đoàn phường An Hòa\npublish_at: 30/11/2026 23:30\n---\nNội dung.\n"
                .decomposedStringWithCanonicalMapping
        )
        // 00:10 on 1 December in Vietnam is still 30 November in UTC: it belongs to December.
        try workspace.write(
            "queue/dau-thang.md",
            "---\ntitle: \(injected)\ncategory: policy-update\nunit: Thành đoàn Cần Thơ\npublish_at: 01/12/2026 00:10\nchannels: [fb-thanhdoan]\n---\nNội dung.\n"
        )
        try workspace.write(
            "queue/mo-hinh.md",
            "---\ntitle: Mô hình “Cà phê thanh niên”, cách làm hay\ncategory: model-practice\nunit: Đoàn xã Mỹ Khánh\npublish_at: 01/12/2026 08:00\nchannels: [zalo-*]\n---\nNội dung.\n"
        )
        _ = try workspace.loa("run", "--now", Date.vietnam(0, 5))
        _ = try workspace.loa("run", "--now", Date.vietnam(9))
        for (id, channel) in [
            ("cuoi-thang", "fb-thanhdoan"), ("cuoi-thang", "zalo-phuong"), ("dau-thang", "fb-thanhdoan"),
        ] {
            _ = try workspace.loa(
                "confirm",
                id,
                "--channel",
                channel,
                "--url",
                "https://facebook.com/p/\(id)-\(channel)"
            )
        }
        _ = try workspace.loa(
            "engagement",
            "record",
            "cuoi-thang",
            "--channel",
            "fb-thanhdoan",
            "reactions=1200",
            "comments=40",
            "shares=10",
            "views=15000",
            "--now",
            Date.vietnam(10)
        )
        _ = try workspace.loa(
            "engagement",
            "record",
            "cuoi-thang",
            "--channel",
            "fb-thanhdoan",
            "reactions=1250",
            "comments=45",
            "shares=12",
            "views=16000",
            "--now",
            Date.vietnam(20)
        )
        _ = try workspace.loa(
            "engagement",
            "record",
            "dau-thang",
            "--channel",
            "fb-thanhdoan",
            "reactions=7",
            "views=90",
            "reach=300",
            "--new-metric",
            "--now",
            Date.vietnam(20)
        )
        return workspace
    }

    /// RFC 4180, read independently of Loa's writer.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                row.append(field)
                field = ""
            } else if scalar == "\r" {
                continue
            } else if scalar == "\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        return rows
    }

    @Test("CSV: a BOM, CRLF, quoting, Vietnamese byte for byte, formulas disarmed, periods cut at local midnight")
    func csv() throws {
        let workspace = try Self.archive()
        let output = try workspace.loa("export", "--format", "csv")
        #expect(output.status == 0, "\(output.all)")
        let bytes = Data(output.standardOutput.utf8)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(output.standardOutput.components(separatedBy: "\r\n").count == 6)
        #expect(!output.standardOutput.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let rows = Self.parseCSV(String(output.standardOutput.dropFirst()))
        #expect(rows.count == 5)
        let header = rows[0]
        #expect(Array(header.prefix(3)) == ["Mã tin", "Lần sửa", "Tiêu đề"])
        #expect(Array(header.suffix(5)) == ["Cảm xúc", "Bình luận", "Chia sẻ", "Lượt xem", "reach"])
        func column(_ name: String) -> Int { header.firstIndex(of: name) ?? -1 }
        let november = try #require(rows.first { $0[0] == "cuoi-thang" && $0[column("Mã kênh")] == "fb-thanhdoan" })
        #expect(november[column("Kênh")] == Self.channelName, "a channel's name from loa.yml")
        #expect(
            rows.filter { $0[column("Mã kênh")] == "zalo-phuong" }.allSatisfy { $0[column("Kênh")] == "zalo-phuong" }
        )
        #expect(Array(november[column("Tiêu đề")].utf8) == Array("Tổng kết tháng 11 – Đoàn phường".utf8))
        // The period split into numbers, dates year first: nothing Excel reads as another date or turns into one.
        #expect(november[column("Năm")] == "2026")
        #expect(november[column("Tháng")] == "11")
        #expect(november[column("Thời gian đăng dự kiến")] == "2026-11-30 23:30")
        #expect(!header.contains("Kỳ"))
        #expect(november[column("Trạng thái")] == "Đã đăng")
        #expect(november[column("Cảm xúc")] == "1250")
        #expect(november[column("Lượt xem")] == "16000")
        let december = try #require(rows.first { $0[0] == "dau-thang" })
        #expect(december[column("Tháng")] == "12")
        #expect(december[column("Thời gian đăng")].hasPrefix("2026-12-"))
        #expect(december[column("Tiêu đề")] == "'" + Self.injected)
        #expect(december[column("reach")] == "300")
        let quoted = try #require(rows.first { $0[0] == "mo-hinh" })
        #expect(quoted[column("Tiêu đề")] == "Mô hình “Cà phê thanh niên”, cách làm hay")
        #expect(quoted[column("Trạng thái")] == "Chờ xác nhận")
        for row in rows.dropFirst() {
            for cell in row {
                #expect(
                    cell.range(of: #"^\d{4}-\d{1,2}$|^\d{1,2}/\d{1,2}/\d{4}"#, options: .regularExpression) == nil,
                    "\(cell)"
                )
            }
        }
        let byQuarter = Self.parseCSV(
            String(try workspace.loa("export", "--format", "csv", "--period", "quarter").standardOutput.dropFirst())
        )
        #expect(Array(byQuarter[0][8...10]) == ["Năm", "Quý", "Thời gian đăng dự kiến"])
        #expect(byQuarter.dropFirst().map { $0[9] } == ["4", "4", "4", "4"])
        let byYear = Self.parseCSV(
            String(try workspace.loa("export", "--format", "csv", "--period", "year").standardOutput.dropFirst())
        )
        #expect(Array(byYear[0][8...9]) == ["Năm", "Thời gian đăng dự kiến"])
        // Filters.
        let filtered = try workspace.loa(
            "export",
            "--format",
            "csv",
            "--from",
            "01/12/2026",
            "--to",
            "2026-12-01",
            "--channel",
            "fb-*"
        )
        #expect(Self.parseCSV(String(filtered.standardOutput.dropFirst())).map { $0[0] } == ["Mã tin", "dau-thang"])
        let byUnit = try workspace.loa(
            "export",
            "--format",
            "csv",
            "--unit",
            "Đoàn xã Mỹ Khánh",
            "--category",
            "model-practice"
        )
        #expect(Self.parseCSV(String(byUnit.standardOutput.dropFirst())).map { $0[0] } == ["Mã tin", "mo-hinh"])
        let bad = try workspace.loa("export", "--format", "csv", "--from", "12/31/2026")
        #expect(bad.status == 2)
        #expect(bad.standardError.contains("--from: '12/31/2026' is not a day"))
    }

    @Test("JSON Lines: one object per delivery with every field and the metric history")
    func jsonLines() throws {
        let workspace = try Self.archive()
        let output = try workspace.loa("export", "--format", "jsonl", "--period", "quarter")
        #expect(output.status == 0)
        let objects = try output.standardOutput.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.count == 4)
        let first = try #require(
            objects.first {
                $0["announcement_id"] as? String == "cuoi-thang" && $0["channel"] as? String == "fb-thanhdoan"
            }
        )
        for key in [
            "delivery_id", "revision", "title", "category", "unit", "platform", "transport", "publish_at",
            "delivered_at", "status", "remote_url", "attempts", "metrics", "history",
        ] {
            #expect(first[key] != nil, "\(key)")
        }
        #expect(Array((first["title"] as? String ?? "").utf8) == Array("Tổng kết tháng 11 – Đoàn phường".utf8))
        #expect(first["publish_at"] as? String == "2026-11-30T16:30:00Z")
        #expect((first["metrics"] as? [String: Int])?["reactions"] == 1250)
        let history = try #require(first["history"] as? [[String: Any]])
        #expect(history.count == 8)
        #expect(history.filter { $0["metric"] as? String == "reactions" }.map { $0["value"] as? Int } == [1200, 1250])
    }

    @Test("XLSX: a real workbook with a deliveries sheet and a summary sheet; dates are dates, ids are text")
    func xlsx() throws {
        let workspace = try Self.archive()
        let file = workspace.root.appendingPathComponent("bao-cao.xlsx")
        let output = try workspace.loa("export", "--format", "xlsx", "--month", "11/2026", "--output", file.path)
        #expect(output.status == 0, "\(output.all)")
        let whole = try workspace.loa("export", "--format", "xlsx", "--output", "toan-bo.xlsx")
        #expect(whole.status == 0, "\(whole.all)")
        let archive = try ZIPFoundation.Archive(
            url: workspace.root.appendingPathComponent("toan-bo.xlsx"),
            accessMode: .read
        )
        func part(_ path: String) throws -> String {
            let entry = try #require(archive[path])
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return String(decoding: data, as: UTF8.self)
        }
        let workbook = try part("xl/workbook.xml")
        #expect(workbook.contains("name=\"Danh sách\"") && workbook.contains("name=\"Tổng hợp\""))
        let sheet = try SheetReader.read(try part("xl/worksheets/sheet1.xml"))
        #expect(sheet.count == 5)
        #expect(sheet[0]["A"]?.value == "Mã tin")
        let november = try #require(sheet.first { $0["A"]?.value == "cuoi-thang" && $0["G"]?.value == "fb-thanhdoan" })
        #expect(november["F"]?.value == Self.channelName)
        #expect(november["A"]?.type == "inlineStr")
        #expect(Array((november["C"]?.value ?? "").utf8) == Array("Tổng kết tháng 11 – Đoàn phường".utf8))
        #expect(sheet[0]["I"]?.value == "Năm" && sheet[0]["J"]?.value == "Tháng")
        #expect(november["I"]?.value == "2026" && november["J"]?.value == "11")
        // 30/11/2026 23:30 local as an Excel serial day, styled as a date, exact to the last digit a Double has.
        let serial = try #require(Double(november["K"]?.value ?? ""))
        #expect(serial == 46_356 + 1_410.0 / 1_440)
        #expect(november["K"]?.style == "1")
        #expect(november["P"]?.value == "1250")
        let summary = try SheetReader.read(try part("xl/worksheets/sheet2.xml"))
        #expect(summary[3]["A"]?.value == "Kỳ")
        #expect(summary.dropFirst(4).map { $0["A"]?.value ?? "" } == ["Tháng 11/2026", "Tháng 12/2026", "Tổng cộng"])
        #expect(summary[4]["D"]?.value == "2", "both November posts of Đoàn phường An Hòa")
        #expect(summary[6]["D"]?.value == "3", "the totals row: every post")
        #expect(try part("xl/styles.xml").contains("dd/mm/yyyy hh:mm"))
        #expect(try part("xl/worksheets/_rels/sheet1.xml.rels").contains("TargetMode=\"External\""))
        // One list, two formats: the CSV has the workbook's columns, in order, with the same values.
        let csv = Self.parseCSV(String(try workspace.loa("export", "--format", "csv").standardOutput.dropFirst()))
        let letters = (0..<csv[0].count).map { String(UnicodeScalar(UInt8(65 + $0))) }
        #expect(csv[0] == letters.map { sheet[0][$0]?.value ?? "" })
        #expect(csv.count == sheet.count)
        for (csvRow, sheetRow) in zip(csv.dropFirst(), sheet.dropFirst()) {
            for (index, letter) in letters.enumerated() where sheetRow[letter]?.style != "1" {
                // CSV disarms a formula with a quote; a workbook's text cell never runs.
                let value = sheetRow[letter]?.value ?? ""
                #expect(csvRow[index] == value || csvRow[index] == "'" + value, "\(csv[0][index])")
            }
        }
        try Self.checkWithOpenpyxl(file)
        try Self.checkWithLibreOffice(workspace.root.appendingPathComponent("toan-bo.xlsx"), in: workspace)
    }

    /// The workbook as openpyxl reads it, where it is installed (Debian's python3-openpyxl; .ci/run installs it):
    /// exact date-times, the filter, widths, hyperlinks, the totals formula and the document's properties.
    static func checkWithOpenpyxl(_ file: URL) throws {
        let python = URL(fileURLWithPath: "/usr/bin/python3")
        guard FileManager.default.isExecutableFile(atPath: python.path),
            (try? LoaProcess.run(["-c", "import openpyxl"], in: file.deletingLastPathComponent(), executable: python))?
                .status == 0
        else { return }
        let script = #"""
            import json, sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            values = openpyxl.load_workbook(sys.argv[1], data_only=True)
            sheet = book["Danh sách"]
            header = [cell.value for cell in sheet[1]]
            rows = [[cell for cell in row] for row in sheet.iter_rows(min_row=2)]
            def column(name): return header.index(name)
            facts = {
                "header": header,
                "filter": sheet.auto_filter.ref,
                "frozen": sheet.freeze_panes,
                "times": [row[column("Thời gian đăng dự kiến")].value.isoformat() for row in rows],
                "is_date": [row[column("Thời gian đăng dự kiến")].is_date for row in rows],
                "formats": [row[column("Thời gian đăng dự kiến")].number_format for row in rows],
                "links": [row[column("Liên kết")].hyperlink.target if row[column("Liên kết")].hyperlink else None
                          for row in rows],
                "too_narrow": [
                    cell.coordinate for row in sheet.iter_rows() for cell in row if cell.value is not None and
                    (sheet.column_dimensions[cell.column_letter].width or 8.43) <
                    min(60, 16 if cell.is_date else len(str(cell.value)) + 1)],
                "summary": [[cell.value for cell in row] for row in book["Tổng hợp"].iter_rows()],
                "summary_values": [[cell.value for cell in row] for row in values["Tổng hợp"].iter_rows()],
                "summary_filter": book["Tổng hợp"].auto_filter.ref,
                "title": book.properties.title,
                "subject": book.properties.subject,
            }
            print(json.dumps(facts, ensure_ascii=False))
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
        #expect(facts["filter"] as? String == "A1:T3", "every metric of the archive, reach included")
        #expect(facts["frozen"] as? String == "A2")
        #expect(facts["times"] as? [String] == ["2026-11-30T23:30:00", "2026-11-30T23:30:00"])
        #expect(facts["is_date"] as? [Bool] == [true, true])
        #expect(facts["formats"] as? [String] == ["dd/mm/yyyy hh:mm", "dd/mm/yyyy hh:mm"])
        #expect(
            facts["links"] as? [String]
                == ["https://facebook.com/p/cuoi-thang-fb-thanhdoan", "https://facebook.com/p/cuoi-thang-zalo-phuong"]
        )
        #expect(facts["too_narrow"] as? [String] == [], "no cell wider than its column")
        let summary = try #require(facts["summary"] as? [[Any]])
        #expect(summary.first?.first as? String == "Báo cáo truyền thông – Thành đoàn Cần Thơ")
        #expect((summary[1].first as? String)?.hasPrefix("Tháng 11/2026") == true)
        #expect(summary.last?.first as? String == "Tổng cộng")
        #expect(summary.last?[3] as? String == "=SUM(D5:D5)")
        let values = try #require(facts["summary_values"] as? [[Any]])
        #expect(values.last?[3] as? Int == 2)
        #expect(
            facts["summary_filter"] as? String == "A4:J5",
            "the header and data rows (every metric, reach included), not the totals"
        )
        #expect(facts["title"] as? String == "Báo cáo truyền thông – Thành đoàn Cần Thơ")
        #expect(facts["subject"] as? String == "Tháng 11/2026")
    }

    /// The workbook converted to CSV (UTF-8) by LibreOffice, where it is installed: the dates show the exact minute,
    /// 08:00 included (a serial with six decimals showed it as 07:59).
    static func checkWithLibreOffice(_ file: URL, in workspace: DeliveryWorkspace) throws {
        // Calc itself, not only LibreOffice's launcher: removing libreoffice-calc-nogui leaves the launcher behind.
        guard
            let office = ["/usr/bin/libreoffice", "/usr/bin/soffice"].first(
                where: FileManager.default.isExecutableFile
            ),
            FileManager.default.fileExists(atPath: "/usr/lib/libreoffice/program/libsclo.so")
        else { return }
        let folder = workspace.root.appendingPathComponent("office")
        let profile = workspace.root.appendingPathComponent("office-profile")
        let output = try LoaProcess.run(
            [
                "-env:UserInstallation=\(profile.absoluteString)", "--headless", "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", folder.path, file.path,
            ],
            in: workspace.root,
            executable: URL(fileURLWithPath: office)
        )
        #expect(output.status == 0, "\(output.all)")
        let csv = try String(
            contentsOf: folder.appendingPathComponent(file.deletingPathExtension().lastPathComponent + ".csv"),
            encoding: .utf8
        )
        let rows = parseCSV(csv)
        #expect(rows.count == 5, "\(csv)")
        #expect(rows.first?[10] == "Thời gian đăng dự kiến")
        #expect(
            rows.dropFirst().map { $0[0] + " " + $0[10] } == [
                "cuoi-thang 30/11/2026 23:30", "cuoi-thang 30/11/2026 23:30", "dau-thang 01/12/2026 00:10",
                "mo-hinh 01/12/2026 08:00",
            ],
            "\(csv)"
        )
    }

    @Test("HTML: one self-contained page in Vietnamese with tables, inline SVG charts, 1.250-style numbers")
    func html() throws {
        let workspace = try Self.archive()
        let file = workspace.root.appendingPathComponent("bao-cao.html")
        let output = try workspace.loa(
            "export",
            "--format",
            "html",
            "--from",
            "2026-11-01",
            "--to",
            "2026-12-31",
            "--output",
            file.path
        )
        #expect(output.status == 0, "\(output.all)")
        let page = try String(contentsOf: file, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<html lang=\"vi\">"))
        #expect(page.contains("<h1>Báo cáo truyền thông – Thành đoàn Cần Thơ</h1>"), "whose report it is")
        #expect(page.contains("Từ 01/11/2026 đến 31/12/2026"))
        #expect(!page.contains("<script"))
        #expect(!page.contains("src=\"http"))
        #expect(!page.contains("<link"))
        #expect(page.components(separatedBy: "<svg").count - 1 == 3)
        #expect(page.components(separatedBy: "<table>").count - 1 == 4)
        #expect(
            page.contains("Lượt đăng theo đơn vị") && page.contains("Lượt đăng theo kênh")
                && page.contains("Lượt đăng theo chuyên mục")
        )
        #expect(page.contains(">1.307<"), "interactions of the top post: 1.250 + 45 + 12 = 1.307")
        #expect(page.contains(">16.000<"))
        #expect(page.contains("30/11/2026"))
        #expect(page.contains("Tháng 11/2026") && page.contains("Tháng 12/2026"))
        #expect(page.contains("Tổng kết tháng 11 – Đoàn phường"))
        #expect(page.contains("=HYPERLINK(&quot;http://evil.example&quot;"), "text is HTML-escaped")
        // Each chart is well-formed XML.
        var rest = Substring(page)
        while let start = rest.range(of: "<svg"), let end = rest.range(of: "</svg>") {
            let svg = String(rest[start.lowerBound..<end.upperBound])
            #expect(XMLParser(data: Data(svg.utf8)).parse(), "\(svg.prefix(200))")
            rest = rest[end.upperBound...]
        }
        // Where Chromium is installed, it renders the page.
        if let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(
            where: FileManager.default.isExecutableFile
        ) {
            let screenshot = workspace.root.appendingPathComponent("bao-cao.png")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: chromium)
            process.arguments = [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1100,1800",
                "--screenshot=\(screenshot.path)", file.absoluteString,
            ]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            let png = try Data(contentsOf: screenshot)
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            #expect(png.count > 20_000, "a page with content, not a blank one")
        }
    }
}

extension ExportTests {
    /// `loa export` with these arguments in the workspace.
    static func export(_ workspace: DeliveryWorkspace, _ arguments: [String]) throws -> LoaProcess.Output {
        try LoaProcess.run(["export"] + arguments, in: workspace.root, environment: DeliveryWorkspace.environment)
    }

    @Test(
        "--output never replaces a file of the workspace, even with --force",
        arguments: [
            "archive/loa.sqlite", "loa.yml", "credentials", "archive/loa.sqlite-wal", "archive/loa.sqlite-shm",
            "archive/loa.sqlite.lock", "queue/cuoi-thang.md", "queue/bao-cao.md", "templates/facebook.mustache",
            "outbox/bao-cao.csv", "archive/../loa.yml", "link-to-archive.csv",
        ]
    )
    func refusesWorkspaceFiles(target: String) throws {
        let workspace = try Self.archive()
        try workspace.write("credentials", "LOA_TEST_UNUSED=1\n")
        try FileManager.default.createSymbolicLink(
            atPath: workspace.root.appendingPathComponent("link-to-archive.csv").path,
            withDestinationPath: workspace.archivePath
        )
        let file = workspace.root.appendingPathComponent(target)
        let before = try? Data(contentsOf: file)
        for force in [[], ["--force"]] {
            let output = try Self.export(workspace, ["--format", "csv", "--output", target] + force)
            #expect(output.status == 2, "\(target) \(force): \(output.all)")
            #expect(output.standardError.contains("a report never replaces a file of the workspace"), "\(output.all)")
            #expect((try? Data(contentsOf: file)) == before, "\(target) is unchanged")
        }
        // The archive is still the archive.
        let deliveries: Int? = try workspace.rows("SELECT count(*) AS n FROM deliveries").first?["n"]
        #expect(deliveries == 4)
    }

    @Test("--output replaces an existing file only with --force; a missing folder is named, never a Cocoa error")
    func existingFileAndMissingFolder() throws {
        let workspace = try Self.archive()
        let report = workspace.root.appendingPathComponent("bao-cao.csv")
        try Data("báo cáo tháng trước\n".utf8).write(to: report)
        let refused = try Self.export(workspace, ["--format", "csv", "--output", "bao-cao.csv"])
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("'bao-cao.csv' already exists; pass --force to replace it"))
        #expect(try String(contentsOf: report, encoding: .utf8) == "báo cáo tháng trước\n")
        let replaced = try Self.export(workspace, ["--format", "csv", "--output", "bao-cao.csv", "--force"])
        #expect(replaced.status == 0, "\(replaced.all)")
        #expect(Self.parseCSV(String(try String(contentsOf: report, encoding: .utf8).dropFirst())).count == 5)
        for format in ["csv", "xlsx", "jsonl", "html"] {
            let missing = try Self.export(workspace, ["--format", format, "--output", "thieu/bao-cao.\(format)"])
            #expect(missing.status == 2)
            #expect(missing.standardError.contains("the folder 'thieu' does not exist"), "\(missing.all)")
            #expect(!missing.all.contains("NSCocoaErrorDomain") && !missing.all.contains("Error Domain"))
        }
        let folder = try Self.export(workspace, ["--format", "csv", "--output", "archive"])
        #expect(folder.status == 2)
        #expect(folder.standardError.contains("'archive' is a folder"), "\(folder.all)")
        // No temporary file is left beside the report.
        let names = try FileManager.default.contentsOfDirectory(atPath: workspace.root.path)
        #expect(!names.contains { $0.hasSuffix(".part") }, "\(names)")
    }

    @Test(
        "an export cut short (file size limit reached) leaves the previous report whole",
        arguments: ["csv", "jsonl"]
    )
    func interruptedExportKeepsThePreviousReport(format: String) throws {
        let workspace = try Self.archive()
        let name = "bao-cao.\(format)"
        let report = workspace.root.appendingPathComponent(name)
        let first = try Self.export(workspace, ["--format", format, "--output", name])
        #expect(first.status == 0, "\(first.all)")
        let complete = try Data(contentsOf: report)
        #expect(complete.count > 512, "more than the limit below")
        // The archive held open here keeps its -shm file, so the limited export below need not create it.
        let pool = try DatabasePool(path: workspace.archivePath)
        defer { try? pool.close() }
        _ = try pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM deliveries") }
        // Writes past 512 bytes (one block of dash's `ulimit -f`) fail with EFBIG, the signal ignored, as on a full
        // disk.
        func limitedExport(_ arguments: [String]) throws -> LoaProcess.Output {
            try LoaProcess.run(
                [
                    "-c", "trap '' XFSZ; ulimit -f 1; exec \"$0\" \"$@\"", LoaProcess.binary.path, "export", "--format",
                    format,
                ]
                    + arguments,
                in: workspace.root,
                environment: DeliveryWorkspace.environment,
                executable: URL(fileURLWithPath: "/bin/sh")
            )
        }
        // A new file: nothing at all rather than a shortened report.
        let fresh = try limitedExport(["--output", "moi.\(format)"])
        #expect(fresh.status == 1, "\(fresh.all)")
        #expect(!FileManager.default.fileExists(atPath: workspace.root.appendingPathComponent("moi.\(format)").path))
        // An existing report: left whole.
        let limited = try limitedExport(["--output", name, "--force"])
        #expect(limited.status == 1, "\(limited.all)")
        #expect(limited.standardError.contains("cannot write '\(name)'"), "\(limited.all)")
        #expect(try Data(contentsOf: report) == complete, "the previous report is untouched")
        let names = try FileManager.default.contentsOfDirectory(atPath: workspace.root.path)
        #expect(!names.contains { $0.hasSuffix(".part") }, "\(names)")
    }
}

/// Reads the cells of a SpreadsheetML sheet: row → column letter → (type, style, value).
final class SheetReader: NSObject, XMLParserDelegate {
    struct Cell {
        var type: String?
        var style: String?
        var value = ""
    }

    private var rows: [[String: Cell]] = []
    private var cell: Cell?
    private var column = ""
    private var inValue = false

    static func read(_ xml: String) throws -> [[String: Cell]] {
        let reader = SheetReader()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = reader
        guard parser.parse() else { throw parser.parserError ?? POSIXError(.EINVAL) }
        return reader.rows
    }

    func parser(
        _ parser: XMLParser,
        didStartElement name: String,
        namespaceURI: String?,
        qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch name {
        case "row": rows.append([:])
        case "c":
            cell = Cell(type: attributes["t"], style: attributes["s"])
            column = (attributes["r"] ?? "").filter(\.isLetter)
        case "v", "t": inValue = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { cell?.value += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "t": inValue = false
        case "c":
            if let cell, !rows.isEmpty { rows[rows.count - 1][column] = cell }
            cell = nil
        default: break
        }
    }
}
