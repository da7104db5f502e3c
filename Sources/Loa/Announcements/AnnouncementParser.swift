import Foundation
import Yams

/// Turns the text of a queue file into an ``Announcement``, or into diagnostics that say what to fix.
public struct AnnouncementParser: Sendable {
    static let keys = [
        "id", "title", "category", "unit", "publish_at", "expires_at", "channels", "link", "images", "hashtags",
        "status", "revision", "variants",
    ]

    private let dates: DateTimeParser
    private let channelIDs: [String]

    /// A parser reading local times in `timeZone` and checking channel names against `channelIDs`.
    public init(timeZone: TimeZone, channelIDs: [String]) {
        self.dates = DateTimeParser(timeZone: timeZone)
        self.channelIDs = channelIDs
    }

    /// What parsing one file found.
    public struct Outcome: Sendable {
        /// The announcement, unless an error made it unusable.
        public var announcement: Announcement?
        public var diagnostics: [Diagnostic]
    }

    /// Reads and parses the file at `file`.
    public func parse(file: URL) -> Outcome {
        let display = DisplayPath.of(file)
        // A folder, a dangling or looping link, a pipe: said as such, never read (a pipe would block the run).
        if let problem = FileProblem.notAFile(file.path) {
            return Outcome(diagnostics: [
                Diagnostic(
                    area: .queue,
                    file: display,
                    message: "cannot be read: \(problem)",
                    hint: "a queue file must be a Markdown file; rename or remove this one"
                )
            ])
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return Outcome(diagnostics: [
                Diagnostic(
                    area: .queue,
                    file: display,
                    message: "cannot be read: \(FileProblem.readProblem(file.path))"
                )
            ])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return Outcome(diagnostics: [
                Diagnostic(
                    area: .queue,
                    file: display,
                    message: "is not UTF-8 text",
                    hint: "save it as UTF-8 (in Notepad: Save As, Encoding: UTF-8)"
                )
            ])
        }
        return parse(text, file: file)
    }

