import Foundation

/// Charts as inline SVG: drawn here, so the report needs no script, no network and no chart library.
enum SVGChart {
    static let palette = ["#1f5fa8", "#d6412e", "#2e9d5b", "#e0a21b", "#7b4fb0", "#3aa6b9"]

    /// A vertical bar per column, stacked by series, with a legend; `values[column][series]`.
    static func stackedBars(columns: [String], series: [String], values: [[Int]], title: String) -> String {
        let width = 720.0
        let height = 300.0
        let left = 48.0
        let bottom = 40.0
        let top = 36.0
        let plotHeight = height - bottom - top
        let maximum = niceCeiling(values.map(Figures.sum).max() ?? 0)
        let slot = (width - left - 16) / Double(max(columns.count, 1))
        let barWidth = min(56, slot * 0.6)
        var svg = open(width: width, height: height, title: title)
        svg += axis(left: left, top: top, plotHeight: plotHeight, width: width, maximum: maximum)
        for (index, column) in columns.enumerated() {
            let x = left + slot * Double(index) + (slot - barWidth) / 2
            var y = top + plotHeight
            for (seriesIndex, value) in values[index].enumerated() where value > 0 {
                let barHeight = plotHeight * Double(value) / Double(maximum)
                y -= barHeight
                svg += rect(x: x, y: y, width: barWidth, height: barHeight, color: palette[seriesIndex % palette.count])
                svg += "<title>\(escape(series[seriesIndex])): \(VietnameseNumber.format(value))</title></rect>"
            }
            let total = Figures.sum(values[index])
            svg += text(x: x + barWidth / 2, y: y - 4, VietnameseNumber.format(total), anchor: "middle", size: 11)
            svg += text(x: x + barWidth / 2, y: height - bottom + 16, column, anchor: "middle", size: 11)
        }
        var legendX = left
        for (index, name) in series.enumerated() {
            svg +=
                "<rect x=\"\(number(legendX))\" y=\"10\" width=\"12\" height=\"12\" fill=\"\(palette[index % palette.count])\"/>"
            svg += text(x: legendX + 16, y: 20, name, anchor: "start", size: 12)
            legendX += 24 + Double(name.count) * 7
        }
        return svg + "</svg>"
    }

    /// A horizontal bar per label, longest first as given.
    static func horizontalBars(_ items: [(label: String, value: Int)], title: String) -> String {
        let rowHeight = 26.0
        let labelWidth = 300.0
        let width = 720.0
        let height = max(60, rowHeight * Double(items.count) + 20)
        let maximum = max(1, items.map(\.value).max() ?? 1)
        var svg = open(width: width, height: height, title: title)
        for (index, item) in items.enumerated() {
            let y = 10 + rowHeight * Double(index)
            let barWidth = (width - labelWidth - 70) * Double(item.value) / Double(maximum)
            let label = item.label.count > 44 ? String(item.label.prefix(43)) + "…" : item.label
            svg += text(x: labelWidth - 8, y: y + 16, label, anchor: "end", size: 12)
            svg += rect(x: labelWidth, y: y + 3, width: max(barWidth, 1), height: rowHeight - 8, color: palette[0])
            svg += "<title>\(escape(item.label)): \(VietnameseNumber.format(item.value))</title></rect>"
            svg += text(
                x: labelWidth + barWidth + 6,
                y: y + 16,
                VietnameseNumber.format(item.value),
                anchor: "start",
                size: 12
            )
        }
        if items.isEmpty { svg += text(x: width / 2, y: 36, "Chưa có số liệu", anchor: "middle", size: 13) }
        return svg + "</svg>"
    }

    private static func open(width: Double, height: Double, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" "
            + "height=\"\(Int(height))\" role=\"img\" aria-label=\"\(escape(title))\" font-family=\"sans-serif\">"
    }

    /// The smallest of 4, 8, 20, 40, 80, 200, … (four steps of 1, 2 or 5 × 10ⁿ) that is at least `value`, or
    /// `value` itself where that step would not fit in `Int`.
    static func niceCeiling(_ value: Int) -> Int {
        var magnitude = 1
        while true {
            for factor in [1, 2, 5] {
                let (step, overflow) = (factor * 4).multipliedReportingOverflow(by: magnitude)
                if overflow { return max(value, 1) }
                if step >= value { return step }
            }
            let (next, overflow) = magnitude.multipliedReportingOverflow(by: 10)
            if overflow { return max(value, 1) }
            magnitude = next
        }
    }

    private static func axis(left: Double, top: Double, plotHeight: Double, width: Double, maximum: Int) -> String {
        var svg = ""
        for step in 0...4 {
            let value = maximum / 4 * step + maximum % 4 * step / 4
            let y = top + plotHeight - plotHeight * Double(step) / 4
            svg +=
                "<line x1=\"\(number(left))\" y1=\"\(number(y))\" x2=\"\(number(width - 16))\" y2=\"\(number(y))\" stroke=\"#ddd\"/>"
            svg += text(x: left - 6, y: y + 4, VietnameseNumber.format(value), anchor: "end", size: 10)
        }
        return svg
    }

    private static func rect(x: Double, y: Double, width: Double, height: Double, color: String) -> String {
        "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(width))\" height=\"\(number(height))\" fill=\"\(color)\">"
    }

    private static func text(x: Double, y: Double, _ content: String, anchor: String, size: Int) -> String {
        "<text x=\"\(number(x))\" y=\"\(number(y))\" text-anchor=\"\(anchor)\" font-size=\"\(size)\">"
            + escape(content) + "</text>"
    }

    /// A coordinate with one decimal.
    private static func number(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    static func escape(_ text: String) -> String {
        XLSXReport.escape(text)
    }
}
