import Foundation
import Mustache

/// The report as one self-contained HTML page in Vietnamese: whose report it is and what it covers, totals,
/// tables per unit, channel and category, and charts as inline SVG. It needs no network and no script to read,
/// and prints on A4.
///
/// Every figure is labelled for what it counts, the same in tiles, charts and tables: *tin bài* are
/// announcements, *lượt đăng* are posts on channels (one announcement on three channels is three). A figure
/// never recorded is shown as "—", not 0; posts awaiting confirmation are counted as such, not as not posted.
public struct HTMLReport: Sendable {
    public let timeZone: TimeZone
    public let period: ReportPeriod
    /// Each channel's name in loa.yml, by id; a channel without one is shown by its id.
    public let channelNames: [String: String]
    /// With `--by-unit`: the units' table and chart, first on the page.
    public let units: UnitSummary?
    private let format: LocalDateFormat

    public init(
        timeZone: TimeZone,
        period: ReportPeriod,
        channelNames: [String: String] = [:],
        units: UnitSummary? = nil
    ) {
        self.timeZone = timeZone
        self.period = period
        self.channelNames = channelNames
        self.units = units
        self.format = LocalDateFormat(timeZone: timeZone)
    }

    /// The page for `rows`, under `heading`.
    public func render(_ rows: [ReportRow], heading: ReportHeading) throws -> String {
        let template = try MustacheTemplate(string: Self.template)
        return template.render(context(rows, heading: heading))
    }

    /// Statuses counted as not posted: the post did not go out and will not without a person.
    static let notPosted: Set<DeliveryStatus> = [.failed, .missed, .expired]
    /// Statuses still on their way: due later, being sent, retried, or held for a person.
    static let onTheirWay: Set<DeliveryStatus> = [.pending, .sending, .retrying, .held]

    /// A figure added up over `rows`, or "—" when none of them has it recorded.
    static func total(_ rows: [ReportRow], _ value: (ReportRow) -> Int?) -> String {
        let values = rows.compactMap(value)
        return values.isEmpty ? "—" : VietnameseNumber.format(Figures.sum(values))
    }

    /// A row's interactions, or nil when none of reactions, comments and shares was ever recorded for it.
    static func interactions(_ row: ReportRow) -> Int? {
        ["reactions", "comments", "shares"].contains { row.metrics[$0] != nil } ? row.interactions : nil
    }

    private func channelName(_ id: String) -> String {
        channelNames[id] ?? id
    }

    private func context(_ rows: [ReportRow], heading: ReportHeading) -> [String: Any] {
        let dates = LocalDateFormat(timeZone: timeZone)
        let posted = rows.filter(\.isPosted)
        let metrics = Figures.ordered(rows.flatMap(\.metrics.keys))
        var totals: [[String: Any]] = [
            [
                "label": "Tin bài đã đăng",
                "value": VietnameseNumber.format(Set(posted.map(\.announcementID)).count),
            ],
            ["label": "Lượt đăng trên các kênh", "value": VietnameseNumber.format(posted.count)],
            ["label": "Tương tác", "value": Self.total(posted, Self.interactions)],
            ["label": "Lượt xem", "value": Self.total(posted) { $0.metrics["views"] }],
            [
                "label": "Lượt chờ xác nhận",
                "value": VietnameseNumber.format(rows.filter { $0.status == .awaitingConfirmation }.count),
            ],
            [
                "label": "Lượt không đăng được",
                "value": VietnameseNumber.format(rows.filter { Self.notPosted.contains($0.status) }.count),
            ],
        ]
        let waiting = rows.filter { Self.onTheirWay.contains($0.status) }.count
        if waiting > 0 {
            totals.append(["label": "Lượt chưa đến lượt đăng", "value": VietnameseNumber.format(waiting)])
        }
        let tables: [[String: Any]] = [
            table("Lượt đăng theo đơn vị", "Đơn vị", posted, metrics) { $0.unit },
            table("Lượt đăng theo kênh", "Kênh", posted, metrics) { channelName($0.channel) },
            table("Lượt đăng theo chuyên mục", "Chuyên mục", posted, metrics) { $0.category.label },
        ]
        let byChannel = "Tương tác theo kênh"
        let top = "Mười tin bài có nhiều tương tác nhất"
        let charts: [[String: Any]] = [
            ["title": "Lượt đăng theo \(periodWord) và chuyên mục", "svg": postsChart(posted)],
            [
                "title": byChannel,
                "svg": SVGChart.horizontalBars(
                    grouped(posted) { channelName($0.channel) }
                        .map { ($0.key, Figures.sum($0.rows.map(\.interactions))) }
                        .sorted { $0.1 > $1.1 },
                    title: byChannel
                ),
            ],
            [
                "title": top,
                "svg": SVGChart.horizontalBars(
                    grouped(posted) { $0.announcementID }.map { group in
                        (group.rows.first?.title ?? group.key, Figures.sum(group.rows.map(\.interactions)))
                    }.sorted { $0.1 > $1.1 }.prefix(10).map { $0 },
                    title: top
                ),
            ],
        ]
        let list: [[String: Any]] = rows.map { row in
            var item: [String: Any] = [
                "date": dates.day(row.publishAt), "title": row.title, "unit": row.unit,
                "channel": channelName(row.channel), "status": row.status.vietnameseLabel,
                "interactions": Self.interactions(row).map(VietnameseNumber.format) ?? "—",
                "views": row.metrics["views"].map(VietnameseNumber.format) ?? "—",
            ]
            // Only a web address becomes a link; anything else a bridge gave is shown as text.
            if let address = row.remoteURL, !address.isEmpty {
                item[WebAddresses.isWebLink(address) ? "link" : "address"] = address
            }
            return item
        }
        var page: [String: Any] = [
            "title": heading.title,
            "scope": heading.scope,
            "generated": dates.dayAndTime(heading.generated),
            "totals": totals,
            "tables": tables,
            "charts": charts,
            "rows": list,
            "empty": rows.isEmpty,
        ]
        if let units { page["byUnit"] = unitSection(units) }
        return page
    }

