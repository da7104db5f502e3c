/// The templates Loa ships: written by `loa init`, and used for a platform whose template folder has none.
///
/// Every template starts with `{{% CONTENT_TYPE: TEXT}}` so that Mustache does not HTML-escape the text:
/// social posts are plain text, and `&amp;` in a post is a bug.
public enum BuiltInTemplates {
    /// File name → contents.
    public static let all: [(name: String, text: String)] = [
        ("facebook.mustache", facebook),
        ("facebook.activity-news.mustache", facebookActivityNews),
        ("zalo.mustache", zalo),
        ("telegram.mustache", telegram),
        ("plain.mustache", plain),
    ]

    /// The built-in template for a platform.
    public static func text(for platform: Platform) -> String {
        switch platform {
        case .facebook: facebook
        case .zalo: zalo
        case .telegram: telegram
        case .plain: plain
        }
    }

    public static let facebook = """
        {{% CONTENT_TYPE: TEXT}}
        {{! Facebook: a headline, the full text, the link, and hashtags at the end. }}
        📢 {{title}}

        {{body}}
        {{^truncated}}
        {{#link}}

        👉 Xem chi tiết: {{link}}
        {{/link}}
        {{/truncated}}
        {{#hashtags}}

        {{hashtags}}
        {{/hashtags}}

        """

    public static let facebookActivityNews = """
        {{% CONTENT_TYPE: TEXT}}
        {{! Tin hoạt động on Facebook: who and when come first. }}
        📸 {{title}}
        📍 {{unit}} · {{publish_date}}

        {{body}}
        {{^truncated}}
        {{#link}}

        👉 Xem chi tiết: {{link}}
        {{/link}}
        {{/truncated}}
        {{#hashtags}}

        {{hashtags}}
        {{/hashtags}}

        """

    public static let zalo = """
        {{% CONTENT_TYPE: TEXT}}
        {{! Zalo: read on a phone, so short, with the category up front and few hashtags. }}
        [{{category_label}}] {{title}}

        {{body}}
        {{^truncated}}
        {{#link}}
        Chi tiết: {{link}}
        {{/link}}
        {{/truncated}}
        {{#hashtags}}
        {{hashtags}}
        {{/hashtags}}

        """

    public static let telegram = """
        {{% CONTENT_TYPE: TEXT}}
        {{! Telegram: sent without a parse mode, so this is exactly what readers see; a headline, the text, the link. }}
        📢 {{title}}

        {{body}}
        {{^truncated}}
        {{#link}}

        👉 Xem chi tiết: {{link}}
        {{/link}}
        {{/truncated}}
        {{#hashtags}}

        {{hashtags}}
        {{/hashtags}}

        """

    public static let plain = """
        {{% CONTENT_TYPE: TEXT}}
        {{! Any other bridge: title, text, link and hashtags, without decoration. }}
        {{title}}

        {{body}}
        {{^truncated}}
        {{#link}}

        {{link}}
        {{/link}}
        {{/truncated}}
        {{#hashtags}}

        {{hashtags}}
        {{/hashtags}}

        """
}
