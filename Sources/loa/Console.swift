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

    static func write(_ text: String, to stream: Stream = .standardOutput) {
        stream.handle.write(Data((text + "\n").utf8))
    }

    static func report(_ diagnostics: [Diagnostic], to stream: Stream) {
        for diagnostic in diagnostics { write(diagnostic.description, to: stream) }
    }

    /// `1 error`, `2 warnings`.
    static func count(_ value: Int, _ noun: String) -> String {
        "\(value) \(noun)\(value == 1 ? "" : "s")"
    }
}
