import Foundation
import ZIPFoundation

/// The report as an Excel workbook: a sheet of deliveries and a summary sheet per period × unit × category.
///
/// Written as SpreadsheetML parts in a ZIP (ZIPFoundation). Dates are real date cells shown dd/mm/yyyy hh:mm whose
/// serial values read back as the exact minute, ids and titles are text cells (inline strings, so an id such as
/// `2026-12-01` never turns into a date), figures are numbers, web addresses are hyperlinks. Each sheet has its
/// header row frozen and filtered, and columns wide enough for what they hold; the summary sheet opens with the
/// report's title and scope and ends with a totals row. The title and scope are also the document's properties.
public struct XLSXReport: Sendable {
    public let timeZone: TimeZone
    public let period: ReportPeriod
    /// Each channel's name in loa.yml, by id.
    public let channelNames: [String: String]
    private let format: LocalDateFormat

    public init(timeZone: TimeZone, period: ReportPeriod, channelNames: [String: String] = [:]) {
        self.timeZone = timeZone
        self.period = period
        self.channelNames = channelNames
        self.format = LocalDateFormat(timeZone: timeZone)
    }

    /// A cell of a sheet.
    enum Cell {
        case text(String)
        case number(Int)
        case date(Date)
        /// A hyperlink to a web address, showing the address.
        case link(String)
        /// A formula with the value it gives, so readers that do not calculate still show the figure.
        case formula(String, Int)
        case empty
    }

    /// A sheet: its rows, and which row holds the headings (counted from 0; the rows above are its title).
    struct Sheet {
        var rows: [[Cell]]
        var headerRow = 0
        /// Rows after the data that the filter leaves out (a totals row).
        var trailingRows = 0
    }

    /// Writes the workbook to `file`, replacing it whole once complete (``AtomicFile``).
    public func write(_ rows: [ReportRow], metrics: [String], heading: ReportHeading, to file: URL) throws {
        try AtomicFile.write(try bytes(rows, metrics: metrics, heading: heading), to: file)
    }

    /// The workbook's bytes.
    public func bytes(
        _ rows: [ReportRow],
        metrics: [String],
        heading: ReportHeading,
        units: UnitSummary? = nil
    ) throws -> Data {
        let archive = try ZIPFoundation.Archive(data: Data(), accessMode: .create)
        var sheets = [deliveryRows(rows, metrics: metrics), summaryRows(rows, metrics: metrics, heading: heading)]
        var names = ["Danh sách", "Tổng hợp"]
        if let units {
            sheets.append(unitRows(units, heading: heading))
            names.append("Theo đơn vị")
        }
        var parts: [(String, String)] = [
            ("[Content_Types].xml", Self.contentTypes(sheets: sheets.count)),
            ("_rels/.rels", Self.rootRelationships),
            ("docProps/app.xml", Self.appProperties),
            ("docProps/core.xml", coreProperties(heading)),
            ("xl/workbook.xml", Self.workbook(names: names, filters: sheets)),
            ("xl/_rels/workbook.xml.rels", Self.workbookRelationships(sheets: sheets.count)),
            ("xl/styles.xml", Self.styles),
        ]
        for (index, sheet) in sheets.enumerated() {
            let (xml, links) = self.sheet(sheet)
            parts.append(("xl/worksheets/sheet\(index + 1).xml", xml))
            if !links.isEmpty {
                parts.append(("xl/worksheets/_rels/sheet\(index + 1).xml.rels", Self.linkRelationships(links)))
            }
        }
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path,
                type: .file,
                uncompressedSize: Int64(data.count),
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }

    private func deliveryRows(_ rows: [ReportRow], metrics: [String]) -> Sheet {
        let columns = ReportColumn.list(
            metrics: metrics,
            period: period,
            timeZone: timeZone,
            channelNames: channelNames
        )
        var sheet: [[Cell]] = [columns.map { .text($0.heading) }]
        sheet.reserveCapacity(rows.count + 1)
        for row in rows {
            sheet.append(
                columns.map { column in
                    switch column.value(row) {
                    case .text(let text): .text(text)
                    case .number(let number): .number(number)
                    case .date(let date): .date(date)
                    case .address(let address): WebAddresses.isWebLink(address) ? .link(address) : .text(address)
                    case .empty: .empty
                    }
                }
            )
        }
        return Sheet(rows: sheet)
    }

