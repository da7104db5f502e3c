import Foundation
import Testing

@testable import Loa

@Suite("loa.yml and credentials")
struct ConfigurationTests {
    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    static let token = "tok-9f8e7d6c5b4a"

    static let full = """
        timezone: Asia/Ho_Chi_Minh
        queue: hang-doi
        templates: mau
        archive: luu-tru/loa.sqlite
        credentials: bi-mat
        missed_after: 36h
        channels:
          fb-thanhdoan:
            platform: facebook
            transport: webhook
            url: https://bridge.example.org/facebook/thanhdoan
            secret: ${FB_THANHDOAN_SECRET}
            token: ${FB_BRIDGE_TOKEN}
            stats_url: https://bridge.example.org/stats/{remote_id}
            max_length: 5000
            min_gap: 15m
            quiet_hours: 22:00-06:00
            timeout: 20s
            concurrency: 8
          zalo-doan-phuong:
            platform: zalo
            transport: outbox
        """

    @Test("every key is read, paths are relative to loa.yml, secrets come from the credentials file")
    func everyKey() throws {
        let workspace = try TemporaryWorkspace()
        let file = try workspace.write("loa.yml", Self.full)
        try workspace.write(
            "bi-mat",
            "# bí mật\nexport FB_THANHDOAN_SECRET=\"\(Self.secret)\"\nFB_BRIDGE_TOKEN='\(Self.token)' # token\n"
        )
        chmod(workspace.url("bi-mat").path, 0o600)
        let outcome = ConfigurationLoader(environment: [:]).load(from: file)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
        let configuration = try #require(outcome.configuration)
        #expect(configuration.timeZone.identifier == "Asia/Ho_Chi_Minh")
        #expect(configuration.queueDirectory.path == workspace.url("hang-doi").path)
        #expect(configuration.templatesDirectory.path == workspace.url("mau").path)
        #expect(configuration.archive == workspace.url("luu-tru/loa.sqlite").path)
        #expect(configuration.missedAfter == 36 * 3600)
        #expect(configuration.channels.map(\.id) == ["fb-thanhdoan", "zalo-doan-phuong"])
        let facebook = try #require(configuration.channel("fb-thanhdoan"))
        #expect(facebook.platform == .facebook)
        #expect(facebook.transport == .webhook)
        #expect(facebook.url?.absoluteString == "https://bridge.example.org/facebook/thanhdoan")
        #expect(facebook.secret?.reveal() == Self.secret)
        #expect(facebook.token?.reveal() == Self.token)
        #expect(facebook.statsURL == "https://bridge.example.org/stats/{remote_id}")
        #expect(facebook.maxLength == 5000)
        #expect(facebook.lengthLimit == 5000)
        #expect(facebook.minGap == 900)
        #expect(facebook.quietHours == QuietHours("22:00-06:00"))
        #expect(facebook.timeout == 20)
        #expect(facebook.concurrency == 8)
        let zalo = try #require(configuration.channel("zalo-doan-phuong"))
        #expect(zalo.lengthLimit == 2000)
        #expect(zalo.timeout == 15)
        #expect(zalo.concurrency == 4)
        #expect(configuration.channels(matching: ["zalo-*"]).map(\.id) == ["zalo-doan-phuong"])
        #expect(configuration.channels(matching: nil).count == 2)
    }

    @Test("the environment wins over the credentials file")
    func environmentFirst() throws {
        let workspace = try TemporaryWorkspace()
        let file = try workspace.write("loa.yml", Self.full)
        try workspace.write("bi-mat", "FB_THANHDOAN_SECRET=whsec_b3RoZXI=\nFB_BRIDGE_TOKEN=x\n")
        chmod(workspace.url("bi-mat").path, 0o600)
        let outcome = ConfigurationLoader(environment: ["FB_THANHDOAN_SECRET": Self.secret]).load(from: file)
        #expect(outcome.configuration?.channel("fb-thanhdoan")?.secret?.reveal() == Self.secret)
    }

