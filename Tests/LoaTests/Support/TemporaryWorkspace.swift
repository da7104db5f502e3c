import Foundation

/// A folder under the system's temporary directory with files written into it; removed on deinit.
final class TemporaryWorkspace {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("loa-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    /// Writes `text` as UTF-8 at `path`, creating folders.
    @discardableResult
    func write(_ path: String, _ text: String) throws -> URL {
        try write(path, data: Data(text.utf8))
    }

    @discardableResult
    func write(_ path: String, data: Data) throws -> URL {
        let file = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file
    }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    /// A loa.yml with an outbox Facebook and Zalo channel, and whatever `extra` adds under `channels:`.
    @discardableResult
    func writeConfig(extraChannels: String = "", settings: String = "") throws -> URL {
        try write(
            "loa.yml",
            """
            timezone: Asia/Ho_Chi_Minh
            \(settings)
            channels:
              fb-thanhdoan:
                platform: facebook
                transport: outbox
              zalo-doan-phuong:
                platform: zalo
                transport: outbox
            \(extraChannels)
            """
        )
    }
}
