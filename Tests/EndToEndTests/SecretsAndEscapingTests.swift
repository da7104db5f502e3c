import Foundation
import GRDB
import Testing
import ZIPFoundation

#if canImport(Glibc)
    import Glibc
#endif

/// What a bridge's answer or a loa.yml could leak or do, through the built binary: secrets in every form a bridge
/// could echo, secrets in addresses, control characters in tokens, in printed answers and in report links.
@Suite("loa: secrets stay hidden, bridges' answers stay inert")
struct SecretsAndEscapingTests {
    /// A signing key whose bytes are printable, so that a bridge could echo it as text.
    static let printableKey = "loa-e2e-printable-signing-key-01"
    static let secret = "whsec_" + Data(printableKey.utf8).base64EncodedString()
    /// A token with characters that address and JSON encoders rewrite.
    static let token = "tok/e2e+Bridge=7f3a9c"
    static let environment = ["LOA_TEST_SECRET": secret, "LOA_TEST_TOKEN": token]

    static let keyHex = Data(printableKey.utf8).map { String(format: "%02x", $0) }.joined()
    static let keyBase64URL = Data(printableKey.utf8).base64EncodedString()
        .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        .replacingOccurrences(of: "=", with: "")
    static let tokenPercentEncoded = token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? token
    static let tokenJSONEscaped = token.replacingOccurrences(of: "/", with: "\\/")

    /// Every form of the secret and the token that must show nowhere, worked out here apart from Loa's code.
    static let forms = [
        secret, Data(printableKey.utf8).base64EncodedString(), printableKey, keyHex, keyHex.uppercased(),
        keyBase64URL, token, tokenPercentEncoded, tokenJSONEscaped, Data(token.utf8).base64EncodedString(),
    ]

    /// Ways a bridge can send a secret back.
    enum Echo: String, CaseIterable, Sendable {
        case header, body, statusText, location, keyForms, remoteFields

        var answer: TestBridge.Answer {
            switch self {
            case .header:
                .respond(status: 503, headers: ["X-Echo": "Bearer \(token)", "X-Key": printableKey])
            case .body:
                .respond(status: 400, body: #"{"error":"bad token \#(tokenJSONEscaped) for key \#(printableKey)"}"#)
            case .statusText:
                .raw("HTTP/1.1 500 \(token) \(printableKey)\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            case .location:
                .respond(
                    status: 302,
                    headers: ["Location": "https://bridge.test/login?token=\(tokenPercentEncoded)&raw=\(token)"]
                )
            case .keyForms:
                .respond(
                    status: 422,
                    body:
                        "hex \(keyHex) HEX \(keyHex.uppercased()) b64url \(keyBase64URL) b64 \(Data(token.utf8).base64EncodedString())"
                )
            case .remoteFields:
                .respond(
                    status: 200,
                    body: #"{"id":"\#(tokenJSONEscaped)","url":"https://fb.example/p?t=\#(tokenPercentEncoded)"}"#
                )
            }
        }
    }

    /// The forms of `secrets` found in `printed` or in any file of the archive's folder.
    static func leaks(of secrets: [String], in workspace: DeliveryWorkspace, printed: String) throws -> [String] {
        let folder = workspace.root.appendingPathComponent("archive")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).compactMap {
            FileManager.default.contents(atPath: folder.appendingPathComponent($0).path)
        }
        #expect(!files.isEmpty)
        return secrets.filter { secret in
            printed.contains(secret) || files.contains { $0.range(of: Data(secret.utf8)) != nil }
        }
    }

    @Test(
        "a secret a bridge echoes, in any form, shows in no output, note, error or archived answer",
        arguments: Echo.allCases
    )
    func echoedSecrets(echo: Echo) throws {
        let bridge = try TestBridge { _, _ in echo.answer }
        let workspace = try DeliveryWorkspace(channels: DeliveryWorkspace.webhook("fb", url: bridge.url()))
        try workspace.announce("tin-1")
        let run = try workspace.loa("run", "--now", Date.vietnam(9), "--verbose", environment: Self.environment)
        #expect(bridge.received.count == 1, "\(run.all)")
        var printed = run.all
        for arguments in [
            ["status"], ["status", "--json"], ["export", "--format", "jsonl"], ["export", "--format", "csv"],
        ] {
            printed += try LoaProcess.run(
                arguments,
                in: workspace.root,
                environment: DeliveryWorkspace.environment.merging(Self.environment) { $1 }
            ).all
        }
        #expect(try Self.leaks(of: Self.forms, in: workspace, printed: printed) == [], "\(printed)")
        // The bridge did get the token: Loa hides it, it does not leave it out.
        #expect(bridge.received.first?.headers["authorization"] == "Bearer \(Self.token)")
        // What is masked is still said, with the mask where the secret was.
        if echo == .location {
            #expect(run.standardOutput.contains("redirect to https://bridge.test/login?token=••••••&raw=••••••"))
        }
    }

