import Foundation
import Mustache

/// The report as one self-contained HTML page in Vietnamese: totals, tables per unit, channel and category,
/// and charts as inline SVG. It needs no network and no script to read, and prints well.
public struct HTMLReport: Sendable {
    public let timeZone: TimeZone
    public let period: ReportPeriod
    private let format: LocalDateFormat

    public init(timeZone: TimeZone, period: ReportPeriod) {
        self.timeZone = timeZone
        self.period = period
        self.format = LocalDateFormat(timeZone: timeZone)
    }

    /// The page for `rows`; `range` says which days it covers, `generated` when it was made.
    public func render(_ rows: [ReportRow], range: String, generated: Date) throws -> String {
        let template = try MustacheTemplate(string: Self.template)
        return template.render(context(rows, range: range, generated: generated))
    }

    private func context(_ rows: [ReportRow], range: String, generated: Date) -> [String: Any] {
        let dates = LocalDateFormat(timeZone: timeZone)
        let posted = rows.filter(\.isPosted)
        let metrics = Figures.ordered(rows.flatMap(\.metrics.keys))
        let totalFigure = { (metric: String) in Figures.sum(posted.map { $0.metrics[metric] ?? 0 }) }
        let totals: [[String: Any]] = [
            ["label": "Tin bài", "value": VietnameseNumber.format(Set(posted.map(\.announcementID)).count)],
            ["label": "Lượt đăng", "value": VietnameseNumber.format(posted.count)],
            ["label": "Tương tác", "value": VietnameseNumber.format(Figures.sum(posted.map(\.interactions)))],
            ["label": "Lượt xem", "value": VietnameseNumber.format(totalFigure("views"))],
            ["label": "Chưa đăng được", "value": VietnameseNumber.format(rows.count - posted.count)],
        ]
        let tables: [[String: Any]] = [
            table("Theo đơn vị", "Đơn vị", posted, metrics) { $0.unit },
            table("Theo kênh", "Kênh", posted, metrics) { $0.channel },
            table("Theo chuyên mục", "Chuyên mục", posted, metrics) { $0.category.label },
        ]
        let charts: [[String: Any]] = [
            ["title": "Số bài đăng theo \(periodWord) và chuyên mục", "svg": postsChart(posted)],
            [
                "title": "Tương tác theo kênh",
                "svg": SVGChart.horizontalBars(
                    grouped(posted) { $0.channel }.map { ($0.key, Figures.sum($0.rows.map(\.interactions))) }
                        .sorted { $0.1 > $1.1 },
                    title: "Tương tác theo kênh"
                ),
            ],
            [
                "title": "Mười bài có nhiều tương tác nhất",
                "svg": SVGChart.horizontalBars(
                    grouped(posted) { $0.announcementID }.map { group in
                        (group.rows.first?.title ?? group.key, Figures.sum(group.rows.map(\.interactions)))
                    }.sorted { $0.1 > $1.1 }.prefix(10).map { $0 },
                    title: "Mười bài có nhiều tương tác nhất"
                ),
            ],
        ]
        let list: [[String: Any]] = rows.map { row in
            var item: [String: Any] = [
                "date": dates.day(row.publishAt), "title": row.title, "unit": row.unit, "channel": row.channel,
                "status": row.status.vietnameseLabel,
                "interactions": VietnameseNumber.format(row.interactions),
                "views": row.metrics["views"].map(VietnameseNumber.format) ?? "",
            ]
            // Only a web address becomes a link; anything else a bridge gave is shown as text.
            if let address = row.remoteURL, !address.isEmpty {
                item[WebAddresses.isWebLink(address) ? "link" : "address"] = address
            }
            return item
        }
        return [
            "range": range,
            "generated": dates.dayAndTime(generated),
            "totals": totals,
            "tables": tables,
            "charts": charts,
            "rows": list,
            "empty": rows.isEmpty,
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
            title: "Số bài đăng theo \(periodWord) và chuyên mục"
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
                + metrics.map { metric in
                    VietnameseNumber.format(Figures.sum(group.rows.map { $0.metrics[metric] ?? 0 }))
                }
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
        <title>Báo cáo truyền thông – {{range}}</title>
        <style>
        body { font-family: "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: #1d2733; margin: 2rem auto; max-width: 1000px; padding: 0 1rem; }
        h1 { color: #0b4f9c; margin-bottom: .2rem; } h2 { color: #0b4f9c; border-bottom: 2px solid #e3e9f2; padding-bottom: .3rem; margin-top: 2rem; }
        .meta { color: #5b6675; margin-top: 0; }
        .totals { display: flex; flex-wrap: wrap; gap: .8rem; margin: 1.5rem 0; }
        .total { background: #f2f6fb; border-radius: 8px; padding: .8rem 1.2rem; min-width: 130px; }
        .total b { display: block; font-size: 1.7rem; color: #0b4f9c; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .95rem; }
        th, td { border-bottom: 1px solid #e3e9f2; padding: .4rem .6rem; text-align: left; }
        th { background: #f2f6fb; } td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
        figure { margin: 1rem 0 2rem; } figcaption { font-weight: 600; margin-bottom: .4rem; }
        svg { max-width: 100%; height: auto; }
        @media print { body { margin: 0; } h2 { break-after: avoid; } figure, table { break-inside: avoid; } }
        </style>
        </head>
        <body>
        <h1>Báo cáo truyền thông</h1>
        <p class="meta">{{range}} · Lập lúc {{generated}} bằng Loa</p>
        <section class="totals">
        {{#totals}}<div class="total"><b>{{value}}</b>{{label}}</div>
        {{/totals}}
        </section>
        {{#empty}}<p>Không có tin bài nào trong khoảng thời gian này.</p>{{/empty}}
        <h2>Biểu đồ</h2>
        {{#charts}}<figure><figcaption>{{title}}</figcaption>{{{svg}}}</figure>
        {{/charts}}
        {{#tables}}<h2>{{title}}</h2>
        <table><thead><tr><th>{{heading}}</th>{{#columns}}<th class="number">{{.}}</th>{{/columns}}</tr></thead>
        <tbody>{{#rows}}<tr><td>{{name}}</td>{{#cells}}<td class="number">{{.}}</td>{{/cells}}</tr>
        {{/rows}}</tbody></table>
        {{/tables}}
        <h2>Danh sách tin bài</h2>
        <table><thead><tr><th>Ngày</th><th>Tiêu đề</th><th>Đơn vị</th><th>Kênh</th><th>Trạng thái</th><th class="number">Tương tác</th><th class="number">Lượt xem</th></tr></thead>
        <tbody>{{#rows}}<tr><td>{{date}}</td><td>{{#link}}<a href="{{link}}">{{title}}</a>{{/link}}{{^link}}{{title}}{{/link}}{{#address}}<br><small>{{address}}</small>{{/address}}</td><td>{{unit}}</td><td>{{channel}}</td><td>{{status}}</td><td class="number">{{interactions}}</td><td class="number">{{views}}</td></tr>
        {{/rows}}</tbody></table>
        </body>
        </html>

        """
}
