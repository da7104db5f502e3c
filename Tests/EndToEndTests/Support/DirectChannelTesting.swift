import Foundation
import GRDB

/// What the end-to-end tests of the direct transports (Facebook Page, Telegram, Zalo bot) share around their fake
/// platforms: a channel's YAML pointing at the fake, a queue file due at 08:00 on 1 December 2026, a run at
/// 09:00 with the channel's token in the environment, and the attempt rows.
enum DirectChannelTesting {
    /// A direct channel's YAML: `fields` after its platform and transport (`page_id: "…"`, `chat_id: "…"`), the
    /// token from `${tokenVariable}`, `api_base` the fake's address, then `extra` lines.
    static func channel(
        _ id: String,
        platform: String,
        transport: String,
        fields: [String],
        tokenVariable: String,
        apiBase: String,
        extra: [String] = []
    ) -> String {
        (["  \(id):", "    platform: \(platform)", "    transport: \(transport)"] + fields.map { "    \($0)" }
            + ["    token: ${\(tokenVariable)}", "    api_base: \(apiBase)"] + extra.map { "    \($0)" })
            .joined(separator: "\n")
    }
}

extension DeliveryWorkspace {
    /// Writes `queue/<id>.md`: an announcement with no link, due at 08:00 on 1 December 2026, with any extra
    /// front-matter lines.
    func announceDue(_ id: String, body: String, extra: String = "") throws {
        try write(
            "queue/\(id).md",
            """
            ---
            title: Tin \(id)
            category: activity-news
            unit: Đoàn phường An Hòa
            publish_at: 01/12/2026 08:00
            \(extra)
            ---
            \(body)
            """
        )
    }

    /// `loa run` at 09:00 on 1 December 2026, with `environment` (a channel's token).
    func runAtNine(_ arguments: [String], environment: [String: String]) throws -> LoaProcess.Output {
        try loa(["run", "--now", Date.vietnam(9)] + arguments, environment: environment)
    }

    /// Every attempt row, in order.
    func attempts() throws -> [Row] {
        try rows("SELECT * FROM attempts ORDER BY id")
    }
}
