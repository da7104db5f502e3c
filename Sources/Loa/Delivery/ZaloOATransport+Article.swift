import Foundation

extension ZaloOATransport {
    /// Why an announcement cannot become an article (`loa check` says so first; this is the run's own guard).
    struct ArticleProblem: Error {
        var reason: String
    }

    /// A text cut to `limit` characters at a character boundary, with `…` when it was longer.
    static func cut(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)).trimmingCharacters(in: .whitespaces) + "…"
    }

    /// The article's title: the announcement's, within Zalo's 150 characters.
    static func title(_ text: String) -> String {
        cut(VietnameseText.nfc(text).trimmingCharacters(in: .whitespacesAndNewlines), to: titleLimit)
    }

    /// The text's paragraphs (parts between blank lines), without empty ones.
    static func paragraphs(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }

    /// A paragraph as the HTML an article's text block holds: escaped, its line breaks kept.
    static func html(_ paragraph: String) -> String {
        let escaped =
            paragraph
            .replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "\n", with: "<br>")
        return "<p>\(escaped)</p>"
    }

    /// The body of `POST /v2.0/article/create` for `post`: a normal article, shown at once, comments on; the cover
    /// is the first image, the other images follow the text.
    static func article(for post: DirectPost, channel: Channel) -> Result<[String: Any], ArticleProblem> {
        var addresses: [String] = []
        for image in post.images {
            guard let address = image.address(mediaBaseURL: channel.mediaBaseURL) else {
                return .failure(
                    ArticleProblem(reason: Message.zaloLocalPhoto(["photo": image.written]))
                )
            }
            addresses.append(address)
        }
        guard let cover = addresses.first else {
            return .failure(ArticleProblem(reason: Message.zaloNoCover()))
        }
        let paragraphs = Self.paragraphs(post.text)
        var body: [[String: Any]] = paragraphs.map { ["type": "text", "content": html($0)] }
        body += addresses.dropFirst().map { ["type": "image", "url": $0] }
        let description = cut(
            (paragraphs.first ?? post.title).replacingOccurrences(of: "\n", with: " "),
            to: descriptionLimit
        )
        return .success([
            "type": "normal",
            "title": title(post.title),
            "description": description,
            "cover": ["cover_type": "photo", "photo_url": cover, "status": "show"],
            "body": body,
            "status": "show",
            "comment": "show",
        ])
    }

    /// The body of `POST /v2.0/oa/message` that sends article `id` to every follower (`gender: "0"`: all).
    static func broadcast(article id: String) -> [String: Any] {
        [
            "recipient": ["target": ["gender": "0"]],
            "message": [
                "attachment": [
                    "type": "template",
                    "payload": [
                        "template_type": "media",
                        "elements": [["media_type": "article", "attachment_id": id]],
                    ],
                ]
            ],
        ]
    }
}