    @Test("an error from libcurl that quotes an address made from a secret is masked, stored and printed")
    func libcurlError() throws {
        let host = "tok-e2e-host-7f3a9c.invalid"
        let workspace = try DeliveryWorkspace(
            channels: DeliveryWorkspace.webhook("fb", url: "http://${BRIDGE_HOST}/hook", extra: ["timeout: 5s"])
        )
        try workspace.announce("tin-1")
        let environment = ["BRIDGE_HOST": host, "no_proxy": "*", "NO_PROXY": "*"]
        let run = try workspace.loa("run", "--now", Date.vietnam(9), "--verbose", environment: environment)
        #expect(run.status == 0, "\(run.all)")
        let attempt = try #require(try workspace.rows("SELECT * FROM attempts").first)
        #expect(attempt["error_class"] != nil)
        #expect(attempt["url"] == "http://••••••/hook")
        let printed = run.all + (try workspace.loa("status", environment: environment).all)
        #expect(printed.contains("retrying"))
        #expect(try Self.leaks(of: [host, "tok-e2e-host"], in: workspace, printed: printed) == [], "\(printed)")
    }

    @Test("values from ${NAME} and user:password@ in url: are masked in attempts.url and in what is printed")
    func secretsInAddresses() throws {
        let bridge = try TestBridge { _, count in .ok(id: "p\(count)") }
        let key = "qk-e2e-8c1d77"
        let password = "pw-e2e-51ab0f"
        let base = bridge.url("/hook").replacingOccurrences(of: "http://", with: "")
        let workspace = try DeliveryWorkspace(
            channels: DeliveryWorkspace.webhook("fb-query", url: "http://\(base)?key=${HOOK_KEY}&unit=an-hoa") + "\n"
                + DeliveryWorkspace.webhook("fb-user", url: "http://loa:${HOOK_PASSWORD}@\(base)")
        )
        try workspace.announce("tin-1")
        let environment = ["HOOK_KEY": key, "HOOK_PASSWORD": password]
        let dry = try workspace.loa("run", "--now", Date.vietnam(9), "--dry-run", environment: environment)
        #expect(dry.standardOutput.contains("http://\(base)?key=••••••&unit=an-hoa"), "\(dry.all)")
        #expect(dry.standardOutput.contains("http://••••••@\(base)"), "\(dry.all)")
        let run = try workspace.loa("run", "--now", Date.vietnam(9), "--verbose", environment: environment)
        #expect(run.status == 0, "\(run.all)")
        // The bridge got the real address.
        #expect(bridge.received.contains { $0.path == "/hook?key=\(key)&unit=an-hoa" })
        let urls = try workspace.rows("SELECT channel, url FROM attempts ORDER BY channel").map { $0["url"] as String }
        #expect(urls == ["http://\(base)?key=••••••&unit=an-hoa", "http://••••••@\(base)"])
        var printed = dry.all + run.all
        printed += try workspace.loa("status", "--json", environment: environment).all
        printed += try workspace.loa("export", "--format", "jsonl", environment: environment).all
        #expect(try Self.leaks(of: [key, password], in: workspace, printed: printed) == [], "\(printed)")
    }

