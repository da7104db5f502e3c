import Foundation

/// Reads the figures of articles Loa made on a Zalo Official Account: `total_view` and `total_share` from the OA's
/// list of its newest articles (`GET /v2.0/article/getslice`), the only figures Zalo's API gives for articles.
///
/// One list serves every article of the channel due for a read: pages of 10 (Zalo's most) are read until each
/// wanted article was seen, or ``pagesRead`` pages were. An article further back than that is reported, not an
/// error of the others. Broadcast figures live only in OA Manager (`loa engagement record` takes them by hand).
struct ZaloEngagement {
    let channel: Channel
    let client: DirectClient

    /// How many pages of 10 articles are read at most: the 100 newest articles.
    static let pagesRead = 10

    /// What reading the list gave.
    struct Reading {
        /// Figures by article id, for the wanted ones found.
        var figures: [String: [String: Int]] = [:]
        /// Why the read failed, when it did; `retry` when a later run should try again.
        var problem: (reason: String, retry: Bool)?
    }

    func read(articles wanted: Set<String>) -> Reading {
        var reading = Reading()
        var session = ZaloOATransport.Session(
            tokens: ZaloTokens(channel: channel, client: client),
            api: ZaloOAAPI(channel: channel),
            client: client
        )
        for page in 0..<Self.pagesRead {
            let (articles, step) = session.articles(page: page)
            guard let articles else {
                switch step.outcome {
                case .credentials(let reason), .refused(let reason):
                    reading.problem = (reason, false)
                case .notSent(let reason, _), .unknown(let reason):
                    reading.problem = (reason, true)
                case .published:
                    reading.problem = (Message.zaloListNoData(), true)
                }
                return reading
            }
            for article in articles {
                guard let id = ZaloOATransport.articleID(article), wanted.contains(id) else { continue }
                var figures: [String: Int] = [:]
                figures["views"] = Self.number(article["total_view"])
                figures["shares"] = Self.number(article["total_share"])
                reading.figures[id] = figures
            }
            if articles.count < ZaloOATransport.pageSize || reading.figures.count == wanted.count { break }
        }
        return reading
    }

    /// A figure as Zalo writes it: a number, or a string of digits.
    private static func number(_ value: Any?) -> Int? {
        if let number = value as? NSNumber { return number.intValue }
        return (value as? String).flatMap { Int($0) }
    }
}
