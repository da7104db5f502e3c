import Foundation

/// How Loa talks to the Facebook Graph API for a `facebook-page` channel: addresses and requests, the Page token in
/// `Authorization: Bearer`, never in an address.
struct GraphAPI: Sendable {
    let channel: Channel

    /// The default `api_base`.
    static let graphHost = "https://graph.facebook.com"

    /// `{api_base}/{api_version}/{path}`.
    func endpoint(_ path: String, query: [URLQueryItem] = []) -> URL {
        let base = channel.apiBase?.absoluteString ?? Self.graphHost
        var components = URLComponents(
            string: (base.hasSuffix("/") ? String(base.dropLast()) : base) + "/\(channel.apiVersion)/\(path)"
        )
        if !query.isEmpty { components?.queryItems = query }
        // The parts are a checked address, a version of digits and a Page id of digits: always a URL.
        return components?.url ?? URL(fileURLWithPath: "/")
    }

    func request(_ method: HTTPRequest.Method, _ url: URL, contentType: String? = nil, body: Data = Data())
        -> HTTPRequest
    {
        var headers: [(name: String, value: String)] = [("Accept", "application/json")]
        if let token = channel.token { headers.append(("Authorization", "Bearer \(token.reveal())")) }
        if let contentType { headers.append(("Content-Type", contentType)) }
        return HTTPRequest(
            method: method,
            url: url,
            headers: headers,
            body: body,
            timeout: channel.timeout,
            group: channel.id,
            groupLimit: 1
        )
    }
}