    @Test("an attempt left by a run killed mid-send is recorded with the address masked too")
    func interruptedAttempts() throws {
        let key = "qk-e2e-kill-4d2e"
        let bridge = try TestBridge { _, count in .delay(0.3, .ok(id: "k\(count)")) }
        let workspace = try DeliveryWorkspace(
            channels: DeliveryWorkspace.webhook("fb", url: bridge.url("/hook") + "?key=${HOOK_KEY}")
        )
        for index in 1...8 { try workspace.announce("tin-\(index)") }
        let environment = DeliveryWorkspace.environment.merging(["HOOK_KEY": key]) { $1 }
        let process = Process()
        process.executableURL = LoaProcess.binary
        process.arguments = ["run", "--now", Date.vietnam(9)]
        process.currentDirectoryURL = workspace.root
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while bridge.received.isEmpty && Date() < deadline { usleep(10_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let second = try workspace.loa("run", "--now", Date.vietnam(9, 1), environment: ["HOOK_KEY": key])
        #expect(second.status == 0, "\(second.all)")
        let attempts = try workspace.rows("SELECT outcome, url FROM attempts")
        #expect(attempts.contains { $0["outcome"] == "interrupted" }, "\(attempts)")
        #expect(attempts.allSatisfy { $0["url"] == bridge.url("/hook") + "?key=••••••" }, "\(attempts)")
        #expect(try Self.leaks(of: [key], in: workspace, printed: second.all) == [])
    }

    @Test(
        "a token or secret with a line break is refused by loa check and by loa run, and no request carries it",
        arguments: ["environment", "credentials", "loa.yml"]
    )
    func controlCharactersInSecrets(source: String) throws {
        let bridge = try TestBridge { _, count in .ok(id: "p\(count)") }
        let token: String
        var environment: [String: String] = [:]
        switch source {
        case "environment":
            token = "${LOA_TEST_TOKEN}"
            environment["LOA_TEST_TOKEN"] = "tok-e2e\r\nX-Injected: yes"
        case "credentials":
            token = "${FILE_TOKEN}"
        default:
            token = #""tok-e2e\r\nX-Injected: yes""#
        }
        let workspace = try DeliveryWorkspace(
            channels: [
                "  fb:", "    platform: facebook", "    transport: webhook", "    url: \(bridge.url())",
                "    secret: ${LOA_TEST_SECRET}", "    token: \(token)",
            ].joined(separator: "\n")
        )
        try workspace.write("credentials", "FILE_TOKEN=\"tok-e2e\\nX-Injected: yes\"\n")
        chmod(workspace.root.appendingPathComponent("credentials").path, 0o600)
        try workspace.announce("tin-1")
        let check = try workspace.loa("check", environment: environment)
        #expect(check.status == 2, "\(check.all)")
        #expect(check.all.contains("error: channels.fb.token:"), "\(check.all)")
        #expect(check.all.contains("control character"), "\(check.all)")
        if source != "loa.yml" {
            #expect(check.all.contains(source == "environment" ? "${LOA_TEST_TOKEN}" : "${FILE_TOKEN}"))
        }
        #expect(!check.all.contains("X-Injected"), "the value is never shown")
        let run = try workspace.loa("run", "--now", Date.vietnam(9), environment: environment)
        #expect(run.status == 2, "\(run.all)")
        #expect(run.all.contains("control character"))
        #expect(bridge.received.isEmpty)
    }

    @Test(
        "a bridge's post address becomes a link in the HTML report only when it is http(s); XLSX and CSV keep it inert"
    )
    func reportLinks() throws {
        let addresses = [
            "javascript:alert(document.domain)", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "JavaScript:alert(2)", "vbscript:msgbox(3)", "=HYPERLINK(\"https://evil.example\",\"x\")",
            "https://fb.example/p/ok",
        ]
        let bridge = try TestBridge { request, _ in
            let data = request.json?["data"] as? [String: Any]
            let number = Int(((data?["announcement_id"] as? String) ?? "").dropFirst(4)) ?? 0
            let body = try? JSONSerialization.data(withJSONObject: ["id": "p\(number)", "url": addresses[number]])
            return .respond(status: 200, body: String(decoding: body ?? Data(), as: UTF8.self))
        }
        let workspace = try DeliveryWorkspace(channels: DeliveryWorkspace.webhook("fb", url: bridge.url()))
        for index in addresses.indices { try workspace.announce("tin-\(index)", "publish_at: 01/12/2026 08:00") }
        let run = try workspace.loa("run", "--now", Date.vietnam(9))
        #expect(run.status == 0, "\(run.all)")
        #expect(bridge.received.count == addresses.count)
        let stored = Set(try workspace.rows("SELECT remote_url FROM deliveries").map { $0["remote_url"] as String })
        #expect(stored == Set(addresses))

        let html = workspace.root.appendingPathComponent("r.html")
        let export = try workspace.loa("export", "--format", "html", "--output", html.path)
        #expect(export.status == 0, "\(export.all)")
        let page = try String(contentsOf: html, encoding: .utf8)
        let links = page.components(separatedBy: "href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(links == ["https://fb.example/p/ok"], "\(links)")
        #expect(page.contains(">javascript:alert(document.domain)<"), "shown as text")
        #expect(page.contains(">vbscript:msgbox(3)<"))

        let xlsx = workspace.root.appendingPathComponent("r.xlsx")
        #expect(try workspace.loa("export", "--format", "xlsx", "--output", xlsx.path).status == 0)
        let archive = try ZIPFoundation.Archive(url: xlsx, accessMode: .read)
        var parts = ""
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts += String(decoding: data, as: UTF8.self)
        }
        #expect(!parts.contains("Target=\"javascript:"), "no link to the address")
        #expect(parts.range(of: "<f>[^<]*javascript", options: .regularExpression) == nil, "no formula of it")
        #expect(parts.contains("<t xml:space=\"preserve\">javascript:alert(document.domain)</t>"))

        let csv = try workspace.loa("export", "--format", "csv")
        #expect(csv.standardOutput.contains(#""'=HYPERLINK(""https://evil.example"",""x"")""#), "\(csv.standardOutput)")
    }

    @Test("control characters from a bridge's answer or a remote id are shown escaped by loa run and loa status")
    func escapedOutput() throws {
        let hostile = "\u{1B}[31mĐoàn Thanh niên\u{1B}]0;pwned\u{07}\rforged line\u{08}\u{9B}2J\u{202E}lmth.exe"
        let shown = #"\u{1B}[31mĐoàn Thanh niên\u{1B}]0;pwned\u{7}\u{D}forged line\u{8}\u{9B}2J\u{202E}lmth.exe"#
        let bridge = try TestBridge { request, _ in
            if request.path == "/refuse" { return .respond(status: 400, body: hostile) }
            // JSON's escapes give the remote id and address raw escape characters once decoded.
            let data = request.json?["data"] as? [String: Any]
            return data?["announcement_id"] as? String == "tin-2"
                ? .respond(status: 200, body: #"{"id":"p\u001b[2J\u001b[1;1Hfake\r\u0007"}"#)
                : .respond(status: 200, body: #"{"id":"p3","url":"https://fb.example/p3\u001b[5m\r"}"#)
        }
        let workspace = try DeliveryWorkspace(
            channels: DeliveryWorkspace.webhook("fb-refuse", url: bridge.url("/refuse")) + "\n"
                + DeliveryWorkspace.webhook("fb-ok", url: bridge.url("/ok"))
        )
        try workspace.announce("tin-1", "channels: [fb-refuse]")
        try workspace.announce("tin-2", "channels: [fb-ok]")
        try workspace.announce("tin-3", "channels: [fb-ok]")
        let run = try workspace.loa("run", "--now", Date.vietnam(9), "--verbose")
        #expect(run.status == 1, "\(run.all)")
        #expect(bridge.received.count == 3)
        let status = try workspace.loa("status")
        for output in [run.standardOutput, status.standardOutput] {
            #expect(output.contains(shown), "\(output)")
            // Vietnamese is kept byte for byte, in NFC.
            let vietnamese = Data("Đoàn Thanh niên".precomposedStringWithCanonicalMapping.utf8)
            #expect(Data(output.utf8).range(of: vietnamese) != nil)
        }
        #expect(run.standardOutput.contains(#"id p\u{1B}[2J\u{1B}[1;1Hfake\u{D}\u{7}"#), "\(run.standardOutput)")
        #expect(run.standardOutput.contains(#"https://fb.example/p3\u{1B}[5m\u{D}"#), "\(run.standardOutput)")
        #expect(status.standardOutput.contains(#"https://fb.example/p3\u{1B}[5m\u{D}"#), "\(status.standardOutput)")
        let json = try workspace.loa("status", "--json")
        let printed = run.all + status.all + json.all
        let raw: [Unicode.Scalar] = ["\u{1B}", "\u{07}", "\r", "\u{08}", "\u{9B}", "\u{202E}"]
        for scalar in raw {
            #expect(!printed.unicodeScalars.contains(scalar), "U+\(String(scalar.value, radix: 16)) printed raw")
        }
        // The JSON is still JSON, with the values as they were.
        let rows = try #require(
            try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]]
        )
        #expect(rows.contains { ($0["note"] as? String)?.contains(hostile) == true })
    }
}
