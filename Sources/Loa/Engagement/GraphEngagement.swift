import Foundation

/// Reads the figures of posts Loa made on a Facebook Page straight from the Graph API.
///
/// Reactions, comments and shares come from the post's own fields, in one request
/// (`reactions.summary(total_count).limit(0)`, `comments.summary(true).limit(0)`, `shares`; `shares` is absent when
/// nobody shared). Views come from insights, one metric per request: one unknown metric fails a whole insights
/// request, and Meta removes metrics in waves. A metric Graph no longer knows (code 100) is remembered as
/// unsupported for the channel's API version and not asked again; insights not available yet (a new post, a
/// small Page) are not an error.
struct GraphEngagement {
    let channel: Channel
    let client: DirectClient

    /// The insights metrics that give `views`, newest name first: the first one Graph answers is stored.
    static let viewMetrics = ["post_media_view", "post_total_media_view_unique", "post_impressions"]

    /// The archive setting that lists the metrics Graph refused for an API version.
    static func unsupportedSetting(apiVersion: String) -> String { "graph.unsupported_metrics.\(apiVersion)" }

    /// What reading one post gave.
    struct Reading {
        var figures: [String: Int] = [:]
        /// Metrics found unsupported by this read.
        var unsupported: [String] = []
        /// Why the read failed, when it did; `retry` when a later run should try again.
        var problem: (reason: String, retry: Bool)?
    }

    func read(postID: String, skipping unsupported: Set<String>) -> Reading {
        let graph = GraphAPI(channel: channel)
        var reading = Reading()
        let fields = "reactions.summary(total_count).limit(0),comments.summary(true).limit(0),shares"
        let address = graph.endpoint(postID, query: [URLQueryItem(name: "fields", value: fields)])
        let answer = GraphAnswer(client.send(graph.request(.get, address)))
        switch answer.classify(publishing: false, now: Date()) {
        case .published:
            guard let object = answer.object else { break }
            reading.figures["reactions"] = Self.total(object["reactions"])
            reading.figures["comments"] = Self.total(object["comments"])
            reading.figures["shares"] = ((object["shares"] as? [String: Any])?["count"] as? NSNumber)?.intValue ?? 0
            reading.figures = reading.figures.compactMapValues { $0 }
        case .notSent(let reason, _), .unknown(let reason):
            reading.problem = (reason, true)
            return reading
        case .credentials(let reason), .refused(let reason):
            reading.problem = (reason, false)
            return reading
        }
        for metric in Self.viewMetrics where !unsupported.contains(metric) {
            let url = graph.endpoint("\(postID)/insights", query: [URLQueryItem(name: "metric", value: metric)])
            let insight = GraphAnswer(client.send(graph.request(.get, url)))
            if insight.code == 100 {
                reading.unsupported.append(metric)
                continue
            }
            guard case .published = insight.classify(publishing: false, now: Date()) else { break }
            // {"data": [{"name": "post_media_view", "period": "lifetime", "values": [{"value": 120}]}]}; empty
            // while insights are not available yet.
            let entries = insight.object?["data"] as? [[String: Any]] ?? []
            let values = entries.first?["values"] as? [[String: Any]] ?? []
            if let value = values.last?["value"] { reading.figures["views"] = Self.number(value) }
            break
        }
        return reading
    }

    /// `total_count` of an edge's summary.
    private static func total(_ edge: Any?) -> Int? {
        ((edge as? [String: Any])?["summary"] as? [String: Any]).flatMap { ($0["total_count"] as? NSNumber)?.intValue }
    }

    /// A figure that is a number, or an object of numbers (paid and organic parts), summed.
    private static func number(_ value: Any) -> Int? {
        if let number = value as? NSNumber { return number.intValue }
        if let parts = value as? [String: Any] {
            return parts.values.compactMap { ($0 as? NSNumber)?.intValue }.reduce(0, +)
        }
        return nil
    }
}
