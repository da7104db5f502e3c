import Foundation

/// Posts to a Zalo Official Account as an article, and with `broadcast: true` sends it to the OA's followers.
///
/// An article is `POST /v2.0/article/create` (title ≤ 150 characters, description ≤ 300, the text as paragraphs,
/// the first image as its cover and the others in the body, all by their web address: Zalo fetches them). Zalo
/// makes it in the background and answers a token; `POST /v2.0/article/verify` with that token answers the
/// article's id once it is made, and `-214` while its media are still being processed, so it is asked a few times,
/// waiting longer each time (``verifyWaits``). Then, with `broadcast: true`, `POST /v2.0/oa/message` sends the
/// article to followers. Every call carries a token from ``ZaloTokens``; an invalid-token answer renews it once and
/// asks once more.
///
/// What is made is kept in `media` (a `token` and an `article`, by id) and as the attempt's remote id (``DirectStep/made``),
/// so a retry never makes the article again: it verifies, or only broadcasts. A lost answer to `create` is looked
/// for in the OA's recent articles (``find(_:since:client:)``: the same title, made since the send). A broadcast is
/// never sent twice by Loa: when its outcome is unknown the delivery waits for a person (`unconfirmed`).
struct ZaloOATransport: DirectTransport {
    let channel: Channel
    /// Waits between `verify` calls, in seconds: about a minute in all.
    var verifyWaits: [TimeInterval] = [1, 2, 4, 8, 15, 30]
    var wait: @Sendable (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) }

    /// Zalo's limits on an article's title and description, in characters.
    static let titleLimit = 150
    static let descriptionLimit = 300
    /// How many of the OA's newest articles a look or an engagement read goes through (pages of 10, Zalo's most).
    static let pageSize = 10
    static let pagesRead = 5

    var api: ZaloOAAPI { ZaloOAAPI(channel: channel) }
    var destination: String { "Zalo Official Account of app \(channel.appID ?? "")" }

    func publish(_ post: DirectPost, media: inout [UploadedMedia], client: DirectClient) -> DirectStep {
        var session = Session(tokens: ZaloTokens(channel: channel, client: client), api: api, client: client)
        var article = Self.value("article", in: media) ?? post.made
        if article == nil {
            var token = Self.value("token", in: media)
            if token == nil {
                let body: [String: Any]
                switch Self.article(for: post, channel: channel) {
                case .success(let made): body = made
                case .failure(let problem):
                    return DirectStep(
                        outcome: .refused(reason: problem.reason),
                        url: api.endpoint("v2.0/article/create"),
                        response: HTTPResponse(status: 0)
                    )
                }
                let step = session.call(api.endpoint("v2.0/article/create"), json: body, publishing: true)
                guard case .published = step.outcome else { return step }
                guard let made = ZaloAnswer(step.response).data?["token"] as? String, !made.isEmpty else {
                    var lost = step
                    lost.outcome = .unknown(reason: Message.zaloNoArticleToken())
                    return lost
                }
                media.append(UploadedMedia(image: "token", id: made))
                token = made
            }
            let verified = verify(token ?? "", session: &session)
            guard let id = verified.id else { return verified.step }
            media.append(UploadedMedia(image: "article", id: id))
            article = id
            if !channel.broadcast { return verified.step }
        }
        let id = article ?? ""
        var step = session.call(api.endpoint("v2.0/oa/message"), json: Self.broadcast(article: id), publishing: true)
        step.made = id
        switch step.outcome {
        case .published:
            step.outcome = .published(id: id, url: nil)
        case .unknown(let reason):
            step.outcome = .unknown(
                reason: Message.zaloBroadcastUnclear(["id": id, "reason": reason])
            )
        case .notSent(let reason, let notBefore):
            step.outcome = .notSent(
                reason: Message.zaloBroadcastWaits(["id": id, "reason": reason]),
                notBefore: notBefore
            )
        case .refused(let reason):
            step.outcome = .refused(
                reason: Message.zaloBroadcastRefused(["id": id, "reason": reason])
            )
        case .credentials:
            break
        }
        return step
    }

    /// Asks `verify` for the article's id until it comes back, waiting while Zalo processes the media.
    private func verify(_ token: String, session: inout Session) -> (id: String?, step: DirectStep) {
        let url = api.endpoint("v2.0/article/verify")
        var step = session.call(url, json: ["token": token], publishing: false)
        for pause in verifyWaits.map({ Optional($0) }) + [nil] {
            let answer = ZaloAnswer(step.response)
            if case .published = step.outcome {
                guard let id = Self.articleID(answer.data) else { break }
                step.outcome = .published(id: id, url: Self.address(answer.data))
                step.made = id
                return (id, step)
            }
            // Still processing, or no answer: `verify` only reads, so it is asked again.
            let waiting: Bool
            switch step.outcome {
            case .notSent: waiting = true
            case .refused: waiting = answer.isStillProcessing
            default: waiting = false
            }
            guard waiting, let pause else { break }
            wait(pause)
            step = session.call(url, json: ["token": token], publishing: false)
        }
        switch step.outcome {
        case .refused(let reason) where !ZaloAnswer(step.response).isStillProcessing:
            // Zalo gave up on the article (a cover it could not fetch, …): it is not on the OA.
            step.outcome = .refused(reason: Message.zaloArticleNotMade(["reason": reason]))
        case .credentials:
            break
        default:
            // The article may be made any moment: it is looked for before anything is sent again.
            step.outcome = .unknown(
                reason: Message.zaloArticlePending([
                    "n": "\(verifyWaits.count + 1)", "reason": ZaloAnswer(step.response).errorText,
                ])
            )
        }
        return (nil, step)
    }

    func find(_ post: DirectPost, since: Date, client: DirectClient) -> (look: DirectLook, step: DirectStep?) {
        if channel.broadcast, let made = post.made {
            return (.uncertain(Self.broadcastUnknown(made)), nil)
        }
        var session = Session(tokens: ZaloTokens(channel: channel, client: client), api: api, client: client)
        let wanted = FacebookPageTransport.comparable(Self.title(post.title))
        var last: DirectStep?
        for page in 0..<Self.pagesRead {
            let (articles, step) = session.articles(page: page)
            last = step
            guard let articles else {
                return (.failed(Self.reason(step.outcome, Message.zaloListNoData())), step)
            }
            for article in articles {
                guard (article["title"] as? String).map(FacebookPageTransport.comparable) == wanted,
                    let id = Self.articleID(article)
                else { continue }
                if let made = Self.date(article["create_date"] ?? article["created_date"]), made < since { continue }
                if channel.broadcast { return (.uncertain(Self.broadcastUnknown(id)), step) }
                return (.found(id: id, url: Self.address(article)), step)
            }
            if articles.count < Self.pageSize { break }
        }
        return (.absent, last)
    }

    private static func broadcastUnknown(_ id: String) -> String {
        Message.zaloBroadcastUnknown(["id": id])
    }

    private static func reason(_ outcome: DirectOutcome, _ otherwise: String) -> String {
        switch outcome {
        case .notSent(let text, _), .refused(let text), .credentials(let text), .unknown(let text): text
        case .published: otherwise
        }
    }

    private static func value(_ kind: String, in media: [UploadedMedia]) -> String? {
        media.last { $0.image == kind }?.id
    }

    /// An article's id: `id`, or `article_id` as some answers name it; a number or a string.
    static func articleID(_ object: [String: Any]?) -> String? {
        guard let value = object?["id"] ?? object?["article_id"] else { return nil }
        if let number = value as? NSNumber { return number.stringValue }
        return (value as? String).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// An article's address, when Zalo gives one.
    private static func address(_ object: [String: Any]?) -> String? {
        (object?["link"] as? String) ?? (object?["url"] as? String)
    }

    /// A time in an answer: Unix milliseconds (Zalo's habit) or seconds.
    static func date(_ value: Any?) -> Date? {
        guard let number = (value as? NSNumber)?.doubleValue ?? (value as? String).flatMap(Double.init) else {
            return nil
        }
        return Date(timeIntervalSince1970: number > 100_000_000_000 ? number / 1000 : number)
    }
}