    /// The `--by-unit` section: posts per unit as a chart, then the table with a column per period; units that
    /// posted nothing are marked and named below it.
    private func unitSection(_ units: UnitSummary) -> [String: Any] {
        let title = "Lượt đăng theo đơn vị"
        let lines: [[String: Any]] = units.lines.map { line in
            let numbers = [line.announcements, line.posts] + line.postsPerPeriod
            return [
                "unit": line.unit,
                "silent": line.isSilent,
                "cells": numbers.map(VietnameseNumber.format)
                    + [line.interactions, line.views].map { $0.map(VietnameseNumber.format) ?? "—" },
            ]
        }
        let silent = units.silentUnits
        return [
            "chart": SVGChart.horizontalBars(units.lines.map { ($0.unit, $0.posts) }, title: title),
            "chartTitle": title,
            "headings": units.headings.dropFirst().map { $0 },
            "lines": lines,
            "silentNote": silent.isEmpty
                ? "Đơn vị nào cũng có lượt đăng trong kỳ."
                : "Đơn vị chưa có lượt đăng trong kỳ (\(silent.count)): \(silent.joined(separator: ", ")).",
        ]
    }

    private var periodWord: String {
        switch period {
        case .month: "tháng"
        case .quarter: "quý"
        case .year: "năm"
        }
    }

    private func postsChart(_ posted: [ReportRow]) -> String {
        let buckets = Dictionary(grouping: posted) { period.bucket(of: $0.publishAt, format).key }
        let keys = buckets.keys.sorted()
        let labels = keys.map { key in
            buckets[key].flatMap(\.first).map { period.bucket(of: $0.publishAt, format).label } ?? key
        }
        let categories = Category.allCases
        let values = keys.map { key in
            categories.map { category in buckets[key]?.filter { $0.category == category }.count ?? 0 }
        }
        return SVGChart.stackedBars(
            columns: labels,
            series: categories.map(\.label),
            values: values,
            title: "Lượt đăng theo \(periodWord) và chuyên mục"
        )
    }

    private func grouped(_ rows: [ReportRow], by key: (ReportRow) -> String) -> [(key: String, rows: [ReportRow])] {
        var order: [String] = []
        var groups: [String: [ReportRow]] = [:]
        for row in rows {
            let name = key(row)
            if groups[name] == nil { order.append(name) }
            groups[name, default: []].append(row)
        }
        return order.map { ($0, groups[$0] ?? []) }
    }

