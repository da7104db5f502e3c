import Foundation
import GRDB
import Testing

/// `loa import`: a city's workspace takes in the JSON Lines exports of its wards, made by real runs.
@Suite("loa import")
struct ImportTests {
    static let channels = "  zalo-doan-phuong:\n    platform: zalo\n    transport: outbox"

    /// A ward's workspace with `posts` announcements of `unit` posted by hand and confirmed, the first `confirmed`
    /// of them, and figures on the first; its export is written to `export`.
    static func ward(
        _ unit: String,
        posts: [String],
        confirmed: Int,
        reactions: Int,
        export: URL
    ) throws -> DeliveryWorkspace {
        let workspace = try DeliveryWorkspace(channels: channels)
        for (index, id) in posts.enumerated() {
            try workspace.write(
                "queue/\(id).md",
                "---\ntitle: Tin \(id) của \(unit)\ncategory: activity-news\nunit: \(unit)\n"
                    + "publish_at: 0\(index + 1)/12/2026 08:00\n---\nNội dung.\n"
            )
        }
        // Each post goes out five minutes after its time, in a run of its own (never caught up, never missed).
        for index in posts.indices {
            let run = try workspace.loa("run", "--now", Date.vietnam(24 * index + 8, 5))
            #expect(run.status == 0, "\(run.all)")
        }
        for id in posts.prefix(confirmed) {
            let confirm = try workspace.loa(
                "confirm",
                id,
                "--channel",
                "zalo-doan-phuong",
                "--url",
                "https://zalo.me/p/\(id)"
            )
            #expect(confirm.status == 0, "\(confirm.all)")
        }
        if let first = posts.first, confirmed > 0 {
            let record = try workspace.loa(
                "engagement",
                "record",
                first,
                "--channel",
                "zalo-doan-phuong",
                "reactions=\(reactions)",
                "views=100",
                "--now",
                Date.vietnam(24 * posts.count + 10)
            )
            #expect(record.status == 0, "\(record.all)")
        }
        let output = try workspace.loa("export", "--format", "jsonl", "--output", export.path, "--force")
        #expect(output.status == 0, "\(output.all)")
        return workspace
    }

