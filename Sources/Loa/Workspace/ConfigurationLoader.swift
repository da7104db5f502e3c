import Foundation
import Yams

/// Reads loa.yml and the credentials file into a ``Configuration``, reporting every problem it finds.
///
/// Loading goes on past a bad value so that `loa check` can list all problems at once. `${NAME}` is read
/// from the environment first, then from the credentials file; no message ever contains a resolved value.
public struct ConfigurationLoader: Sendable {
    static let topLevelKeys = [
        "timezone", "queue", "templates", "archive", "credentials", "missed_after", "catch_up", "remind_after",
        "engagement_schedule", "concurrency", "organisation", "units", "language", "notify", "lease",
        "channels",
    ]
    static let channelKeys = [
        "platform", "transport", "url", "secret", "token", "stats_url", "max_length", "min_gap", "quiet_hours",
        "timeout", "concurrency", "max_image_bytes", "media_base_url", "name", "page_id", "api_version", "api_base",
        "reconcile_after", "chat_id", "app_id", "app_secret", "refresh_token", "broadcast", "oauth_base",
    ]

    /// The environment `${NAME}` and `PGPASSWORD` are read from first.
    let environment: [String: String]

    /// A loader that resolves `${NAME}` from `environment` before the credentials file.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// What loading found: the configuration when loa.yml could be read at all, and every problem.
    public struct Outcome: Sendable {
        public var configuration: Configuration?
        public var diagnostics: [Diagnostic]
    }

