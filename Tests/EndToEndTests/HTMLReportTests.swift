import Foundation
import Testing

/// The HTML report as a reader in a meeting sees it, on screen and printed on A4.
extension ExportTests {
    @Test("HTML: whose report it is, channel names, figures labelled for what they count, — for never recorded")
    func htmlLabels() throws {
        let workspace = try Self.archive()
        let output = try workspace.loa(
            "export",
            "--format",
            "html",
            "--month",
            "11/2026",
            "--category",
            "activity-news"
        )
        #expect(output.status == 0, "\(output.all)")
        let page = output.standardOutput
        #expect(page.contains("<h1>Báo cáo truyền thông – Thành đoàn Cần Thơ</h1>"))
        #expect(page.contains("Tháng 11/2026 · Chuyên mục: Tin hoạt động"), "the period and the filters used")
        let whole = try workspace.loa("export", "--format", "html").standardOutput
        // Tiles: announcements and posts on channels told apart; awaiting confirmation is not "not posted".
        #expect(whole.contains("<b>2</b>Tin bài đã đăng"), "cuoi-thang and dau-thang")
        #expect(whole.contains("<b>3</b>Lượt đăng trên các kênh"), "cuoi-thang on two channels, dau-thang on one")
        #expect(whole.contains("<b>1</b>Lượt chờ xác nhận"), "mo-hinh, posted by hand and not yet confirmed")
        #expect(whole.contains("<b>0</b>Lượt không đăng được"))
        #expect(!whole.contains("Chưa đăng được") && !whole.contains("Số bài"))
        #expect(whole.contains("Lượt đăng theo tháng và chuyên mục"))
        // A channel's name wherever a channel is shown; the id only for a channel without one.
        #expect(whole.contains(Self.channelName))
        #expect(!whole.contains("<td>fb-thanhdoan</td>"), "no id where the channel has a name")
        #expect(whole.contains("<td>zalo-phuong</td>"))
        // Never recorded: "—", not 0. The Zalo post of cuoi-thang has no figures at all.
        #expect(
            whole.contains("<tr><td>zalo-phuong</td><td class=\"number\">1</td><td class=\"number\">—</td>"),
            "the channel table"
        )
        let zaloRow = try #require(
            whole.components(separatedBy: "<tr>").first { $0.contains("<td>zalo-phuong</td><td>Đã đăng</td>") }
        )
        #expect(zaloRow.contains("<td class=\"number\">—</td><td class=\"number\">—</td>"), "\(zaloRow)")
        // dau-thang has reactions and views but no comments or shares: its interactions are the reactions.
        #expect(whole.contains("<td class=\"number\">7</td><td class=\"number\">90</td>"))
        // Charts take the page's font.
        #expect(!whole.contains("font-family=\"sans-serif\""))
        let unit = try workspace.loa("export", "--format", "html", "--unit", "Đoàn xã Mỹ Khánh").standardOutput
        #expect(unit.contains("<h1>Báo cáo truyền thông – Thành đoàn Cần Thơ – Đoàn xã Mỹ Khánh</h1>"))
    }

    @Test(
        "HTML prints on A4: headless Chromium's PDF has A4 pages, the title and tables as text, nothing past the margins"
    )
    func htmlPrintsOnA4() throws {
        guard
            let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(
                where: FileManager.default.isExecutableFile
            ),
            FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftoppm")
        else { return }
        let workspace = try Self.archive()
        let page = workspace.root.appendingPathComponent("bao-cao.html")
        let output = try workspace.loa("export", "--format", "html", "--output", page.path)
        #expect(output.status == 0, "\(output.all)")
        let pdf = workspace.root.appendingPathComponent("bao-cao.pdf")
        let printed = try LoaProcess.run(
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                "--print-to-pdf=\(pdf.path)", page.absoluteString,
            ],
            in: workspace.root,
            executable: URL(fileURLWithPath: chromium)
        )
        #expect(FileManager.default.fileExists(atPath: pdf.path), "\(printed.all)")
        let info = try LoaProcess.run(
            [pdf.path],
            in: workspace.root,
            executable: URL(fileURLWithPath: "/usr/bin/pdfinfo")
        )
        let sizeLine = info.standardOutput.split(separator: "\n").first { $0.hasPrefix("Page size:") } ?? ""
        let numbers = sizeLine.split(separator: " ").compactMap { Double($0) }
        #expect(numbers.count >= 2, "\(info.all)")
        if numbers.count >= 2 {
            // A4 is 595 × 842 points.
            #expect(abs(numbers[0] - 595) < 2 && abs(numbers[1] - 842) < 2, "\(sizeLine)")
        }
        let text = try LoaProcess.run(
            ["-layout", pdf.path, "-"],
            in: workspace.root,
            executable: URL(fileURLWithPath: "/usr/bin/pdftotext")
        ).standardOutput
        for expected in [
            "Báo cáo truyền thông – Thành đoàn Cần Thơ", "Lượt đăng theo kênh", Self.channelName,
            "Mười tin bài có nhiều tương tác nhất", "Danh sách lượt đăng",
        ] {
            #expect(text.contains(expected), "\(expected) in the printed text")
        }
        // Each page as a grey image: content on every page, and nothing in the outer 10 mm of either side
        // (the page's margins are 12 mm), so no table or chart is cut off at the paper's edge.
        let pages = workspace.root.appendingPathComponent("pages")
        _ = try LoaProcess.run(
            ["-r", "40", "-gray", pdf.path, pages.path],
            in: workspace.root,
            executable: URL(fileURLWithPath: "/usr/bin/pdftoppm")
        )
        let images = try FileManager.default.contentsOfDirectory(atPath: workspace.root.path)
            .filter { $0.hasPrefix("pages") && $0.hasSuffix(".pgm") }.sorted()
        #expect(!images.isEmpty)
        for name in images {
            let image = try GreyImage(Data(contentsOf: workspace.root.appendingPathComponent(name)))
            #expect(abs(Double(image.height) / Double(image.width) - 297.0 / 210) < 0.02, "\(name) is A4")
            let edge = image.width * 10 / 210
            #expect(image.darkPixels(columns: 0..<edge) == 0, "\(name): something on the left edge")
            #expect(image.darkPixels(columns: (image.width - edge)..<image.width) == 0, "\(name): on the right edge")
            #expect(image.darkPixels(columns: edge..<(image.width - edge)) > 200, "\(name) has content")
        }
    }
}

/// A binary PGM (P5) image, as `pdftoppm -gray` writes it.
struct GreyImage {
    let width: Int
    let height: Int
    let pixels: [UInt8]

    init(_ data: Data) throws {
        let bytes = [UInt8](data)
        var fields: [Int] = []
        var index = 2  // after "P5"
        while fields.count < 3 {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D {
                index += 1
            }
            var value = 0
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
            }
            fields.append(value)
        }
        index += 1
        guard bytes.starts(with: [0x50, 0x35]), fields[2] == 255, bytes.count - index >= fields[0] * fields[1] else {
            throw CocoaError(.fileReadCorruptFile)
        }
        width = fields[0]
        height = fields[1]
        pixels = Array(bytes[index..<(index + width * height)])
    }

    /// How many pixels in these columns are darker than light grey.
    func darkPixels(columns: Range<Int>) -> Int {
        var count = 0
        for row in 0..<height {
            for column in columns where pixels[row * width + column] < 200 { count += 1 }
        }
        return count
    }
}
