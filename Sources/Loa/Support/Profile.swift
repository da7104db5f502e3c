import Foundation
import Logging

/// Profiling output (`LOA_PROFILE=1`): how long each phase of a run took, through swift-log's logger
/// `loa.profile`, which the executable sends to standard error. Silent, and nearly free, when not asked for.
enum Profile {
    /// The logger, at `info` when `LOA_PROFILE=1`, else at `critical` (so nothing is formatted).
    static let logger: Logger = {
        var logger = Logger(label: "loa.profile")
        logger.logLevel = ProcessInfo.processInfo.environment["LOA_PROFILE"] == "1" ? .info : .critical
        return logger
    }()

    static var isEnabled: Bool { logger.logLevel <= .info }

    /// Logs `message` when profiling.
    static func note(_ message: @autoclosure () -> String) {
        logger.info("\(message())")
    }
}

/// Marks the phases of a run: each mark logs the wall and CPU time since the last, and the resident memory.
final class PhaseTimer {
    private var last = DispatchTime.now()
    private var lastCPU = PhaseTimer.cpuSeconds()

    func mark(_ phase: String) {
        guard Profile.isEnabled else { return }
        let now = DispatchTime.now()
        let cpu = Self.cpuSeconds()
        let milliseconds = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e6
        Profile.logger.info(
            "\(phase)",
            metadata: [
                "wall_ms": "\(String(format: "%.1f", milliseconds))",
                "cpu_ms": "\(String(format: "%.1f", (cpu - lastCPU) * 1000))",
                "resident": "\(Self.residentMemory())",
            ]
        )
        last = now
        lastCPU = cpu
    }

    /// The resident set now and at its peak, from `/proc/self/status` (Linux).
    private static func residentMemory() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "" }
        func field(_ name: String) -> String {
            let line = status.split(separator: "\n").first { $0.hasPrefix(name + ":") } ?? ""
            return line.split(whereSeparator: \.isWhitespace).dropFirst().joined(separator: " ")
        }
        return "\(field("VmRSS")), peak \(field("VmHWM"))"
    }

    private static func cpuSeconds() -> Double {
        Double(clock()) / Double(CLOCKS_PER_SEC)
    }
}