extension ZaloOATransport {
    /// The calls of one delivery or look, sharing a token and renewing it at most once.
    struct Session {
        let tokens: ZaloTokens
        let api: ZaloOAAPI
        let client: DirectClient
        var token: String?
        var renewed = false

        init(tokens: ZaloTokens, api: ZaloOAAPI, client: DirectClient) {
            self.tokens = tokens
            self.api = api
            self.client = client
        }

        /// One call: with a working token; on an invalid-token answer (the call was refused, so nothing happened),
        /// once more with a renewed token.
        mutating func call(_ url: URL, json: [String: Any]?, publishing: Bool) -> DirectStep {
            while true {
                if token == nil {
                    switch tokens.accessToken(renewing: renewed) {
                    case .success(let value): token = value
                    case .failure(.credentials(let reason)):
                        return DirectStep(outcome: .credentials(reason: reason), url: url, response: Self.none(reason))
                    case .failure(.notNow(let reason)):
                        return DirectStep(
                            outcome: .notSent(reason: reason, notBefore: nil),
                            url: url,
                            response: Self.none(reason)
                        )
                    }
                }
                var response = client.send(api.request(url, accessToken: token ?? "", json: json))
                // The kept tokens are no channel secret the run's redactor knows: an answer echoing one is masked here.
                let mask = Redactor(secrets: tokens.keptSecrets + [token ?? ""])
                response.body = mask(response.body)
                response.error = response.error.map {
                    TransportError($0.kind, mask($0.message), requestMayHaveLeft: $0.requestMayHaveLeft)
                }
                let answer = ZaloAnswer(response)
                if answer.isInvalidToken, !renewed {
                    renewed = true
                    token = nil
                    continue
                }
                var outcome = answer.classify(publishing: publishing)
                if case .credentials(let reason) = outcome {
                    outcome = .credentials(reason: Message.zaloFreshTokenRefused(["reason": reason]))
                }
                return DirectStep(outcome: outcome, url: url, response: response)
            }
        }

        /// One page of the OA's newest articles (`getslice`); nil articles when the read failed.
        mutating func articles(page: Int) -> (articles: [[String: Any]]?, step: DirectStep) {
            let url = api.endpoint(
                "v2.0/article/getslice",
                query: [
                    URLQueryItem(name: "offset", value: String(page * ZaloOATransport.pageSize)),
                    URLQueryItem(name: "limit", value: String(ZaloOATransport.pageSize)),
                    URLQueryItem(name: "type", value: "normal"),
                ]
            )
            let step = call(url, json: nil, publishing: false)
            guard case .published = step.outcome, let data = ZaloAnswer(step.response).data else { return (nil, step) }
            // The list is `medias` in the answers seen; `articles` in some clients' notes.
            let list = (data["medias"] as? [[String: Any]]) ?? (data["articles"] as? [[String: Any]]) ?? []
            return (list, step)
        }

        private static func none(_ reason: String) -> HTTPResponse {
            HTTPResponse(status: 0, error: TransportError(.other, reason, requestMayHaveLeft: false))
        }
    }
}