    /// Reads the loa.yml at `file`.
    public func load(from file: URL) -> Outcome {
        let display = DisplayPath.of(file)
        var reader = YAMLReader(file: display, area: .configuration)
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            let exists = FileManager.default.fileExists(atPath: file.path)
            reader.report(
                line: nil,
                field: nil,
                exists ? FileProblem.unreadableText(file.path) : Message.diagNoSuchFile(),
                hint: exists ? nil : Message.diagNoSuchFileHint()
            )
            return Outcome(configuration: nil, diagnostics: reader.diagnostics)
        }
        guard let root = reader.compose(text.replacingOccurrences(of: "\u{FEFF}", with: "")) else {
            if reader.diagnostics.isEmpty {
                reader.report(line: 1, field: nil, Message.diagConfigEmpty())
            }
            return Outcome(configuration: nil, diagnostics: reader.diagnostics)
        }
        var configuration = Configuration(file: file)
        let entries = reader.entries(of: root, field: nil, known: Self.topLevelKeys)
        if reader.diagnostics.contains(where: { $0.field == nil && $0.severity == .error }) {
            return Outcome(configuration: nil, diagnostics: reader.diagnostics)
        }
        let directory = configuration.root
        func path(_ text: String) -> URL {
            text.hasPrefix("/") ? URL(fileURLWithPath: text) : directory.appendingPathComponent(text)
        }
        var channelsEntry: YAMLReader.Entry?
        var notifyEntry: YAMLReader.Entry?
        var archiveEntry: YAMLReader.Entry?
        var leaseEntry: YAMLReader.Entry?
        for entry in entries {
            switch entry.key {
            case "timezone":
                guard let name = reader.string(entry) else { break }
                if let zone = TimeZone(identifier: name) {
                    configuration.timeZone = zone
                } else {
                    reader.report(
                        at: entry.value,
                        field: entry.field,
                        Message.diagNotTimeZone(["name": name])
                    )
                }
            case "queue": reader.string(entry).map { configuration.queueDirectory = path($0) }
            case "templates": reader.string(entry).map { configuration.templatesDirectory = path($0) }
            case "credentials": reader.string(entry).map { configuration.credentialsFile = path($0) }
            case "archive":
                guard let archive = reader.string(entry) else { break }
                if PostgresLocation.isURL(archive) {
                    // Read once the credentials are, for its password.
                    archiveEntry = entry
                } else {
                    configuration.archive = archive.hasPrefix("/") ? archive : path(archive).path
                }
            case "missed_after":
                if let value = duration(entry, &reader, in: Self.missedAfterRange) { configuration.missedAfter = value }
            case "catch_up":
                if let value = duration(entry, &reader, in: Self.missedAfterRange) { configuration.catchUp = value }
            case "remind_after":
                if let value = duration(entry, &reader, in: Self.missedAfterRange) { configuration.remindAfter = value }
            case "concurrency":
                configuration.concurrency = reader.int(entry, in: 1...1024) ?? configuration.concurrency
            case "organisation":
                configuration.organisation = reader.string(entry)
            case "units":
                configuration.units = (reader.strings(entry) ?? []).map(VietnameseText.nfc)
            case "language":
                guard let text = reader.string(entry) else { break }
                if let language = Language(rawValue: text.lowercased()) {
                    configuration.language = language
                } else {
                    reader.report(
                        at: entry.value,
                        field: entry.field,
                        Message.diagNotALanguage(["text": text])
                    )
                }
            case "notify":
                configuration.notify = reader.string(entry)
                notifyEntry = entry
            case "lease":
                if let value = duration(entry, &reader, in: Self.leaseRange) {
                    configuration.lease = value
                    leaseEntry = entry
                }
            case "engagement_schedule":
                guard let text = reader.string(entry) else { break }
                if let schedule = EngagementSchedule(text) {
                    configuration.engagementSchedule = schedule
                } else {
                    reader.report(
                        at: entry.value,
                        field: entry.field,
                        Message.cfgNotSchedule([
                            "text": text, "longest": DurationText.format(EngagementSchedule.longestAge),
                        ])
                    )
                }
            default:
                channelsEntry = entry
            }
        }
        let (credentials, credentialProblems) = Credentials.load(
            from: configuration.credentialsFile,
            displayPath: DisplayPath.of(configuration.credentialsFile)
        )
        var resolver = SecretResolver(
            environment: environment,
            credentials: credentials,
            credentialsPath: DisplayPath.of(configuration.credentialsFile)
        )
        if let channelsEntry {
            configuration.channels = readChannels(channelsEntry, &reader, &resolver)
            for index in configuration.channels.indices where configuration.channels[index].transport == .zaloOA {
                configuration.channels[index].tokenFile = ZaloTokenStore.file(
                    channel: configuration.channels[index].id,
                    credentials: configuration.credentialsFile
                )
            }
        } else {
            reader.report(line: 1, field: "channels", Message.diagNoChannelsDefined())
        }
        if let notify = configuration.notify, let notifyEntry, !configuration.channels.isEmpty,
            configuration.channel(notify) == nil
        {
            let ids = configuration.channels.map(\.id)
            reader.report(
                at: notifyEntry.value,
                field: notifyEntry.field,
                Message.diagNotifyNotAChannel(["name": notify, "names": ids.joined(separator: ", ")]),
                hint: Suggestion.closest(to: notify, among: ids).map { Message.diagDidYouMeanHint(["word": $0]) }
            )
        }
        if let archiveEntry { readPostgresArchive(archiveEntry, &configuration, &reader, &resolver) }
        if let leaseEntry, let lease = configuration.lease,
            let longest = configuration.channels.max(by: { $0.timeout < $1.timeout }), lease < 3 * longest.timeout
        {
            // A lease must outlast a request and its recording, or another host takes the channel over while
            // the request may still succeed.
            reader.report(
                at: leaseEntry.value,
                field: leaseEntry.field,
                Message.cfgLeaseShort([
                    "lease": DurationText.format(lease), "channel": longest.id,
                    "timeout": DurationText.format(longest.timeout), "least": DurationText.format(3 * longest.timeout),
                ])
            )
        }
        return Outcome(configuration: configuration, diagnostics: reader.diagnostics + credentialProblems)
    }

    private func readChannels(
        _ entry: YAMLReader.Entry,
        _ reader: inout YAMLReader,
        _ resolver: inout SecretResolver
    ) -> [Channel] {
        var channels: [Channel] = []
        let entries = reader.entries(of: entry.value, field: "channels", known: nil)
        if entries.isEmpty, case .mapping = entry.value {
            reader.report(at: entry.keyNode, field: "channels", Message.diagChannelsNone())
        }
        var seen: [String: (id: String, line: Int?)] = [:]
        for channelEntry in entries {
            // Channel ids name outbox folders, which a case-insensitive file system would merge.
            let key = channelEntry.key.lowercased()
            if let first = seen[key] {
                reader.report(
                    at: channelEntry.keyNode,
                    field: channelEntry.field,
                    Message.diagChannelCase([
                        "id": channelEntry.key, "first": first.id,
                        "where": first.line.map { Message.diagOnLine(["line": "\($0)"]) } ?? "",
                    ]),
                    hint: Message.diagRenameOne()
                )
                continue
            }
            seen[key] = (channelEntry.key, reader.line(of: channelEntry.keyNode))
            if let channel = readChannel(channelEntry, &reader, &resolver) { channels.append(channel) }
        }
        return channels
    }

    private func readChannel(
        _ entry: YAMLReader.Entry,
        _ reader: inout YAMLReader,
        _ resolver: inout SecretResolver
    ) -> Channel? {
        let id = entry.key
        if !Self.isValidChannelID(id) {
            reader.report(
                at: entry.keyNode,
                field: entry.field,
                Message.diagBadChannelID(["id": id, "rule": Self.idRule]),
                hint: Message.diagForExample(["example": Self.suggestedID(id)])
            )
        }
        let fields = reader.entries(of: entry.value, field: entry.field, known: Self.channelKeys)
        var platform: Platform?
        var transport: TransportKind?
        var channel = Channel(id: id, platform: .plain, transport: .outbox, line: reader.line(of: entry.keyNode))
        var urlEntry: YAMLReader.Entry?
        var secretEntry: YAMLReader.Entry?
        var mediaEntry: YAMLReader.Entry?
        var pageEntry: YAMLReader.Entry?
        var chatEntry: YAMLReader.Entry?
        var reconcileEntry: YAMLReader.Entry?
        let firstSubstitution = resolver.substitutions.count
        for field in fields {
            switch field.key {
            case "platform":
                platform = choice(field, &reader)
            case "transport":
                transport = choice(field, &reader)
            case "url":
                urlEntry = field
                channel.url = resolver.resolve(field, &reader).flatMap { webURL($0, field, &reader) }
            case "secret":
                secretEntry = field
                channel.secret = resolver.resolve(field, &reader).flatMap { signingSecret($0, field, &reader) }
            case "token":
                channel.token = resolver.resolve(field, &reader)
            case "stats_url":
                guard let value = resolver.resolve(field, &reader)?.reveal() else { break }
                if webURL(Secret(value.replacingOccurrences(of: "{remote_id}", with: "x")), field, &reader) != nil {
                    channel.statsURL = value
                    if !value.contains("{remote_id}") {
                        reader.report(
                            .warning,
                            at: field.value,
                            field: field.field,
                            Message.cfgNoRemoteID(["remote_id": "{remote_id}"])
                        )
                    }
                }
            case "name":
                channel.name = reader.string(field)
            case "page_id":
                pageEntry = field
                guard let text = reader.string(field) else { break }
                if !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) {
                    channel.pageID = text
                } else {
                    reader.report(
                        at: field.value,
                        field: field.field,
                        Message.cfgNotPageID(["text": text]),
                        hint: Message.cfgNotPageIDHint()
                    )
                }
            case "api_version":
                guard let text = reader.string(field) else { break }
                if text.hasPrefix("v"), text.dropFirst().split(separator: ".").count == 2,
                    text.dropFirst().allSatisfy({ $0.isNumber || $0 == "." })
                {
                    channel.apiVersion = text
                } else {
                    reader.report(
                        at: field.value,
                        field: field.field,
                        Message.cfgNotGraphVersion(["text": text, "version": Channel.newestGraphVersion])
                    )
                }
            case "api_base":
                guard let text = reader.string(field), let url = webURL(Secret(text), field, &reader) else { break }
                channel.apiBase = url
            case "chat_id":
                chatEntry = field
                channel.chatID = readChatID(field, &reader)
            case "app_id":
                channel.appID = readAppID(field, &reader)
            case "app_secret":
                channel.appSecret = resolver.resolve(field, &reader)
            case "refresh_token":
                channel.refreshToken = resolver.resolve(field, &reader)
            case "broadcast":
                channel.broadcast = reader.bool(field) ?? false
            case "oauth_base":
                guard let text = reader.string(field), let url = webURL(Secret(text), field, &reader) else { break }
                channel.oauthBase = url
            case "reconcile_after":
                reconcileEntry = field
                channel.reconcileAfter = duration(field, &reader, in: Self.timeoutRange) ?? channel.reconcileAfter
            case "max_length":
                channel.maxLength = reader.int(field, in: 1...1_000_000)
            case "max_image_bytes":
                channel.maxImageBytes = reader.int(field, in: 1...ImageLimits.maximumOverride)
            case "media_base_url":
                mediaEntry = field
                guard let text = reader.string(field), webURL(Secret(text), field, &reader) != nil else { break }
                channel.mediaBaseURL = text.hasSuffix("/") ? text : text + "/"
            case "min_gap":
                channel.minGap = duration(field, &reader, in: Self.minGapRange)
            case "quiet_hours":
                guard let text = reader.string(field) else { break }
                if let hours = QuietHours(text) {
                    channel.quietHours = hours
                } else {
                    reader.report(
                        at: field.value,
                        field: field.field,
                        Message.diagNotAWindow(["text": text])
                    )
                }
            case "timeout":
                if let value = duration(field, &reader, in: Self.timeoutRange) {
                    if value > 0 {
                        channel.timeout = value
                    } else {
                        reader.report(at: field.value, field: field.field, Message.diagLongerThanZero())
                    }
                }
            default:
                channel.concurrency = reader.int(field, in: 1...256) ?? channel.concurrency
            }
        }
        channel.substitutions = Array(resolver.substitutions[firstSubstitution...])
        guard case .mapping = entry.value else { return nil }
        if platform == nil, !fields.contains(where: { $0.key == "platform" }) {
            reader.report(
                at: entry.keyNode,
                field: "\(entry.field).platform",
                Message.diagMissingOneOf(["names": Platform.allCases.map(\.rawValue).joined(separator: ", ")])
            )
        }
        if transport == nil, !fields.contains(where: { $0.key == "transport" }) {
            reader.report(
                at: entry.keyNode,
                field: "\(entry.field).transport",
                Message.diagMissingOneOf(["names": TransportKind.allCases.map(\.rawValue).joined(separator: ", ")])
            )
        }
        guard let platform, let transport else { return nil }
        channel.platform = platform
        channel.transport = transport
        if transport == .webhook {
            if urlEntry == nil {
                reader.report(
                    at: entry.keyNode,
                    field: "\(entry.field).url",
                    Message.diagWebhookNeedsURL()
                )
            }
            if secretEntry == nil {
                reader.report(
                    at: entry.keyNode,
                    field: "\(entry.field).secret",
                    Message.diagWebhookNeedsSecret(),
                    hint: Message.diagWebhookSecretHint(["name": Self.secretName(for: id)])
                )
            }
        } else if transport.isBot {
            checkBot(channel, entry: entry, platform: platform, chatEntry: chatEntry, &reader)
            // A bot API cannot list a chat's posts: waiting before a look that cannot be made is pointless.
            if reconcileEntry == nil { channel.reconcileAfter = 0 }
            for ignored in [urlEntry, secretEntry].compactMap({ $0 }) {
                reader.report(
                    .warning,
                    at: ignored.keyNode,
                    field: ignored.field,
                    Message.cfgIgnoredBot(["transport": transport.rawValue])
                )
            }
        } else if transport == .zaloOA {
            checkZaloOA(channel, entry: entry, platform: platform, &reader)
            for ignored in [urlEntry, secretEntry, chatEntry].compactMap({ $0 }) {
                reader.report(.warning, at: ignored.keyNode, field: ignored.field, Message.diagIgnoredZaloOA())
            }
        } else if transport == .facebookPage {
            checkFacebookPage(channel, entry: entry, platform: platform, pageEntry: pageEntry, &reader)
            for ignored in [urlEntry, secretEntry, mediaEntry].compactMap({ $0 }) {
                reader.report(
                    .warning,
                    at: ignored.keyNode,
                    field: ignored.field,
                    Message.diagIgnoredFacebookPage()
                )
            }
        } else {
            for ignored in [urlEntry, mediaEntry].compactMap({ $0 }) {
                reader.report(
                    .warning,
                    at: ignored.keyNode,
                    field: ignored.field,
                    Message.diagIgnoredOutbox()
                )
            }
        }
        return channel
    }

    /// The longest id of a channel or an announcement, in characters: ids name outbox folders
    /// (`outbox/<channel>/<yyyy-MM-dd>-<id>/`), and a file name has at most 255 bytes.
    public static let maximumIDLength = 100

    /// What an id may be, for messages.
    static var idRule: String { Message.diagIDRule(["max": "\(maximumIDLength)"]) }

    /// A valid id close to `text`, for hints.
    static func suggestedID(_ text: String) -> String {
        String(VietnameseText.slug(text).prefix(maximumIDLength))
    }

    /// Whether a text can name a channel: it is used in folder names and delivery ids.
    public static func isValidChannelID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first != ".", id.utf8.count <= maximumIDLength else { return false }
        return id.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0))
        }
    }

    /// The conventional credentials name for a channel's secret: `fb-thanhdoan` → `FB_THANHDOAN_SECRET`.
    static func secretName(for channelID: String) -> String {
        channelID.uppercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined() + "_SECRET"
    }

    private func choice<T: RawRepresentable & CaseIterable>(
        _ entry: YAMLReader.Entry,
        _ reader: inout YAMLReader
    ) -> T? where T.RawValue == String {
        guard let text = reader.string(entry) else { return nil }
        if let value = T(rawValue: text.lowercased()) { return value }
        let names = T.allCases.map(\.rawValue)
        reader.report(
            at: entry.value,
            field: entry.field,
            Message.diagNotOneOf(["text": text, "names": names.joined(separator: ", ")])
                + Suggestion.didYouMean(text, among: names)
        )
        return nil
    }

    /// `missed_after`: up to ten years, for workspaces (such as the benchmark's) that never want a post missed.
    static let missedAfterRange: ClosedRange<TimeInterval> = 0...DurationText.longest
    /// `min_gap`: a channel posting less than monthly needs no gap.
    static let minGapRange: ClosedRange<TimeInterval> = 0...(30 * 86_400)
    /// `timeout`: no bridge should keep a request open for more than ten minutes.
    static let timeoutRange: ClosedRange<TimeInterval> = 0...600
    /// `lease`: from a second (tests) to an hour.
    static let leaseRange: ClosedRange<TimeInterval> = 1...3600

    /// A duration within `range`, whose bounds the message names when it is not.
    private func duration(
        _ entry: YAMLReader.Entry,
        _ reader: inout YAMLReader,
        in range: ClosedRange<TimeInterval>
    ) -> TimeInterval? {
        guard let text = reader.string(entry) else { return nil }
        guard let value = DurationText.parse(text) else {
            reader.report(
                at: entry.value,
                field: entry.field,
                Message.diagNotADuration(["text": text])
            )
            return nil
        }
        guard range.contains(value) else {
            reader.report(
                at: entry.value,
                field: entry.field,
                Message.diagDurationRange([
                    "text": text, "lower": DurationText.format(range.lowerBound),
                    "upper": DurationText.format(range.upperBound),
                ])
            )
            return nil
        }
        return value
    }

    private func webURL(_ value: Secret, _ entry: YAMLReader.Entry, _ reader: inout YAMLReader) -> URL? {
        let text = value.reveal()
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http",
            url.host?.isEmpty == false
        else {
            reader.report(at: entry.value, field: entry.field, Message.cfgNotWebURL())
            return nil
        }
        return url
    }

    private func signingSecret(_ value: Secret, _ entry: YAMLReader.Entry, _ reader: inout YAMLReader) -> Secret? {
        let text = value.reveal()
        guard text.hasPrefix("whsec_"), let bytes = Data(base64Encoded: String(text.dropFirst(6))), !bytes.isEmpty
        else {
            reader.report(
                at: entry.value,
                field: entry.field,
                Message.cfgNotSigningSecret(),
                hint: Message.cfgSigningSecretHint()
            )
            return nil
        }
        return value
    }
}
