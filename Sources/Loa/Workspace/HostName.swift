import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The name this host goes by in the archive: `LOA_HOST` when it is set, else the machine's host name.
///
/// Several hosts may share one archive (PostgreSQL): every attempt records the host that made it, and each host
/// registers under this name. Read once per process.
public enum HostName {
    public static let current: String = resolve(ProcessInfo.processInfo.environment)

    /// `LOA_HOST` from `environment` (trimmed, NFC), else the machine's host name, else `localhost`.
    static func resolve(_ environment: [String: String]) -> String {
        if let name = environment["LOA_HOST"]?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty {
            return VietnameseText.nfc(name)
        }
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "localhost" : name
    }
}