    /// Units and announcement ids of a CSV export's rows.
    static func csvRows(_ workspace: DeliveryWorkspace, _ extra: [String] = []) throws -> [[String: String]] {
        let output = try workspace.loa(["export", "--format", "csv"] + extra)
        #expect(output.status == 0, "\(output.all)")
        let rows = ExportTests.parseCSV(String(output.standardOutput.dropFirst()))
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test("a city imports three wards' exports: every report shows all four units; importing again changes nothing")
    func cityImportsWards() throws {
        let city = try DeliveryWorkspace(
            channels: "  fb-thanhdoan:\n    platform: facebook\n    transport: outbox",
            settings: "organisation: Thành đoàn Cần Thơ"
        )
        let files = (1...3).map { city.root.appendingPathComponent("phuong-\($0).jsonl") }
        // Two wards post an announcement with the same id on a channel with the same id: the same delivery id.
        let anHoa = try Self.ward(
            "Đoàn phường An Hòa",
            posts: ["tin-thang-12", "mo-hinh"],
            confirmed: 2,
            reactions: 40,
            export: files[0]
        )
        _ = try Self.ward(
            "Đoàn phường Xuân Khánh",
            posts: ["tin-thang-12"],
            confirmed: 1,
            reactions: 9,
            export: files[1]
        )
        _ = try Self.ward("Đoàn xã Mỹ Khánh", posts: ["ra-quan"], confirmed: 0, reactions: 0, export: files[2])
        try city.write(
            "queue/chi-dao.md",
            "---\ntitle: Chỉ đạo tháng 12\ncategory: policy-update\nunit: Thành đoàn Cần Thơ\n"
                + "publish_at: 02/12/2026 09:00\n---\nNội dung.\n"
        )
        _ = try city.loa("run", "--now", Date.vietnam(24 + 9, 5))
        _ = try city.loa("confirm", "chi-dao", "--channel", "fb-thanhdoan", "--url", "https://facebook.com/p/1")

        let imported = try city.loa(["import"] + files.map(\.path))
        #expect(imported.status == 0, "\(imported.all)")
        #expect(imported.standardOutput.contains("phuong-1.jsonl: 2 deliveries of Đoàn phường An Hòa (2 new"))
        #expect(imported.standardOutput.contains("phuong-3.jsonl: 1 delivery of Đoàn xã Mỹ Khánh (1 new"))

        let rows = try Self.csvRows(city)
        var perUnit: [String: Int] = [:]
        for row in rows { perUnit[row["Đơn vị"] ?? "", default: 0] += 1 }
        #expect(
            perUnit == [
                "Thành đoàn Cần Thơ": 1, "Đoàn phường An Hòa": 2, "Đoàn phường Xuân Khánh": 1, "Đoàn xã Mỹ Khánh": 1,
            ]
        )
        // In report order: by time (three at 08:00 on 1/12), announcement id, then unit.
        #expect(rows.map { $0["Mã tin"] ?? "" } == ["ra-quan", "tin-thang-12", "tin-thang-12", "mo-hinh", "chi-dao"])
        #expect(rows[1]["Đơn vị"] == "Đoàn phường An Hòa" && rows[2]["Đơn vị"] == "Đoàn phường Xuân Khánh")
        let xuanKhanh = try #require(rows.first { $0["Đơn vị"] == "Đoàn phường Xuân Khánh" })
        #expect(xuanKhanh["Cảm xúc"] == "9" && xuanKhanh["Trạng thái"] == "Đã đăng")
        let myKhanh = try #require(rows.first { $0["Đơn vị"] == "Đoàn xã Mỹ Khánh" })
        #expect(myKhanh["Trạng thái"] == "Chờ xác nhận")
        // Filters reach imported rows, and know their units.
        #expect(try Self.csvRows(city, ["--unit", "Đoàn phường Xuân Khánh"]).count == 1)
        #expect(try Self.csvRows(city, ["--category", "policy-update"]).map { $0["Mã tin"] } == ["chi-dao"])
        // The page and the workbook show every unit.
        let page = try city.loa("export", "--format", "html").standardOutput
        for unit in ["Thành đoàn Cần Thơ", "Đoàn phường An Hòa", "Đoàn phường Xuân Khánh", "Đoàn xã Mỹ Khánh"] {
            #expect(page.contains("<td>\(unit)</td>"), "\(unit)")
        }
        #expect(page.contains("<b>4</b>Lượt đăng trên các kênh"), "An Hòa 2, Xuân Khánh 1, the city 1")
        let workbook = city.root.appendingPathComponent("tong-hop.xlsx")
        #expect(try city.loa("export", "--format", "xlsx", "--output", workbook.path).status == 0)
        let csvAgain = try city.loa("export", "--format", "csv").standardOutput

        // Importing the same files again changes nothing.
        let again = try city.loa(["import"] + files.map(\.path))
        #expect(again.status == 0, "\(again.all)")
        #expect(again.standardOutput.contains("(0 new, 0 updated, 2 unchanged)"), "\(again.all)")
        #expect(try city.loa("export", "--format", "csv").standardOutput == csvAgain)

        // A newer export of a ward updates its rows and adds its new figures.
        let later = try anHoa.loa(
            "engagement",
            "record",
            "tin-thang-12",
            "--channel",
            "zalo-doan-phuong",
            "reactions=55",
            "--now",
            Date.vietnam(24 * 2 + 30)
        )
        #expect(later.status == 0, "\(later.all)")
        #expect(try anHoa.loa("export", "--format", "jsonl", "--output", files[0].path, "--force").status == 0)
        let update = try city.loa("import", files[0].path)
        #expect(update.standardOutput.contains("(0 new, 1 updated, 1 unchanged)"), "\(update.all)")
        let updated = try Self.csvRows(city).first {
            $0["Đơn vị"] == "Đoàn phường An Hòa" && $0["Mã tin"] == "tin-thang-12"
        }
        #expect(updated?["Cảm xúc"] == "55")
        let history = try city.rows(
            "SELECT count(*) AS n FROM imported_snapshots WHERE unit = 'Đoàn phường An Hòa' AND metric = 'reactions'"
        )
        #expect(history.first?["n"] == 2, "both readings kept")

        // Imported rows are not work: status does not list them, a run neither posts nor writes them out.
        let status = try city.loa("status")
        #expect(!status.standardOutput.contains("tin-thang-12") && !status.standardOutput.contains("ra-quan"))
        _ = try city.loa("run", "--now", Date.vietnam(24 * 3))
        let outbox = try FileManager.default.subpathsOfDirectory(
            atPath: city.root.appendingPathComponent("outbox").path
        )
        #expect(!outbox.contains { $0.contains("tin-thang-12") || $0.contains("ra-quan") }, "\(outbox)")
        let deliveries = try city.rows("SELECT count(*) AS n FROM deliveries")
        #expect(deliveries.first?["n"] == 1)
    }

    @Test(
        "a file that is not a Loa export, or from a newer Loa, is refused by name and line, and nothing is imported",
        arguments: [
            ("{\"hello\": 1}\n", "bad.jsonl:1: no field"),
            ("không phải JSON\n", "bad.jsonl:1: not a JSON object"),
            (
                "{\"export_version\": 99, \"delivery_id\": \"x\"}\n",
                "bad.jsonl:1: written by a newer Loa (export version 99)"
            ),
            ("\n\n", "bad.jsonl: no deliveries"),
        ]
    )
    func refusesForeignFiles(text: String, message: String) throws {
        let city = try DeliveryWorkspace(channels: Self.channels)
        let good = city.root.appendingPathComponent("good.jsonl")
        _ = try Self.ward("Đoàn phường An Hòa", posts: ["tin"], confirmed: 1, reactions: 1, export: good)
        // A good export whose second line is broken: refused whole.
        let goodText = try String(contentsOf: good, encoding: .utf8)
        try city.write("bad.jsonl", text)
        let output = try city.loa("import", good.path, "bad.jsonl")
        #expect(output.status == 1, "\(output.all)")
        #expect(output.standardError.contains(message), "\(output.all)")
        #expect(output.standardError.contains("nothing was imported"))
        #expect(!output.all.contains("DecodingError") && !output.all.contains("NSCocoaErrorDomain"))
        if FileManager.default.fileExists(atPath: city.archivePath) {
            #expect(try city.rows("SELECT 1 FROM imported_deliveries").isEmpty)
        }
        try city.write("half.jsonl", goodText + "{\"export_version\": 1}\n")
        let half = try city.loa("import", "half.jsonl")
        #expect(half.status == 1)
        #expect(half.standardError.contains("half.jsonl:2: no field 'delivery_id'"), "\(half.all)")
        let vietnamese = try city.loa(["import", "half.jsonl"], environment: ["LOA_LANG": "vi"])
        #expect(vietnamese.standardError.contains("half.jsonl:2: thiếu trường 'delivery_id'"), "\(vietnamese.all)")
    }
}