    /// Posted deliveries and figures added up per period, unit and category, under the report's title and scope,
    /// with a totals row.
    private func summaryRows(_ rows: [ReportRow], metrics: [String], heading: ReportHeading) -> Sheet {
        struct Key: Hashable, Comparable {
            var period: String
            var label: String
            var unit: String
            var category: String
            static func < (a: Key, b: Key) -> Bool {
                (a.period, a.unit, a.category) < (b.period, b.unit, b.category)
            }
        }
        var totals: [Key: (posts: Int, figures: [String: Int])] = [:]
        for row in rows where row.isPosted {
            let bucket = period.bucket(of: row.publishAt, format)
            let key = Key(period: bucket.key, label: bucket.label, unit: row.unit, category: row.category.label)
            var entry = totals[key] ?? (0, [:])
            entry.posts += 1
            for (metric, value) in row.metrics {
                entry.figures[metric] = Figures.sum([entry.figures[metric] ?? 0, value])
            }
            totals[key] = entry
        }
        var sheet: [[Cell]] = [
            [.text(heading.title)],
            [.text(heading.scope)],
            [.text("Lập lúc \(format.dayAndTime(heading.generated)) bằng Loa")],
            (["Kỳ", "Đơn vị", "Chuyên mục", "Số lượt đăng", "Tương tác"] + metrics.map(Figures.label)).map(Cell.text),
        ]
        let headerRow = sheet.count - 1
        var sums = [Int](repeating: 0, count: 2 + metrics.count)
        for key in totals.keys.sorted() {
            guard let entry = totals[key] else { continue }
            let interactions = Figures.sum(["reactions", "comments", "shares"].map { entry.figures[$0] ?? 0 })
            let numbers = [entry.posts, interactions] + metrics.map { entry.figures[$0] ?? 0 }
            for (index, number) in numbers.enumerated() { sums[index] = Figures.sum([sums[index], number]) }
            sheet.append([.text(key.label), .text(key.unit), .text(key.category)] + numbers.map(Cell.number))
        }
        // Row numbers as Excel counts them, from 1: the data lies between the header and the totals row.
        let first = headerRow + 2
        let last = sheet.count
        let sumCells: [Cell] = sums.enumerated().map { index, sum in
            let column = Self.column(3 + index)
            return .formula(last < first ? "0" : "SUM(\(column)\(first):\(column)\(last))", sum)
        }
        sheet.append([.text("Tổng cộng"), .empty, .empty] + sumCells)
        return Sheet(rows: sheet, headerRow: headerRow, trailingRows: 1)
    }

    /// `--by-unit`: a line per unit (those that posted nothing too) with its posts per period, under the report's
    /// title and scope, with a totals row.
    private func unitRows(_ units: UnitSummary, heading: ReportHeading) -> Sheet {
        var sheet: [[Cell]] = [
            [.text(heading.title)],
            [.text(heading.scope)],
            [.text("Lập lúc \(format.dayAndTime(heading.generated)) bằng Loa")],
            units.headings.map(Cell.text),
        ]
        let headerRow = sheet.count - 1
        // Each line's figures in the headings' order after the unit; nil where none was recorded.
        let values: [[Int?]] = units.lines.map { line in
            ([line.announcements, line.posts] + line.postsPerPeriod).map { $0 } + [line.interactions, line.views]
        }
        for (line, numbers) in zip(units.lines, values) {
            sheet.append([.text(line.unit)] + numbers.map { $0.map(Cell.number) ?? .empty })
        }
        let first = headerRow + 2
        let last = sheet.count
        let sums: [Cell] = (0..<(units.headings.count - 1)).map { index in
            let column = Self.column(index + 1)
            return .formula(
                last < first ? "0" : "SUM(\(column)\(first):\(column)\(last))",
                Figures.sum(values.compactMap { $0[index] })
            )
        }
        sheet.append([.text("Tổng cộng")] + sums)
        return Sheet(rows: sheet, headerRow: headerRow, trailingRows: 1)
    }

