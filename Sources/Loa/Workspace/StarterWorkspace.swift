import Foundation

/// The files `loa init` writes: a workspace that passes `loa check` and posts to outbox channels only.
public enum StarterWorkspace {
    /// Relative path → contents.
    public static var files: [(path: String, text: String)] {
        [
            ("loa.yml", configuration),
            ("credentials.example", credentialsExample),
            ("queue/vi-du-thong-bao.md", sampleAnnouncement),
        ] + BuiltInTemplates.all.map { ("templates/\($0.name)", $0.text) }
    }

    /// What happened to one file.
    public enum Outcome: Sendable, Equatable {
        case written(String)
        case kept(String)
    }

    /// Writes the starter files into `directory`, creating folders as needed and never overwriting a file.
    public static func write(to directory: URL) throws -> [Outcome] {
        let manager = FileManager.default
        var outcomes: [Outcome] = []
        for (path, text) in files {
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
        timezone: Asia/Ho_Chi_Minh
        queue: queue
        templates: templates
        archive: archive/loa.sqlite
        credentials: credentials
        missed_after: 48h

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
