import Foundation

/// The files `loa init` writes: a workspace that passes `loa check` and posts to outbox channels only.
///
/// They exist in English and Vietnamese (comments, examples, `language:`), with the same channels, variables
/// and settings in both.
public enum StarterWorkspace {
    /// Relative path → contents, in the process's language.
    public static var files: [(path: String, text: String)] { files(in: .current) }

    /// Relative path → contents, in `language`.
    public static func files(in language: Language) -> [(path: String, text: String)] {
        [
            ("loa.yml", language == .vi ? configurationVietnamese : configuration),
            ("credentials.example", language == .vi ? credentialsExampleVietnamese : credentialsExample),
            ("queue/vi-du-thong-bao.md", sampleAnnouncement),
        ] + BuiltInTemplates.all.map { ("templates/\($0.name)", $0.text) }
    }

    /// What happened to one file.
    public enum Outcome: Sendable, Equatable {
        case written(String)
        case kept(String)
    }

    /// Writes the starter files into `directory`, creating folders as needed and never overwriting a file.
    public static func write(to directory: URL, in language: Language = .current) throws -> [Outcome] {
        let manager = FileManager.default
        var outcomes: [Outcome] = []
        for (path, text) in files(in: language) {
            let file = directory.appendingPathComponent(path)
            if manager.fileExists(atPath: file.path) {
                outcomes.append(.kept(path))
                continue
            }
            try manager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file, options: .withoutOverwriting)
            outcomes.append(.written(path))
        }
        return outcomes
    }

    static let configuration = """
        # Loa workspace. Reference: README.md of Loa, section "loa.yml".
        language: en                     # what Loa prints: en or vi (LOA_LANG wins)
        timezone: Asia/Ho_Chi_Minh
        queue: queue
        templates: templates
        archive: archive/loa.sqlite
        credentials: credentials
        missed_after: 48h
        # notify: zalo-doan-phuong       # a channel that gets one message per run listing what needs a person

        channels:
          # Posted by hand: Loa writes copy-ready text to outbox/<channel>/, and you
          # record the post with `loa confirm ID --channel C --url URL`
          # (or --note "nhóm Zalo Đoàn phường" for a post with no address).
          # Rename the channels for your unit before the first `loa run`.
          fb-thanhdoan:
            platform: facebook
            transport: outbox
          zalo-doan-phuong:
            platform: zalo
            transport: outbox

          # Posted by a bridge you operate (see "Bridge protocol" in Loa's docs).
          # Copy credentials.example to credentials, fill in the secrets, and uncomment:
          # fb-thanhdoan-bridge:
          #   platform: facebook
          #   transport: webhook
          #   url: https://bridge.example.org/facebook/thanhdoan
          #   secret: ${FB_THANHDOAN_SECRET}
          #   token: ${FB_BRIDGE_TOKEN}
          #   timeout: 15s
          #   quiet_hours: 22h-6h

          # A Zalo Official Account through a bridge:
          # zalo-oa-thanhdoan:
          #   platform: zalo
          #   transport: webhook
          #   url: https://bridge.example.org/zalo/oa-thanhdoan
          #   secret: ${ZALO_OA_SECRET}

        """

    /// The credentials template; the real file is `credentials`, mode 0600, never committed.
    public static let credentialsExample = """
        # Secrets for loa.yml's ${NAME} references, one KEY=value per line.
        # Copy this file to `credentials` and run: chmod 600 credentials
        # Never commit `credentials`. A variable in the environment wins over this file.
        #
        # A signing secret is whsec_ followed by base64 of random bytes; create one with
        #   echo "whsec_$(openssl rand -base64 32)"
        # and give the same value to the bridge's operator.

        # Webhook bridge for the city Youth Union's Facebook page (channel fb-thanhdoan-bridge).
        FB_THANHDOAN_SECRET=whsec_replace-with-base64
        # Optional bearer token the bridge asks for.
        FB_BRIDGE_TOKEN=replace-with-the-bridge-token

        # Webhook bridge for the Zalo Official Account (channel zalo-oa-thanhdoan).
        ZALO_OA_SECRET=whsec_replace-with-base64

        """

    /// loa.yml with Vietnamese comments; the same settings, channels and variables as ``configuration``.
    static let configurationVietnamese = """
        # Không gian làm việc của Loa. Tham khảo: README.md của Loa, mục "loa.yml".
        language: vi                     # ngôn ngữ Loa dùng: vi hoặc en (LOA_LANG được ưu tiên)
        timezone: Asia/Ho_Chi_Minh
        queue: queue
        templates: templates
        archive: archive/loa.sqlite
        credentials: credentials
        missed_after: 48h
        # notify: zalo-doan-phuong       # kênh nhận mỗi lần chạy một tin liệt kê việc cần người làm

        channels:
          # Đăng tay: Loa ghi bài sẵn để sao chép vào outbox/<kênh>/, và bạn ghi nhận
          # bài đã đăng bằng `loa confirm ID --channel C --url URL`
          # (hoặc --note "nhóm Zalo Đoàn phường" với bài không có địa chỉ).
          # Đổi tên các kênh theo đơn vị của bạn trước lần `loa run` đầu tiên.
          fb-thanhdoan:
            platform: facebook
            transport: outbox
          zalo-doan-phuong:
            platform: zalo
            transport: outbox

          # Đăng qua một cầu nối (bridge) do bạn vận hành (xem "Bridge protocol" trong tài liệu của Loa).
          # Chép credentials.example thành credentials, điền các khóa bí mật, rồi bỏ dấu # ở đầu dòng:
          # fb-thanhdoan-bridge:
          #   platform: facebook
          #   transport: webhook
          #   url: https://bridge.example.org/facebook/thanhdoan
          #   secret: ${FB_THANHDOAN_SECRET}
          #   token: ${FB_BRIDGE_TOKEN}
          #   timeout: 15s
          #   quiet_hours: 22h-6h

          # Trang Zalo Official Account qua một cầu nối:
          # zalo-oa-thanhdoan:
          #   platform: zalo
          #   transport: webhook
          #   url: https://bridge.example.org/zalo/oa-thanhdoan
          #   secret: ${ZALO_OA_SECRET}

        """

    /// credentials.example with Vietnamese comments; the same variables as ``credentialsExample``.
    static let credentialsExampleVietnamese = """
        # Khóa bí mật cho các tham chiếu ${TÊN} trong loa.yml, mỗi dòng một KHÓA=giá trị.
        # Chép tệp này thành `credentials` rồi chạy: chmod 600 credentials
        # Không bao giờ commit `credentials`. Biến môi trường được ưu tiên hơn tệp này.
        #
        # Khóa ký (signing secret) là whsec_ theo sau là base64 của các byte ngẫu nhiên; tạo bằng
        #   echo "whsec_$(openssl rand -base64 32)"
        # và đưa cùng giá trị đó cho người vận hành cầu nối.

        # Cầu nối webhook cho trang Facebook của Thành đoàn (channel fb-thanhdoan-bridge).
        FB_THANHDOAN_SECRET=whsec_replace-with-base64
        # Mã bearer tùy chọn mà cầu nối yêu cầu.
        FB_BRIDGE_TOKEN=replace-with-the-bridge-token

        # Cầu nối webhook cho Zalo Official Account (channel zalo-oa-thanhdoan).
        ZALO_OA_SECRET=whsec_replace-with-base64

        """

    static let sampleAnnouncement = """
        ---
        title: Ví dụ – Thông báo đầu tiên của đơn vị
        category: activity-news
        unit: Đoàn cơ sở (sửa tên đơn vị)
        # publish_at: 05/01/2026 08:00     # bỏ trống: đăng ngay khi `loa run` chạy
        hashtags: [Tuổi trẻ, Đoàn Thanh niên]
        status: draft                     # đổi thành ready để đăng
        ---
        Đây là bài mẫu. Sửa nội dung, đổi `status` thành `ready`, rồi chạy `loa check`.

        - Viết **Markdown** bình thường: tiêu đề, danh sách, [liên kết](https://doanthanhnien.vn).
        - Loa tự tạo bản cho từng kênh (Facebook, Zalo) theo thư mục `templates/`.

        """
}