    @Test("a missing secret names the key and the variable, and where it looked")
    func missingSecret() throws {
        let workspace = try TemporaryWorkspace()
        let file = try workspace.write("loa.yml", Self.full)
        let outcome = ConfigurationLoader(environment: ["FB_BRIDGE_TOKEN": Self.token]).load(from: file)
        let diagnostic = try #require(outcome.diagnostics.first)
        #expect(diagnostic.line == 12)
        #expect(diagnostic.field == "channels.fb-thanhdoan.secret")
        #expect(diagnostic.message.contains("${FB_THANHDOAN_SECRET} is not set"))
        #expect(diagnostic.message.contains("bi-mat does not exist"))
        #expect(diagnostic.area == .configuration)
    }

    @Test("a malformed secret is reported without its value")
    func malformedSecret() throws {
        let workspace = try TemporaryWorkspace()
        let file = try workspace.write("loa.yml", Self.full)
        let leaked = "whsec_not base64 at all!!"
        let outcome = ConfigurationLoader(environment: ["FB_THANHDOAN_SECRET": leaked, "FB_BRIDGE_TOKEN": Self.token])
            .load(from: file)
        let diagnostic = try #require(outcome.diagnostics.first)
        #expect(diagnostic.field == "channels.fb-thanhdoan.secret")
        #expect(diagnostic.message.contains("expected whsec_ followed by base64"))
        for text in outcome.diagnostics.map(\.description) {
            #expect(!text.contains("not base64 at all"))
            #expect(!text.contains(Self.token))
        }
        #expect("\(Secret(leaked))" == "••••••")
        #expect(String(reflecting: Secret(leaked)) == "Secret(••••••)")
    }

    @Test(
        "each bad value is reported at its line, naming the key",
        arguments: [
            ("timezone: Saigon", 1, "timezone", "IANA name"),
            ("timzone: Asia/Ho_Chi_Minh", 1, "timzone", "did you mean 'timezone'?"),
            ("missed_after: hai ngày", 1, "missed_after", "expected a number and a unit"),
            ("archive: postgres://db/loa", 1, "archive", "names no user"),
            ("archive: postgres://loa@db/loa?sslmode=verify", 1, "archive", "expected disable, prefer or require"),
            (
                "channels:\n  a:\n    platform: tiktok\n    transport: outbox", 3, "channels.a.platform",
                "not one of facebook"
            ),
            ("channels:\n  a:\n    platform: zalo\n    transport: email", 4, "channels.a.transport", "webhook, outbox"),
            ("channels:\n  a:\n    platform: zalo", 2, "channels.a.transport", "is missing"),
            (
                "channels:\n  a:\n    platform: zalo\n    transport: outbox\n    quiet_hour: 22:00-06:00", 5,
                "channels.a.quiet_hour", "did you mean 'quiet_hours'?"
            ),
            (
                "channels:\n  a:\n    platform: zalo\n    transport: outbox\n    quiet_hours: 22 giờ-6 giờ", 5,
                "channels.a.quiet_hours", "HH:mm-HH:mm"
            ),
            (
                "channels:\n  a:\n    platform: zalo\n    transport: outbox\n    max_length: -1", 5,
                "channels.a.max_length", "whole number from 1"
            ),
            (
                "channels:\n  a:\n    platform: zalo\n    transport: outbox\n    concurrency: 0", 5,
                "channels.a.concurrency", "whole number from 1"
            ),
            (
                "channels:\n  a:\n    platform: zalo\n    transport: outbox\n    timeout: 0s", 5, "channels.a.timeout",
                "longer than 0s"
            ),
            (
                "channels:\n  a:\n    platform: zalo\n    transport: webhook\n    secret: whsec_YQ==", 2,
                "channels.a.url", "bridge's URL"
            ),
            (
                "channels:\n  a:\n    platform: zalo\n    transport: webhook\n    url: https://b.example", 2,
                "channels.a.secret", "signs every request"
            ),
            (
                "channels:\n  a:\n    platform: zalo\n    transport: webhook\n    url: ftp://b.example\n    secret: whsec_YQ==",
                5, "channels.a.url", "http(s) URL"
            ),
            (
                "channels:\n  Kênh Zalo:\n    platform: zalo\n    transport: outbox", 2, "channels.Kênh Zalo",
                "kenh-zalo"
            ),
            ("channels: {}", 1, "channels", "at least one channel"),
        ] as [(String, Int, String, String)]
    )
    func badValue(yaml: String, line: Int, field: String, expected: String) throws {
        let workspace = try TemporaryWorkspace()
        var text = yaml
        if !yaml.contains("channels") { text += "\nchannels:\n  z:\n    platform: zalo\n    transport: outbox" }
        let file = try workspace.write("loa.yml", text)
        let outcome = ConfigurationLoader(environment: [:]).load(from: file)
        let diagnostic = try #require(outcome.diagnostics.first { $0.severity == .error })
        #expect(diagnostic.line == line)
        #expect(diagnostic.field == field)
        #expect(diagnostic.description.contains(expected), "\(diagnostic)")
        #expect(diagnostic.file.hasSuffix("loa.yml"))
    }