    /// Parses the text of a queue file; `file` names it in diagnostics and gives the default id.
    public func parse(_ text: String, file: URL) -> Outcome {
        let display = DisplayPath.of(file)
        let split: FrontMatter
        switch FrontMatter.split(text) {
        case .success(let value):
            split = value
        case .failure(.noOpeningFence):
            return Outcome(diagnostics: [
                Diagnostic(
                    area: .queue,
                    file: display,
                    line: 1,
                    message: "expected front matter: the file must start with a line '---'",
                    hint: "see queue/ in the example workspace, or run `loa init` in an empty folder"
                )
            ])
        case .failure(.noClosingFence):
            return Outcome(diagnostics: [
                Diagnostic(area: .queue, file: display, line: 1, message: "the front matter has no closing '---' line")
            ])
        }
        var reader = YAMLReader(file: display, area: .queue, lineOffset: split.yamlLine - 1)
        guard let root = reader.compose(split.yaml) else {
            if reader.diagnostics.isEmpty {
                reader.report(
                    line: split.yamlLine,
                    field: nil,
                    "the front matter is empty; expected title, category and unit"
                )
            }
            return Outcome(diagnostics: reader.diagnostics)
        }
        var fields = Fields()
        let entries = reader.entries(of: root, field: nil, known: Self.keys)
        for entry in entries {
            read(entry, into: &fields, &reader, file: file)
        }
        let body = VietnameseText.nfc(split.body).trimmingCharacters(in: .whitespacesAndNewlines)
        if body.isEmpty {
            reader.report(
                line: split.bodyLine,
                field: "body",
                "is empty; expected the announcement's text after the front matter"
            )
        }
        checkLegacyEncoding(body, line: split.bodyLine, field: "body", &reader)
        let defaultID = VietnameseText.nfc(file.deletingPathExtension().lastPathComponent)
        let id = fields.id ?? defaultID
        if fields.id == nil, !Self.isValidID(id) {
            reader.report(
                line: 1,
                field: "id",
                "the file name '\(defaultID)' cannot serve as the id; expected ASCII letters, digits, '-', '_' or '.'",
                hint: "add `id: \(VietnameseText.slug(defaultID))` to the front matter, or rename the file"
            )
        }
        let firstLine = split.yamlLine
        if fields.titleMissing { reader.report(line: firstLine, field: "title", "is missing") }
        if fields.categoryMissing {
            reader.report(
                line: firstLine,
                field: "category",
                "is missing; expected one of \(Category.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        if fields.unitMissing {
            reader.report(
                line: firstLine,
                field: "unit",
                "is missing; expected the posting unit, as Đoàn phường An Hòa"
            )
        }
        if let publish = fields.publishAt, let expires = fields.expiresAt, expires <= publish {
            reader.report(line: fields.expiresLine, field: "expires_at", "is not after publish_at")
        }
        guard !reader.diagnostics.hasErrors, let title = fields.title, let category = fields.category,
            let unit = fields.unit
        else { return Outcome(diagnostics: reader.diagnostics) }
        let announcement = Announcement(
            id: id,
            title: title,
            category: category,
            unit: unit,
            publishAt: fields.publishAt,
            expiresAt: fields.expiresAt,
            channelPatterns: fields.channels,
            link: fields.link,
            images: fields.images,
            hashtags: fields.hashtags,
            status: fields.status,
            revision: fields.revision,
            variants: fields.variants,
            body: body,
            file: file,
            bodyLine: split.bodyLine
        )
        return Outcome(announcement: announcement, diagnostics: reader.diagnostics)
    }

    /// Whether a text can be an announcement id: it is used in file names and delivery ids.
    public static func isValidID(_ id: String) -> Bool {
        ConfigurationLoader.isValidChannelID(id)
    }

    private struct Fields {
        var id: String?
        var title: String?
        var category: Category?
        var unit: String?
        var publishAt: Date?
        var expiresAt: Date?
        var expiresLine: Int?
        var channels: [String]?
        var link: URL?
        var images: [String] = []
        var hashtags: [String] = []
        var status = AnnouncementStatus.ready
        var revision = 1
        var variants: [String: String] = [:]
        var titleMissing = true
        var categoryMissing = true
        var unitMissing = true
    }

    private func read(_ entry: YAMLReader.Entry, into fields: inout Fields, _ reader: inout YAMLReader, file: URL) {
        switch entry.key {
        case "id":
            guard let id = reader.string(entry) else { return }
            if Self.isValidID(id) {
                fields.id = id
            } else {
                reader.report(
                    at: entry.value,
                    field: "id",
                    "'\(id)' is not a valid id; expected ASCII letters, digits, '-', '_' or '.'",
                    hint: "for example: id: \(VietnameseText.slug(id))"
                )
            }
        case "title":
            fields.titleMissing = false
            fields.title = reader.string(entry)
            fields.title.map { checkLegacyEncoding($0, line: reader.line(of: entry.value), field: "title", &reader) }
        case "unit":
            fields.unitMissing = false
            fields.unit = reader.string(entry)
            fields.unit.map { checkLegacyEncoding($0, line: reader.line(of: entry.value), field: "unit", &reader) }
        case "category":
            fields.categoryMissing = false
            guard let text = reader.string(entry) else { return }
            if let category = Category(rawValue: text.lowercased()) {
                fields.category = category
            } else {
                let names = Category.allCases.map(\.rawValue)
                reader.report(
                    at: entry.value,
                    field: "category",
                    "'\(text)' is not one of \(names.joined(separator: ", "))\(Suggestion.didYouMean(text, among: names))"
                )
            }
        case "publish_at":
            fields.publishAt = date(entry, &reader)
        case "expires_at":
            fields.expiresAt = date(entry, &reader)
            fields.expiresLine = reader.line(of: entry.value)
        case "channels":
            guard let patterns = reader.strings(entry) else { return }
            for (index, pattern) in patterns.enumerated()
            where !channelIDs.contains(where: { Glob.matches(pattern, $0) }) {
                let known =
                    channelIDs.isEmpty
                    ? "loa.yml defines no channels" : "channels: \(channelIDs.joined(separator: ", "))"
                reader.report(
                    at: entry.value,
                    field: "channels[\(index)]",
                    "'\(pattern)' names no channel in loa.yml\(Suggestion.didYouMean(pattern, among: channelIDs))",
                    hint: known
                )
            }
            if patterns.isEmpty {
                reader.report(at: entry.keyNode, field: "channels", "is empty; leave it out to post to every channel")
            }
            fields.channels = patterns
        case "link":
            guard let text = reader.string(entry) else { return }
            if let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil
            {
                fields.link = url
            } else {
                reader.report(at: entry.value, field: "link", "'\(text)' is not a web address; expected https://…")
            }
        case "images":
            guard let images = reader.strings(entry) else { return }
            for (index, image) in images.enumerated() {
                if image.hasPrefix("https://") || image.hasPrefix("http://") { continue }
                let path = file.deletingLastPathComponent().appendingPathComponent(image).path
                if !FileManager.default.fileExists(atPath: path) {
                    reader.report(
                        at: entry.value,
                        field: "images[\(index)]",
                        "'\(image)' does not exist; expected a path relative to this file, or a URL"
                    )
                }
            }
            fields.images = images
        case "hashtags":
            guard let tags = reader.strings(entry) else { return }
            for tag in tags {
                checkLegacyEncoding(tag, line: reader.line(of: entry.value), field: "hashtags", &reader)
                if VietnameseText.hashtag(tag) == nil {
                    reader.report(
                        .warning,
                        at: entry.value,
                        field: "hashtags",
                        "'\(tag)' has no letters or digits and is left out"
                    )
                }
            }
            fields.hashtags = tags
        case "status":
            guard let text = reader.string(entry) else { return }
            if let status = AnnouncementStatus(rawValue: text.lowercased()) {
                fields.status = status
            } else {
                reader.report(at: entry.value, field: "status", "'\(text)' is not one of ready, draft")
            }
        case "revision":
            fields.revision = reader.int(entry, in: 1...Int.max) ?? fields.revision
        default:
            readVariants(entry, into: &fields, &reader)
        }
    }

    private func readVariants(_ entry: YAMLReader.Entry, into fields: inout Fields, _ reader: inout YAMLReader) {
        let names = Platform.allCases.map(\.rawValue) + channelIDs
        for variant in reader.entries(of: entry.value, field: "variants", known: nil) {
            guard names.contains(variant.key) else {
                reader.report(
                    at: variant.keyNode,
                    field: variant.field,
                    "'\(variant.key)' is neither a platform nor a channel\(Suggestion.didYouMean(variant.key, among: names))",
                    hint: "expected one of: \(names.joined(separator: ", "))"
                )
                continue
            }
            guard let text = reader.string(variant) else { continue }
            checkLegacyEncoding(text, line: reader.line(of: variant.value), field: variant.field, &reader)
            fields.variants[variant.key] = text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    private func date(_ entry: YAMLReader.Entry, _ reader: inout YAMLReader) -> Date? {
        guard let text = reader.string(entry) else { return nil }
        switch dates.parse(text) {
        case .success(let date):
            return date
        case .failure(let failure):
            reader.report(at: entry.value, field: entry.field, failure.description)
            return nil
        }
    }

    private func checkLegacyEncoding(_ text: String, line: Int?, field: String, _ reader: inout YAMLReader) {
        guard let encoding = Mojibake.detect(in: text) else { return }
        reader.report(line: line, field: field, "is not readable Vietnamese", hint: Mojibake.hint(for: encoding))
    }
}
