import Foundation

/// How Loa talks to the Zalo Official Account API for a `zalo-oa` channel: addresses on `api_base`
/// (`https://openapi.zalo.me`) and `oauth_base` (`https://oauth.zaloapp.com`), the access token in a header named
/// `access_token` (as Zalo's own SDKs send it), never in an address.
struct ZaloOAAPI: Sendable {
    let channel: Channel

    /// The default `api_base`.
    static let apiHost = "https://openapi.zalo.me"
    /// The default `oauth_base`.
    static let oauthHost = "https://oauth.zaloapp.com"

    private static func trimmed(_ url: URL?, _ fallback: String) -> String {
        let text = url?.absoluteString ?? fallback
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }

    /// `{api_base}/{path}` with `query`.
    func endpoint(_ path: String, query: [URLQueryItem] = []) -> URL {
        var components = URLComponents(string: Self.trimmed(channel.apiBase, Self.apiHost) + "/" + path)
        if !query.isEmpty { components?.queryItems = query }
        // A checked address and a fixed path: always a URL.
        return components?.url ?? URL(fileURLWithPath: "/")
    }

    /// Where access tokens are renewed: `{oauth_base}/v4/oa/access_token`.
    var tokenEndpoint: URL {
        URL(string: Self.trimmed(channel.oauthBase, Self.oauthHost) + "/v4/oa/access_token")
            ?? URL(fileURLWithPath: "/")
    }

    /// A request to the OA API with `accessToken`; JSON when `json` is given, else a GET.
    func request(_ url: URL, accessToken: String, json: [String: Any]? = nil) -> HTTPRequest {
        var headers: [(name: String, value: String)] = [("Accept", "application/json"), ("access_token", accessToken)]
        var body = Data()
        if let json {
            headers.append(("Content-Type", "application/json"))
            body = (try? JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])) ?? Data("{}".utf8)
        }
        return HTTPRequest(
            method: json == nil ? .get : .post,
            url: url,
            headers: headers,
            body: body,
            timeout: channel.timeout,
            group: channel.id,
            groupLimit: 1
        )
    }

    /// The refresh: `secret_key` in a header, `app_id`, `grant_type=refresh_token` and the token in a form.
    func refreshRequest(refreshToken: String) -> HTTPRequest {
        var form = FormBody()
        form.add("app_id", channel.appID ?? "")
        form.add("grant_type", "refresh_token")
        form.add("refresh_token", refreshToken)
        return HTTPRequest(
            method: .post,
            url: tokenEndpoint,
            headers: [
                ("Accept", "application/json"), ("Content-Type", "application/x-www-form-urlencoded"),
                ("secret_key", channel.appSecret?.reveal() ?? ""),
            ],
            body: form.data,
            timeout: channel.timeout,
            group: channel.id,
            groupLimit: 1
        )
    }
}