    private func table(
        _ title: String,
        _ heading: String,
        _ rows: [ReportRow],
        _ metrics: [String],
        by key: (ReportRow) -> String
    ) -> [String: Any] {
        let groups = grouped(rows, by: key).sorted {
            $0.key.compare($1.key, locale: Locale(identifier: "vi_VN")) == .orderedAscending
        }
        let body: [[String: Any]] = groups.map { group in
            let cells =
                [VietnameseNumber.format(group.rows.count)]
                + metrics.map { metric in Self.total(group.rows) { $0.metrics[metric] } }
            return ["name": group.key, "cells": cells]
        }
        return [
            "title": title, "heading": heading, "columns": ["Lượt đăng"] + metrics.map(Figures.label), "rows": body,
        ]
    }

    static let template = """
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} – {{scope}}</title>
        <style>
        body { font-family: "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: #1d2733; margin: 2rem auto; max-width: 1000px; padding: 0 1rem; }
        h1 { color: #0b4f9c; margin-bottom: .2rem; } h2 { color: #0b4f9c; border-bottom: 2px solid #e3e9f2; padding-bottom: .3rem; margin-top: 2rem; }
        .meta { color: #5b6675; margin-top: 0; }
        .totals { display: flex; flex-wrap: wrap; gap: .8rem; margin: 1.5rem 0; }
        .total { background: #f2f6fb; border-radius: 8px; padding: .8rem 1.2rem; min-width: 130px; }
        .total b { display: block; font-size: 1.7rem; color: #0b4f9c; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .95rem; }
        th, td { border-bottom: 1px solid #e3e9f2; padding: .4rem .6rem; text-align: left; overflow-wrap: anywhere; }
        th { background: #f2f6fb; } td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; overflow-wrap: normal; }
        tr.silent td { color: #a33a1f; font-style: italic; }
        figure { margin: 1rem 0 2rem; } figcaption { font-weight: 600; margin-bottom: .4rem; }
        svg { max-width: 100%; height: auto; font-family: inherit; }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
          h1 { font-size: 18pt; } h2 { font-size: 13pt; break-after: avoid; }
          .total { padding: .4rem .8rem; min-width: 0; } .total b { font-size: 14pt; }
          figure, tr { break-inside: avoid; } thead { display: table-header-group; }
          table { font-size: 8.5pt; } a { color: inherit; }
        }
        </style>
        </head>
        <body>
        <h1>{{title}}</h1>
        <p class="meta">{{scope}} · Lập lúc {{generated}} bằng Loa</p>
        <section class="totals">
        {{#totals}}<div class="total"><b>{{value}}</b>{{label}}</div>
        {{/totals}}
        </section>
        {{#empty}}<p>Không có tin bài nào trong khoảng thời gian này.</p>{{/empty}}
        {{#byUnit}}<h2>Theo đơn vị</h2>
        <figure><figcaption>{{chartTitle}}</figcaption>{{{chart}}}</figure>
        <table class="units"><thead><tr><th>Đơn vị</th>{{#headings}}<th class="number">{{.}}</th>{{/headings}}</tr></thead>
        <tbody>{{#lines}}<tr{{#silent}} class="silent"{{/silent}}><td>{{unit}}</td>{{#cells}}<td class="number">{{.}}</td>{{/cells}}</tr>
        {{/lines}}</tbody></table>
        <p class="silent-units">{{silentNote}}</p>
        {{/byUnit}}
        <h2>Biểu đồ</h2>
        {{#charts}}<figure><figcaption>{{title}}</figcaption>{{{svg}}}</figure>
        {{/charts}}
        {{#tables}}<h2>{{title}}</h2>
        <table><thead><tr><th>{{heading}}</th>{{#columns}}<th class="number">{{.}}</th>{{/columns}}</tr></thead>
        <tbody>{{#rows}}<tr><td>{{name}}</td>{{#cells}}<td class="number">{{.}}</td>{{/cells}}</tr>
        {{/rows}}</tbody></table>
        {{/tables}}
        <h2>Danh sách lượt đăng</h2>
        <table><thead><tr><th>Ngày</th><th>Tiêu đề</th><th>Đơn vị</th><th>Kênh</th><th>Trạng thái</th><th class="number">Tương tác</th><th class="number">Lượt xem</th></tr></thead>
        <tbody>{{#rows}}<tr><td>{{date}}</td><td>{{#link}}<a href="{{link}}">{{title}}</a>{{/link}}{{^link}}{{title}}{{/link}}{{#address}}<br><small>{{address}}</small>{{/address}}</td><td>{{unit}}</td><td>{{channel}}</td><td>{{status}}</td><td class="number">{{interactions}}</td><td class="number">{{views}}</td></tr>
        {{/rows}}</tbody></table>
        </body>
        </html>

        """
}