    /// A sheet's XML, and the hyperlinks it holds (cell reference and address) for its relationships part.
    private func sheet(_ sheet: Sheet) -> (xml: String, links: [(String, String)]) {
        let rows = sheet.rows
        let columnCount = rows.map(\.count).max() ?? 1
        let lastData = max(sheet.headerRow + 1, rows.count - sheet.trailingRows)
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheetViews><sheetView workbookViewId="0"><pane ySplit="\(sheet.headerRow + 1)" \
            topLeftCell="A\(sheet.headerRow + 2)" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>\
            <sheetFormatPr defaultRowHeight="15"/>
            """
        xml += "<cols>"
        for (index, width) in widths(sheet, columns: columnCount).enumerated() {
            xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
        }
        xml += "</cols><sheetData>"
        var links: [(String, String)] = []
        for (rowIndex, row) in rows.enumerated() {
            let number = rowIndex + 1
            let style: Int? =
                rowIndex < sheet.headerRow
                ? (rowIndex == 0 ? Self.titleStyle : nil)
                : rowIndex == sheet.headerRow ? Self.headerStyle : rowIndex >= lastData ? Self.totalStyle : nil
            xml += "<row r=\"\(number)\">"
            for (columnIndex, cell) in row.enumerated() {
                let reference = Self.column(columnIndex) + String(number)
                let styled = style.map { " s=\"\($0)\"" } ?? ""
                switch cell {
                case .text(let value):
                    xml +=
                        "<c r=\"\(reference)\" t=\"inlineStr\"\(styled)><is><t xml:space=\"preserve\">"
                        + Self.escape(value) + "</t></is></c>"
                case .number(let value):
                    xml += "<c r=\"\(reference)\"\(styled)><v>\(value)</v></c>"
                case .date(let date):
                    xml += "<c r=\"\(reference)\" s=\"\(Self.dateStyle)\"><v>\(serial(date))</v></c>"
                case .link(let address):
                    links.append((reference, address))
                    xml +=
                        "<c r=\"\(reference)\" t=\"inlineStr\" s=\"\(Self.linkStyle)\"><is><t xml:space=\"preserve\">"
                        + Self.escape(address) + "</t></is></c>"
                case .formula(let formula, let value):
                    xml += "<c r=\"\(reference)\"\(styled)><f>\(formula)</f><v>\(value)</v></c>"
                case .empty:
                    continue
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        xml += "<autoFilter ref=\"\(Self.filterRange(sheet, columns: columnCount))\"/>"
        if !links.isEmpty {
            xml += "<hyperlinks>"
            for (index, link) in links.enumerated() {
                xml += "<hyperlink ref=\"\(link.0)\" r:id=\"rId\(index + 1)\"/>"
            }
            xml += "</hyperlinks>"
        }
        xml += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        xml += "<pageSetup paperSize=\"9\" orientation=\"landscape\"/>"
        return (xml + "</worksheet>", links)
    }

    /// The range the header row's filter covers: the header and the data rows, not the title nor the totals.
    static func filterRange(_ sheet: Sheet, columns: Int) -> String {
        let last = max(sheet.headerRow + 1, sheet.rows.count - sheet.trailingRows)
        return "A\(sheet.headerRow + 1):\(column(max(columns, 1) - 1))\(last)"
    }

    /// Each column's width in characters: its longest text (the title rows aside), at least a date's and at most
    /// sixty, so that no number or date shows as `########` and a long title wraps the reader's eye, not the sheet.
    private func widths(_ sheet: Sheet, columns: Int) -> [Int] {
        var widths = [Int](repeating: 8, count: columns)
        for (rowIndex, row) in sheet.rows.enumerated() where rowIndex >= sheet.headerRow {
            for (index, cell) in row.enumerated() {
                let length: Int =
                    switch cell {
                    case .text(let text), .link(let text): text.count
                    case .number(let number): String(number).count
                    case .formula(_, let number): String(number).count
                    // dd/mm/yyyy hh:mm, and room for Excel's own padding.
                    case .date: 16
                    case .empty: 0
                    }
                // The header's filter button takes about three characters more.
                let needed = length + (rowIndex == sheet.headerRow ? 5 : 2)
                widths[index] = max(widths[index], min(60, needed))
            }
        }
        return widths
    }

    /// Excel's serial day number of the local wall-clock time: days since 30 December 1899, the time of day as
    /// a fraction written with every digit a `Double` has, so that 08:00 reads back as 08:00:00.000 (six decimals
    /// gave 07:59:59.971, shown as 07:59).
    func serial(_ date: Date) -> String {
        let seconds = Int((date.timeIntervalSince1970).rounded(.down)) + timeZone.secondsFromGMT(for: date)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let serial = Double(days + 25_569) + Double(secondOfDay) / 86_400
        return "\(serial)"
    }

    /// The document's title, subject (the scope) and author, as File › Properties shows them.
    private func coreProperties(_ heading: ReportHeading) -> String {
        let created = ISO8601DateFormatter().string(from: heading.generated)
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
            <dc:title>\(Self.escape(heading.title))</dc:title><dc:subject>\(Self.escape(heading.scope))</dc:subject>\
            <dc:creator>Loa</dc:creator>\
            <dcterms:created xsi:type="dcterms:W3CDTF">\(created)</dcterms:created>\
            </cp:coreProperties>
            """
    }

