import Foundation

/// The kind of an announcement; reports count posts per category.
public enum Category: String, Sendable, Hashable, CaseIterable, Codable {
    /// Văn bản, chính sách, chỉ đạo.
    case policyUpdate = "policy-update"
    /// Mô hình hay, cách làm hiệu quả, gương điển hình.
    case modelPractice = "model-practice"
    /// Tin hoạt động.
    case activityNews = "activity-news"

    /// The Vietnamese label shown in posts and reports.
    public var label: String {
        switch self {
        case .policyUpdate: "Văn bản – Chính sách"
        case .modelPractice: "Mô hình hay – Cách làm hiệu quả"
        case .activityNews: "Tin hoạt động"
        }
    }
}

/// Whether an announcement may be posted.
public enum AnnouncementStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case ready
    /// Checked by `loa check`, never posted.
    case draft
}

/// One announcement from a file in `queue/`, with all text in NFC.
public struct Announcement: Sendable, Identifiable {
    public var id: String
    public var title: String
    public var category: Category
    public var unit: String
    /// When to post; nil means as soon as possible.
    public var publishAt: Date?
    /// Never post after this.
    public var expiresAt: Date?
    /// Channel ids or globs from `channels:`; nil means every channel.
    public var channelPatterns: [String]?
    public var link: URL?
    /// Image paths relative to the file, or URLs.
    public var images: [String]
    /// Hashtags as written (`Tuổi trẻ Cần Thơ`); rendering turns them into `#TuoiTreCanTho`.
    public var hashtags: [String]
    public var status: AnnouncementStatus
    /// Bumped by the officer to post an edited announcement again.
    public var revision: Int
    /// Per-platform or per-channel text that replaces the body, keyed by platform name or channel id.
    public var variants: [String: String]
    /// The Markdown body.
    public var body: String
    /// The file the announcement was read from.
    public var file: URL
    /// The line of the file on which the body starts.
    public var bodyLine: Int

    public init(
        id: String,
        title: String,
        category: Category,
        unit: String,
        publishAt: Date? = nil,
        expiresAt: Date? = nil,
        channelPatterns: [String]? = nil,
        link: URL? = nil,
        images: [String] = [],
        hashtags: [String] = [],
        status: AnnouncementStatus = .ready,
        revision: Int = 1,
        variants: [String: String] = [:],
        body: String,
        file: URL,
        bodyLine: Int = 1
    ) {
        self.id = id
        self.title = title
        self.category = category
        self.unit = unit
        self.publishAt = publishAt
        self.expiresAt = expiresAt
        self.channelPatterns = channelPatterns
        self.link = link
        self.images = images
        self.hashtags = hashtags
        self.status = status
        self.revision = revision
        self.variants = variants
        self.body = body
        self.file = file
        self.bodyLine = bodyLine
    }
}
