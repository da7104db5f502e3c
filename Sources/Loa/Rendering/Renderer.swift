import Foundation
import Mustache

/// Renders an announcement into the variant one channel will post.
///
/// The body (or the `variants:` text for the channel or its platform) is turned from Markdown into plain text,
/// hashtags into ASCII CamelCase, and the platform's template lays them out. When the result is over the
/// channel's limit, only the body is cut, so the title and hashtags survive, and the cut body ends with
/// `… Xem thêm: <link>`.
public struct Renderer: Sendable {
    private let templates: TemplateSet
    private let dates: LocalDateFormat
    private let now: Date

    /// A renderer using `templates`, writing dates in `timeZone`; an announcement without `publish_at` is
    /// dated `now`.
    public init(templates: TemplateSet, timeZone: TimeZone, now: Date = Date()) {
        self.templates = templates
        self.dates = LocalDateFormat(timeZone: timeZone)
        self.now = now
    }

    /// The variant of `announcement` for `channel`.
    public func render(_ announcement: Announcement, for channel: Channel) -> Result<Variant, RenderFailure> {
        let profile = PlatformProfile.for(channel.platform)
        let limit = channel.lengthLimit
        guard
            let (template, templateName, _) = templates.template(for: channel.platform, category: announcement.category)
        else { return .failure(.templateTooLong(channel: channel.id, template: "none", limit: limit)) }
        let source =
            announcement.variants[channel.id] ?? announcement.variants[channel.platform.rawValue] ?? announcement.body
        let body = MarkdownText.plainText(source, bullet: profile.bullet)
        let hashtags = Self.hashtags(announcement.hashtags, limit: profile.maxHashtags)
        let context = Context(announcement: announcement, channel: channel, hashtags: hashtags, dates: dates, now: now)

        func variant(_ text: String, truncated: Bool) -> Variant {
            Variant(
                announcementID: announcement.id,
                channel: channel.id,
                platform: channel.platform,
                text: text,
                length: TextLength.measure(text),
                limit: limit,
                truncated: truncated,
                hashtags: hashtags,
                template: templateName
            )
        }

        let full = Self.tidy(template.render(context.values(body: body, truncated: false)))
        if full.allSatisfy(\.isWhitespace) {
            return .failure(.empty(channel: channel.id, template: templateName))
        }
        let fullLength = TextLength.measure(full)
        if fullLength <= limit { return .success(variant(full, truncated: false)) }
        guard let link = announcement.link?.absoluteString else {
            return .failure(.tooLong(channel: channel.id, length: fullLength, limit: limit))
        }
        // The template's share is measured with an empty body; tidying can shift it by a line, so the budget is
        // corrected by the overshoot until the whole fits.
        let frame = TextLength.measure(Self.tidy(template.render(context.values(body: "", truncated: true))))
        var budget = limit - frame
        for _ in 0..<4 {
            guard budget > 0, let cut = TextCutter.cut(body, toFit: budget, link: link) else { break }
            let text = Self.tidy(template.render(context.values(body: cut, truncated: true)))
            let length = TextLength.measure(text)
            if length <= limit { return .success(variant(text, truncated: true)) }
            budget -= length - limit
        }
        return .failure(.templateTooLong(channel: channel.id, template: templateName, limit: limit))
    }

    /// A key shared by the channels that get the same text for an announcement, so a run with a hundred
    /// channels of one platform renders each announcement once rather than a hundred times.
    ///
    /// The text depends on the platform, the length limit, the template, and the `variants:` entry used; it
    /// depends on the channel itself only when the template names `channel` or the channel has its own variant.
    public func sharingKey(for announcement: Announcement, channel: Channel) -> String {
        let found = templates.template(for: channel.platform, category: announcement.category)
        let perChannel =
            announcement.variants[channel.id] != nil || found?.mentionsChannel ?? true
        return [
            announcement.id, String(announcement.revision), channel.platform.rawValue, String(channel.lengthLimit),
            found?.name ?? "", perChannel ? channel.id : "",
        ].joined(separator: "\u{0}")
    }

    /// The hashtags of `tags`, as written, that a variant carrying `kept` left out: past the platform's limit, or
    /// with no letter or digit to make a hashtag of. A repeat of a kept one is not dropped: it is the same hashtag.
    public static func droppedHashtags(_ tags: [String], kept: [String]) -> [String] {
        let carried = Set(kept.map { $0.lowercased() })
        return tags.filter { tag in
            guard let hashtag = VietnameseText.hashtag(tag) else { return true }
            return !carried.contains(hashtag.lowercased())
        }
    }

    /// Hashtags in CamelCase ASCII, without repeats (compared case-insensitively), at most `limit`.
    public static func hashtags(_ tags: [String], limit: Int) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for tag in tags {
            guard let hashtag = VietnameseText.hashtag(tag), seen.insert(hashtag.lowercased()).inserted else {
                continue
            }
            result.append(hashtag)
        }
        return Array(result.prefix(limit))
    }

    /// The template's output with trailing spaces removed, at most one blank line in a row, and no blank lines at
    /// either end, so templates can be written for legibility.
    static func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let trimmed = line.trimmingTrailingWhitespace()
            if trimmed.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(trimmed)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return VietnameseText.nfc(lines.joined(separator: "\n"))
    }

    /// The names of the values a template can use; a template naming any other is refused by `loa check`.
    public static let variableNames = [
        "title", "body", "category", "category_label", "unit", "link", "hashtags", "hashtag_list", "publish_date",
        "publish_time", "channel", "platform", "images", "truncated",
    ]

    /// The values a template can use (named in ``variableNames``).
    private struct Context {
        let announcement: Announcement
        let channel: Channel
        let hashtags: [String]
        let dates: LocalDateFormat
        let now: Date

        func values(body: String, truncated: Bool) -> [String: Any] {
            var values: [String: Any] = [
                "title": announcement.title,
                "category": announcement.category.rawValue,
                "category_label": announcement.category.label,
                "unit": announcement.unit,
                "channel": channel.id,
                "platform": channel.platform.rawValue,
                "truncated": truncated,
            ]
            if !body.isEmpty { values["body"] = body }
            if let link = announcement.link?.absoluteString { values["link"] = link }
            if !hashtags.isEmpty {
                values["hashtags"] = hashtags.joined(separator: " ")
                values["hashtag_list"] = hashtags
            }
            let publishAt = announcement.publishAt ?? now
            values["publish_date"] = dates.day(publishAt)
            values["publish_time"] = dates.time(publishAt)
            if !announcement.images.isEmpty { values["images"] = announcement.images }
            return values
        }
    }
}
