import Foundation
import Loa

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writing to the terminal or to cron's mail.
enum Console {
    enum Stream {
        case standardOutput
        case standardError

        var handle: FileHandle {
            self == .standardOutput ? .standardOutput : .standardError
        }

        var isTerminal: Bool {
            isatty(self == .standardOutput ? STDOUT_FILENO : STDERR_FILENO) == 1
        }
    }

    /// Writes `text` and a line break, its control characters shown rather than obeyed (``VisibleText``): what is
    /// printed can quote a bridge's answer or a queue file.
    static func write(_ text: String, to stream: Stream = .standardOutput) {
        stream.handle.write(Data((VisibleText.escaped(text, keepingLineBreaks: true) + "\n").utf8))
    }

    /// Writes JSON text, which escapes control characters its own way.
    static func writeJSON(_ json: String) {
        Stream.standardOutput.handle.write(Data((VisibleText.escapedJSON(json) + "\n").utf8))
    }

    /// A value for one line of output (a cell, a detail): every control character shown, line breaks too, so
    /// that a value cannot start a line of its own.
    static func oneLine(_ text: String) -> String {
        VisibleText.escaped(text)
    }

    static func report(_ diagnostics: [Diagnostic], to stream: Stream) {
        for diagnostic in diagnostics { write(diagnostic.description, to: stream) }
    }

    /// Rows in columns as wide as their widest cell; the last column is not padded.
    static func table(_ rows: [[String]]) -> String {
        let rows = rows.map { $0.map(oneLine) }
        guard let columns = rows.map(\.count).max() else { return "" }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// A progress bar on standard error, redrawn in place; a line break once done.
    static func progress(_ done: Int, _ total: Int, label: String) {
        guard total > 0 else { return }
        let width = 30
        let filled = done * width / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        var line = "\r\(label) \(bar) \(done)/\(total)"
        if done >= total { line += "\n" }
        Stream.standardError.handle.write(Data(line.utf8))
    }

    /// `1 error`, `2 warnings`.
    static func count(_ value: Int, _ noun: String) -> String {
        "\(value) \(noun)\(value == 1 ? "" : "s")"
    }
}