    @Test("a loa.yml without channels says so")
    func noChannels() throws {
        let workspace = try TemporaryWorkspace()
        let file = try workspace.write("loa.yml", "queue: queue\n")
        let outcome = ConfigurationLoader(environment: [:]).load(from: file)
        #expect(
            outcome.diagnostics.map(\.description) == [
                "\(DisplayPath.of(file)):1: error: channels: is missing; expected at least one channel"
            ]
        )
    }

    @Test("bad YAML is reported with its line")
    func badYAML() throws {
        let workspace = try TemporaryWorkspace()
        let file = try workspace.write(
            "loa.yml",
            "timezone: Asia/Ho_Chi_Minh\nchannels:\n  a:\n    platform: zalo\n   transport: outbox\n"
        )
        let outcome = ConfigurationLoader(environment: [:]).load(from: file)
        #expect(outcome.configuration == nil)
        let diagnostic = try #require(outcome.diagnostics.first)
        #expect(diagnostic.message.hasPrefix("YAML syntax"))
        #expect(diagnostic.line == 5)
    }

    @Test("a missing loa.yml says how to start")
    func missingFile() throws {
        let workspace = try TemporaryWorkspace()
        let outcome = ConfigurationLoader(environment: [:]).load(from: workspace.url("loa.yml"))
        #expect(outcome.configuration == nil)
        #expect(outcome.diagnostics.first?.hint?.contains("loa init") == true)
    }

    @Test("the credentials file: comments, quotes, export, escapes, and bad lines by number")
    func credentialsFile() throws {
        let workspace = try TemporaryWorkspace()
        let file = try workspace.write(
            "credentials",
            """
            # comment
            export A=plain value # trailing comment
            B="double \\"quoted\\" # not a comment"
            C='single $literal'
            D=
            not a pair
            1BAD=x
            E="unterminated
            A=again
            """
        )
        chmod(file.path, 0o600)
        let (credentials, diagnostics) = Credentials.load(from: file, displayPath: "credentials")
        #expect(credentials.values["A"] == "again")
        #expect(credentials.values["B"] == "double \"quoted\" # not a comment")
        #expect(credentials.values["C"] == "single $literal")
        #expect(credentials.values["D"] == "")
        #expect(diagnostics.map(\.line) == [6, 7, 8, 9])
        #expect(diagnostics.map(\.severity) == [.error, .error, .error, .warning])
        for diagnostic in diagnostics { #expect(!diagnostic.description.contains("plain value")) }
    }

    @Test("a credentials file readable by others draws a warning, as ssh does")
    func permissions() throws {
        let workspace = try TemporaryWorkspace()
        let file = try workspace.write("credentials", "A=1\n")
        chmod(file.path, 0o644)
        let (_, diagnostics) = Credentials.load(from: file, displayPath: "credentials")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.severity == .warning)
        #expect(diagnostics.first?.hint == "run: chmod 600 credentials (or 640 for a workspace shared by a group)")
        chmod(file.path, 0o600)
        #expect(Credentials.load(from: file, displayPath: "credentials").1.isEmpty)
        // A workspace shared by a group: its members may read the secrets, not change them.
        chmod(file.path, 0o640)
        #expect(Credentials.load(from: file, displayPath: "credentials").1.isEmpty)
        chmod(file.path, 0o660)
        #expect(
            Credentials.load(from: file, displayPath: "credentials").1.first?.message
                == "can be changed by its group (mode 660)"
        )
    }

    @Test("a facebook-page channel reads page_id, api_version, api_base and reconcile_after, with defaults")
    func facebookPage() throws {
        let workspace = try TemporaryWorkspace()
        let file = try workspace.write(
            "loa.yml",
            """
            channels:
              fb-page:
                platform: facebook
                transport: facebook-page
                page_id: "104857600123456"
                token: ${FB_PAGE_TOKEN}
                api_version: v26.0
                api_base: http://127.0.0.1:8080
                reconcile_after: 30s
              fb-default:
                platform: facebook
                transport: facebook-page
                page_id: "200000000000001"
                token: ${FB_PAGE_TOKEN}
            """
        )
        let outcome = ConfigurationLoader(environment: ["FB_PAGE_TOKEN": Self.token]).load(from: file)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
        let configuration = try #require(outcome.configuration)
        let page = try #require(configuration.channel("fb-page"))
        #expect(page.transport == .facebookPage && page.transport.isDirect)
        #expect(page.pageID == "104857600123456" && page.apiVersion == "v26.0")
        #expect(page.apiBase?.absoluteString == "http://127.0.0.1:8080" && page.reconcileAfter == 30)
        #expect(page.token?.reveal() == Self.token)
        let plain = try #require(configuration.channel("fb-default"))
        #expect(plain.apiVersion == "v27.0" && plain.apiBase == nil && plain.reconcileAfter == 20)
        #expect(
            GraphAPI(channel: plain).endpoint("200000000000001/feed").absoluteString
                == "https://graph.facebook.com/v27.0/200000000000001/feed"
        )
        #expect(page.destination != nil && page.destination != plain.destination)
    }

    @Test("a facebook-page channel without its Page id or token, or on another platform, is refused with the line")
    func facebookPageProblems() throws {
        let workspace = try TemporaryWorkspace()
        let file = try workspace.write(
            "loa.yml",
            """
            channels:
              fb-page:
                platform: zalo
                transport: facebook-page
                api_version: latest
                url: https://bridge.example.org/x
              fb-id:
                platform: facebook
                transport: facebook-page
                page_id: thanhdoan
                token: abc
            """
        )
        let at = DisplayPath.of(file)
        let messages = ConfigurationLoader(environment: [:]).load(from: file).diagnostics.map(\.description)
        let expected = [
            "\(at):2: error: channels.fb-page.platform: is zalo; a facebook-page channel posts to Facebook",
            "\(at):2: error: channels.fb-page.page_id: is missing",
            "\(at):2: error: channels.fb-page.token: is missing",
            "\(at):5: error: channels.fb-page.api_version: 'latest' is not a Graph API version",
            "\(at):6: warning: channels.fb-page.url: is ignored",
            "\(at):10: error: channels.fb-id.page_id: 'thanhdoan' is not a Page id",
        ]
        for prefix in expected {
            #expect(messages.contains { $0.hasPrefix(prefix) }, "\(prefix) not in \(messages)")
        }
        #expect(messages.contains { $0.contains("FB_PAGE_TOKEN") }, "the hint names the credentials entry")
    }
}