    /// `0` → `A`, `26` → `AA`.
    static func column(_ index: Int) -> String {
        var index = index
        var name = ""
        repeat {
            name = String(UnicodeScalar(UInt8(65 + index % 26))) + name
            index = index / 26 - 1
        } while index >= 0
        return name
    }

    /// Text made safe for XML: markup escaped, characters XML 1.0 forbids dropped.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    static let dateStyle = 1
    static let headerStyle = 2
    static let linkStyle = 3
    static let titleStyle = 4
    static let totalStyle = 5

    /// The package's content types, for a workbook of `sheets` sheets.
    static func contentTypes(sheets: Int) -> String {
        let worksheets = (1...sheets).map { number in
            "<Override PartName=\"/xl/worksheets/sheet\(number).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            \(worksheets)\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
            <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
            </Types>
            """
    }

    static let rootRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        </Relationships>
        """

    static let appProperties = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Loa</Application></Properties>
        """

    /// The workbook part: the sheets, and each one's filtered range (Excel's hidden `_FilterDatabase` name).
    static func workbook(names: [String], filters: [Sheet]) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>
            """
        for (index, name) in names.enumerated() {
            xml += "<sheet name=\"\(escape(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        xml += "</sheets><definedNames>"
        for (index, sheet) in filters.enumerated() {
            let range = filterRange(sheet, columns: sheet.rows.map(\.count).max() ?? 1)
                .split(separator: ":").map { reference in
                    let letters = reference.prefix { $0.isLetter }
                    return "$\(letters)$\(reference.dropFirst(letters.count))"
                }.joined(separator: ":")
            xml +=
                "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\" hidden=\"1\">"
                + "'\(escape(names[index]))'!\(range)</definedName>"
        }
        return xml + "</definedNames></workbook>"
    }

    /// The workbook's relationships: its `sheets` sheets (`rId1`…, as ``workbook(names:filters:)`` names them),
    /// then its styles.
    static func workbookRelationships(sheets: Int) -> String {
        let kind = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let worksheets = (1...sheets).map { number in
            "<Relationship Id=\"rId\(number)\" Type=\"\(kind)/worksheet\" Target=\"worksheets/sheet\(number).xml\"/>"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            \(worksheets)<Relationship Id="rId\(sheets + 1)" Type="\(kind)/styles" Target="styles.xml"/>\
            </Relationships>
            """
    }

    /// A sheet's relationships: one external hyperlink per linked cell, in the order of its `<hyperlink>`s.
    static func linkRelationships(_ links: [(String, String)]) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            """
        for (index, link) in links.enumerated() {
            xml +=
                "<Relationship Id=\"rId\(index + 1)\" "
                + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" "
                + "Target=\"\(escape(link.1))\" TargetMode=\"External\"/>"
        }
        return xml + "</Relationships>"
    }

    /// Cell styles, by index: 0 plain, 1 date, 2 header (bold, shaded), 3 hyperlink (blue, underlined), 4 title
    /// (bold, larger), 5 totals (bold).
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm"/></numFmts>\
        <fonts count="4"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font>\
        <font><u/><sz val="11"/><color rgb="FF0563C1"/><name val="Calibri"/></font>\
        <font><b/><sz val="14"/><color rgb="FF0B4F9C"/><name val="Calibri"/></font></fonts>\
        <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
        <fill><patternFill patternType="solid"><fgColor rgb="FFF2F6FB"/><bgColor indexed="64"/></patternFill></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>\
        <xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
        <xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """
}
