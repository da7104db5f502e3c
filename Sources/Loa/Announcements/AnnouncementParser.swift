import Foundation
import Yams

/// Turns the text of a queue file into an ``Announcement``, or into diagnostics that say what to fix.
public struct AnnouncementParser: Sendable {
    static let keys = [
        "id", "title", "category", "unit", "publish_at", "expires_at", "channels", "link", "images", "hashtags",
        "status", "revision", "variants",
    ]

    /// The largest queue file Loa reads, in bytes (1 MiB): a post is a few thousand characters, and a file
    /// hundreds of times that is a mistake that would hold up every run.
    public static let maximumFileSize = 1 << 20

    private let dates: DateTimeParser
    let channelIDs: [String]
    /// What each channel accepts of a post's images, in the order of `channelIDs`.
    let imageLimits: [ImageLimits]

    /// A parser reading local times in `timeZone` and checking channel names against `channelIDs`; images are
    /// held to the limits of their platform for every channel (without a channel's own `max_image_bytes`).
    public init(timeZone: TimeZone, channelIDs: [String], platform: Platform = .plain) {
        self.dates = DateTimeParser(timeZone: timeZone)
        self.channelIDs = channelIDs
        self.imageLimits = channelIDs.map { _ in ImageLimits.for(platform) }
    }

