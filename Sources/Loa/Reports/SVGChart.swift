import Foundation

/// Charts as inline SVG: drawn here, so the report needs no script, no network and no chart library.
enum SVGChart {
    static let palette = ["#1f5fa8", "#d6412e", "#2e9d5b", "#e0a21b", "#7b4fb0", "#3aa6b9"]

    /// A vertical bar per column, stacked by series, with a legend; `values[column][series]`.
    ///
    /// Text is placed by its estimated width (``textWidth(_:size:)``): the legend wraps onto more lines rather
    /// than run into itself, and column labels too wide for their slot are turned 40° rather than overlap.
    static func stackedBars(columns: [String], series: [String], values: [[Int]], title: String) -> String {
        let width = 720.0
        let left = 48.0
        let right = width - 16
        // The legend, wrapped: each entry a swatch, a gap and its name.
        var legend: [(x: Double, line: Int, name: String, index: Int)] = []
        var legendX = left
        var line = 0
        for (index, name) in series.enumerated() {
            let entry = 16 + textWidth(name, size: 12) + 12
            if legendX > left, legendX + entry > right {
                line += 1
                legendX = left
            }
            legend.append((legendX, line, name, index))
            legendX += entry
        }
        let top = 36.0 + 18 * Double(line)
        let slot = (right - left) / Double(max(columns.count, 1))
        let widest = columns.map { textWidth($0, size: 11) }.max() ?? 0
        let turned = widest > slot - 4
        // A turned label needs its width × sin 40° below the axis.
        let bottom = turned ? 24 + widest * 0.65 : 40
        let plotHeight = 224.0
        let height = top + plotHeight + bottom
        let maximum = niceCeiling(values.map(Figures.sum).max() ?? 0)
        let barWidth = min(56, slot * 0.6)
        var svg = open(width: width, height: height, title: title)
        for entry in legend {
            let y = 10 + 18 * Double(entry.line)
            svg +=
                "<rect x=\"\(number(entry.x))\" y=\"\(number(y))\" width=\"12\" height=\"12\" fill=\"\(palette[entry.index % palette.count])\"/>"
            svg += text(x: entry.x + 16, y: y + 10, entry.name, anchor: "start", size: 12)
        }
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
            let labelY = top + plotHeight + 16
            if turned {
                svg +=
                    "<text x=\"\(number(x + barWidth / 2))\" y=\"\(number(labelY))\" text-anchor=\"end\" font-size=\"11\" "
                    + "transform=\"rotate(-40 \(number(x + barWidth / 2)) \(number(labelY)))\">\(escape(column))</text>"
            } else {
                svg += text(x: x + barWidth / 2, y: labelY, column, anchor: "middle", size: 11)
            }
        }
        return svg + "</svg>"
    }

    /// The width of `text` at `size` pixels, estimated on the generous side: 0.62 em a character (wider than
    /// the average of Noto Sans, Roboto and Segoe UI, Vietnamese marks included).
    static func textWidth(_ text: String, size: Double) -> Double {
        Double(text.count) * size * 0.62
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
            // Cut to what fits left of the bars, so a long title never runs off the chart.
            let fits = Int((labelWidth - 12) / textWidth("x", size: 12))
            let label = item.label.count > fits ? String(item.label.prefix(fits - 1)) + "…" : item.label
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
            + "height=\"\(Int(height))\" role=\"img\" aria-label=\"\(escape(title))\">"
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
