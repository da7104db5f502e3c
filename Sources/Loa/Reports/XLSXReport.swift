import Foundation
import ZIPFoundation

/// The report as an Excel workbook: a sheet of deliveries and a summary sheet per period × unit × category.
///
/// Written as SpreadsheetML parts in a ZIP (ZIPFoundation). Dates are real date cells shown dd/mm/yyyy hh:mm,
/// ids and titles are text cells (inline strings, so an id such as `2026-12-01` never turns into a date),
/// figures are numbers. The header row is frozen.
public struct XLSXReport: Sendable {
    public let timeZone: TimeZone
    public let period: ReportPeriod
    private let format: LocalDateFormat

    public init(timeZone: TimeZone, period: ReportPeriod) {
        self.timeZone = timeZone
        self.period = period
        self.format = LocalDateFormat(timeZone: timeZone)
    }

    /// A cell of a sheet.
    enum Cell {
        case text(String)
        case number(Int)
        case date(Date)
        case empty
    }

    /// Writes the workbook to `file`, replacing it whole once complete (``AtomicFile``).
    public func write(_ rows: [ReportRow], metrics: [String], to file: URL) throws {
        try AtomicFile.write(try bytes(rows, metrics: metrics), to: file)
    }

    /// The workbook's bytes.
    public func bytes(_ rows: [ReportRow], metrics: [String]) throws -> Data {
        let archive = try ZIPFoundation.Archive(data: Data(), accessMode: .create)
        let parts: [(String, String)] = [
            ("[Content_Types].xml", Self.contentTypes),
            ("_rels/.rels", Self.rootRelationships),
            ("docProps/app.xml", Self.appProperties),
            ("xl/workbook.xml", Self.workbook),
            ("xl/_rels/workbook.xml.rels", Self.workbookRelationships),
            ("xl/styles.xml", Self.styles),
            ("xl/worksheets/sheet1.xml", sheet(deliveryRows(rows, metrics: metrics))),
            ("xl/worksheets/sheet2.xml", sheet(summaryRows(rows, metrics: metrics))),
        ]
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

    private func deliveryRows(_ rows: [ReportRow], metrics: [String]) -> [[Cell]] {
        var sheet: [[Cell]] = [CSVReport.headings(metrics: metrics).map(Cell.text)]
        for row in rows {
            var cells: [Cell] = [
                .text(row.announcementID), .number(row.revision), .text(row.title), .text(row.category.label),
                .text(row.unit), .text(row.channel), .text(row.platform.rawValue),
                .text(period.bucket(of: row.publishAt, format).label), .date(row.publishAt),
                row.deliveredAt.map(Cell.date) ?? .empty, .text(row.status.vietnameseLabel),
                .text(row.remoteURL ?? ""), .number(row.attempts),
            ]
            cells += metrics.map { metric in row.metrics[metric].map(Cell.number) ?? .empty }
            sheet.append(cells)
        }
        return sheet
    }

    /// Posted deliveries and figures added up per period, unit and category.
    private func summaryRows(_ rows: [ReportRow], metrics: [String]) -> [[Cell]] {
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
            (["Kỳ", "Đơn vị", "Chuyên mục", "Số bài đã đăng", "Tương tác"] + metrics.map(Figures.label)).map(Cell.text)
        ]
        for key in totals.keys.sorted() {
            guard let entry = totals[key] else { continue }
            let interactions = Figures.sum(["reactions", "comments", "shares"].map { entry.figures[$0] ?? 0 })
            sheet.append(
                [.text(key.label), .text(key.unit), .text(key.category), .number(entry.posts), .number(interactions)]
                    + metrics.map { .number(entry.figures[$0] ?? 0) }
            )
        }
        return sheet
    }

    private func sheet(_ rows: [[Cell]]) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" \
            state="frozen"/></sheetView></sheetViews><sheetData>
            """
        for (rowIndex, row) in rows.enumerated() {
            let number = rowIndex + 1
            xml += "<row r=\"\(number)\">"
            for (columnIndex, cell) in row.enumerated() {
                let reference = Self.column(columnIndex) + String(number)
                let header = rowIndex == 0 ? " s=\"2\"" : ""
                switch cell {
                case .text(let value):
                    xml +=
                        "<c r=\"\(reference)\" t=\"inlineStr\"\(header)><is><t xml:space=\"preserve\">\(Self.escape(value))</t></is></c>"
                case .number(let value):
                    xml += "<c r=\"\(reference)\"><v>\(value)</v></c>"
                case .date(let date):
                    xml += "<c r=\"\(reference)\" s=\"1\"><v>\(serial(date))</v></c>"
                case .empty:
                    continue
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// Excel's serial day number of the local wall-clock time: days since 30 December 1899.
    private func serial(_ date: Date) -> String {
        let local = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        let days = local / 86_400 + 25_569
        return String(format: "%.6f", days)
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

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
        <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
        </Types>
        """

    static let rootRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
        </Relationships>
        """

    static let appProperties = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Loa</Application></Properties>
        """

    static let workbook = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
        <sheet name="Danh sách" sheetId="1" r:id="rId1"/><sheet name="Tổng hợp" sheetId="2" r:id="rId2"/>\
        </sheets></workbook>
        """

    static let workbookRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>\
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        </Relationships>
        """

    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm"/></numFmts>\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """
}