    /// A parser for a configuration's channels: local times in its time zone, images held to each channel's limits.
    public init(_ configuration: Configuration) {
        self.dates = DateTimeParser(timeZone: configuration.timeZone)
        self.channelIDs = configuration.channels.map(\.id)
        self.imageLimits = configuration.channels.map(\.imageLimits)
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
                    message: Message.diagCannotRead(["problem": "\(problem)"]),
                    hint: Message.diagNotMarkdownHint()
                )
            ])
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? Int,
            size > Self.maximumFileSize
        {
            return Outcome(diagnostics: [
                Diagnostic(
                    area: .queue,
                    file: display,
                    message: Message.diagTooLarge(["size": "\(size)", "max": "\(Self.maximumFileSize)"]),
                    hint: Message.diagTooLargeHint()
                )
            ])
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return Outcome(diagnostics: [
                Diagnostic(
                    area: .queue,
                    file: display,
                    message: Message.diagCannotRead(["problem": "\(FileProblem.readProblem(file.path))"])
                )
            ])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return Outcome(diagnostics: [
                Diagnostic(
                    area: .queue,
                    file: display,
                    message: Message.diagNotUTF8(),
                    hint: Message.diagNotUTF8Hint()
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
                    message: Message.diagNoOpeningFence(),
                    hint: Message.diagNoOpeningFenceHint()
                )
            ])
        case .failure(.noClosingFence):
            return Outcome(diagnostics: [
                Diagnostic(area: .queue, file: display, line: 1, message: Message.diagNoClosingFence())
            ])
        }
        var reader = YAMLReader(file: display, area: .queue, lineOffset: split.yamlLine - 1)
        guard let root = reader.compose(split.yaml) else {
            if reader.diagnostics.isEmpty {
                reader.report(
                    line: split.yamlLine,
                    field: nil,
                    Message.diagFrontMatterEmpty()
                )
            }
            return Outcome(diagnostics: reader.diagnostics)
        }
        var fields = Fields()
        let entries = reader.entries(of: root, field: nil, known: Self.keys)
        for entry in entries {
            read(entry, into: &fields, &reader, file: file)
        }
        checkImageLimits(fields.imageChecks, channelPatterns: fields.channels, &reader, frontMatterLine: split.yamlLine)
        let body = VietnameseText.nfc(split.body).trimmingCharacters(in: .whitespacesAndNewlines)
        if body.isEmpty {
            reader.report(
                line: split.bodyLine,
                field: "body",
                Message.diagBodyEmpty()
            )
        }
        checkLegacyEncoding(body, line: split.bodyLine, field: "body", &reader)
        checkControlCharacters(split.body, line: split.bodyLine, field: "body", &reader)
        let defaultID = VietnameseText.nfc(file.deletingPathExtension().lastPathComponent)
        let id = fields.id ?? defaultID
        if fields.id == nil, !Self.isValidID(id) {
            reader.report(
                line: 1,
                field: "id",
                Message.diagFileNameID(["name": defaultID, "rule": ConfigurationLoader.idRule]),
                hint: Message.diagFileNameIDHint(["id": ConfigurationLoader.suggestedID(defaultID)])
            )
        }
        let firstLine = split.yamlLine
        if fields.titleMissing { reader.report(line: firstLine, field: "title", Message.diagMissing()) }
        if fields.categoryMissing {
            reader.report(
                line: firstLine,
                field: "category",
                Message.diagMissingOneOf(["names": Category.allCases.map(\.rawValue).joined(separator: ", ")])
            )
        }
        if fields.unitMissing {
            reader.report(
                line: firstLine,
                field: "unit",
                Message.diagMissingUnit()
            )
        }
        if let publish = fields.publishAt, let expires = fields.expiresAt, expires <= publish {
            reader.report(line: fields.expiresLine, field: "expires_at", Message.diagNotAfterPublish())
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

    /// The highest `revision:`: far past any number of edits, and safe to count on from.
    public static let maximumRevision = 100_000

    /// Whether a text can be an announcement id: it is used in file names and delivery ids.
    public static func isValidID(_ id: String) -> Bool {
        ConfigurationLoader.isValidChannelID(id)
    }

    struct Fields {
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
        /// The local images that are readable images, for the channels' size and count limits.
        var imageChecks = ImageChecks()
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
                    Message.diagBadID(["id": id, "rule": ConfigurationLoader.idRule]),
                    hint: Message.diagForExample(["example": "id: " + ConfigurationLoader.suggestedID(id)])
                )
            }
        case "title":
            fields.titleMissing = false
            fields.title = reader.string(entry)
            fields.title.map { checkText($0, line: reader.line(of: entry.value), field: "title", &reader) }
        case "unit":
            fields.unitMissing = false
            fields.unit = reader.string(entry)
            fields.unit.map { checkText($0, line: reader.line(of: entry.value), field: "unit", &reader) }
        case "category":
            fields.categoryMissing = false
            guard let text = reader.string(entry) else { return }
            if let category = Category(written: text) {
                fields.category = category
            } else {
                let names = Category.allCases.map(\.rawValue)
                let labels = Category.allCases.map(\.label)
                let suggestion = Suggestion.closest(to: text, among: Category.writtenNames)
                reader.report(
                    at: entry.value,
                    field: "category",
                    Message.diagNotOneOfOr([
                        "text": text, "names": names.joined(separator: ", "), "labels": labels.joined(separator: ", "),
                    ]) + (suggestion.map { Message.suggestionDidYouMean(["word": $0]) } ?? "")
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
                    ? Message.diagNoChannels()
                    : Message.diagChannelsKnown(["names": channelIDs.joined(separator: ", ")])
                reader.report(
                    at: entry.value,
                    field: "channels[\(index)]",
                    Message.diagNoSuchChannel(["pattern": pattern]) + Suggestion.didYouMean(pattern, among: channelIDs),
                    hint: known
                )
            }
            if patterns.isEmpty {
                reader.report(at: entry.keyNode, field: "channels", Message.diagChannelsEmpty())
            }
            fields.channels = patterns
        case "link":
            guard let text = reader.string(entry) else { return }
            if let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil
            {
                fields.link = url
            } else {
                reader.report(at: entry.value, field: "link", Message.diagNotWebAddress(["text": text]))
            }
        case "images":
            readImages(entry, into: &fields, &reader, file: file)
        case "hashtags":
            guard let tags = reader.strings(entry) else { return }
            for tag in tags {
                checkText(tag, line: reader.line(of: entry.value), field: "hashtags", &reader)
                if VietnameseText.hashtag(tag) == nil {
                    reader.report(
                        .warning,
                        at: entry.value,
                        field: "hashtags",
                        Message.diagNoLetters(["tag": tag])
                    )
                }
            }
            fields.hashtags = tags
        case "status":
            guard let text = reader.string(entry) else { return }
            if let status = AnnouncementStatus(rawValue: text.lowercased()) {
                fields.status = status
            } else {
                reader.report(
                    at: entry.value,
                    field: "status",
                    Message.diagNotOneOf(["text": text, "names": "ready, draft"])
                )
            }
        case "revision":
            fields.revision = reader.int(entry, in: 1...Self.maximumRevision) ?? fields.revision
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
                    Message.diagNotVariant(["key": variant.key]) + Suggestion.didYouMean(variant.key, among: names),
                    hint: Message.diagExpectedOneOf(["names": names.joined(separator: ", ")])
                )
                continue
            }
            guard let text = reader.string(variant) else { continue }
            checkText(text, line: reader.line(of: variant.value), field: variant.field, &reader)
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

    /// Whether `path`, with every symbolic link followed, lies inside the folder of the queue file `file`: an
    /// image is sent to a bridge or copied for posting, and the workspace around the queue holds the credentials,
    /// loa.yml and the archive, so a path such as `../credentials` must never reach one of them.
    static func isBeside(_ path: String, file: URL) -> Bool {
        let rootPath = file.deletingLastPathComponent().standardizedFileURL.resolvingSymlinksInPath().path
        let resolved = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        return resolved.hasPrefix(rootPath.hasSuffix("/") ? rootPath : rootPath + "/")
    }

    private func checkText(_ text: String, line: Int?, field: String, _ reader: inout YAMLReader) {
        checkLegacyEncoding(text, line: line, field: field, &reader)
        checkControlCharacters(text, line: line, field: field, &reader)
    }

    /// Reports the first line of `text` holding a control character (NUL, escape, DEL, C1…): platforms show them
    /// as boxes or cut the text there. Tabs and line breaks are fine.
    private func checkControlCharacters(_ text: String, line: Int?, field: String, _ reader: inout YAMLReader) {
        var offset = 0
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            if scalar == "\n" {
                if previous != "\r" { offset += 1 }
                continue
            }
            if scalar == "\r" {
                offset += 1
                continue
            }
            guard Self.isControl(scalar) else { continue }
            let code = String(scalar.value, radix: 16, uppercase: true)
            reader.report(
                line: line.map { $0 + offset },
                field: field,
                Message.diagControlCharacter(["code": String(repeating: "0", count: max(0, 4 - code.count)) + code]),
                hint: Message.diagControlCharacterHint()
            )
            return
        }
    }

    /// C0 controls but tab and line breaks, DEL, and C1 controls.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }

    private func checkLegacyEncoding(_ text: String, line: Int?, field: String, _ reader: inout YAMLReader) {
        guard let encoding = Mojibake.detect(in: text) else { return }
        reader.report(line: line, field: field, Message.mojibakeNotVietnamese(), hint: Mojibake.hint(for: encoding))
    }
}
