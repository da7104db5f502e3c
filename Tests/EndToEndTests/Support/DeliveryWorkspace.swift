import Foundation
import GRDB

/// A workspace in a temporary folder with webhook channels, for running the real `loa` against test bridges.
final class DeliveryWorkspace {
    /// A signing secret and a token, used only in tests; checks grep the outputs and the archive for them.
    static let secretKey = Data((0..<32).map { UInt8(($0 * 37 + 11) % 251) })
    static let secret = "whsec_" + secretKey.base64EncodedString()
    static let token = "test-bridge-token-7f3a9c"
    static let environment = ["LOA_TEST_SECRET": secret, "LOA_TEST_TOKEN": token]

    let root: URL

    /// A workspace whose loa.yml has these channels (YAML under `channels:`).
    init(channels: String, settings: String = "") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("loa-delivery-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("queue"),
            withIntermediateDirectories: true
        )
        try FileManager.default.copyItem(
            at: LoaProcess.packageRoot.appendingPathComponent("templates"),
            to: root.appendingPathComponent("templates")
        )
        try write("loa.yml", "timezone: Asia/Ho_Chi_Minh\n\(settings)\nchannels:\n\(channels)\n")
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// A webhook channel's YAML.
    static func webhook(_ id: String, url: String, extra: [String] = []) -> String {
        ([
            "  \(id):", "    platform: facebook", "    transport: webhook", "    url: \(url)",
            "    secret: ${LOA_TEST_SECRET}", "    token: ${LOA_TEST_TOKEN}",
        ] + extra.map { "    \($0)" })
        .joined(separator: "\n")
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, data: Data(text.utf8))
    }

    func write(_ path: String, data: Data) throws {
        let file = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    /// Writes `queue/<id>.md` with a Vietnamese announcement and any extra front-matter lines.
    func announce(_ id: String, _ extra: String = "", body: String = "Đoàn viên phường An Hòa ra quân làm sạch bờ kè.")
        throws
    {
        try write(
            "queue/\(id).md",
            """
            ---
            title: Tin hoạt động \(id)
            category: activity-news
            unit: Đoàn phường An Hòa
            link: https://thanhdoancantho.example/tin/\(id)
            hashtags: [Tuổi trẻ Cần Thơ]
            \(extra)
            ---
            \(body)
            """
        )
    }

    /// Runs `loa` here with the test secrets in the environment.
    func loa(_ arguments: String..., environment: [String: String] = [:]) throws -> LoaProcess.Output {
        try loa(arguments, environment: environment)
    }

    /// Runs `loa` here with the test secrets in the environment.
    func loa(_ arguments: [String], environment: [String: String] = [:]) throws -> LoaProcess.Output {
        try LoaProcess.run(arguments, in: root, environment: Self.environment.merging(environment) { $1 })
    }

    var archivePath: String { root.appendingPathComponent("archive/loa.sqlite").path }

    /// Reads the archive with a query, as a user would with sqlite3.
    func rows(_ sql: String) throws -> [Row] {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: archivePath, configuration: configuration).read {
            try Row.fetchAll($0, sql: sql)
        }
    }

    /// Status by announcement id, for a workspace with one channel.
    func statuses() throws -> [String: String] {
        var result: [String: String] = [:]
        for row in try rows("SELECT announcement_id, status FROM deliveries") {
            result[row["announcement_id"]] = row["status"]
        }
        return result
    }
}

extension Date {
    /// `--now` for a local time in Vietnam on 1 December 2026, plus some seconds.
    static func vietnam(_ hour: Int, _ minute: Int = 0, plus seconds: Int = 0) -> String {
        let base = 1_796_058_000 + hour * 3600 + minute * 60 + seconds  // 2026-12-01T00:00+07:00
        return Date(timeIntervalSince1970: TimeInterval(base)).formatted(.iso8601)
    }
}
