import Foundation
import Testing

@testable import Loa

/// Secrets from loa.yml and the credentials file: which values are secret, the forms they are masked in, and the
/// values refused.
@Suite("secret values: masking every form, refusing control characters")
struct SecretValuesTests {
    static let key = "loa-unit-printable-signing-key!"
    static let secret = "whsec_" + Data(key.utf8).base64EncodedString()

    @Test("every form a bridge could echo of the signing key and the token is masked")
    func forms() {
        let channel = Channel(
            id: "fb",
            platform: .facebook,
            transport: .webhook,
            secret: Secret(Self.secret),
            token: Secret("tok/unit+Đoàn=42")
        )
        let redact = Redactor(channels: [channel])
        let bytes = Data(Self.key.utf8)
        let base64 = bytes.base64EncodedString()
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        let echoes = [
            Self.secret, base64, Self.key, hex, hex.uppercased(),
            base64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_"),
            String(base64.prefix { $0 != "=" }),
            "tok/unit+Đoàn=42", #"tok\/unit+Đoàn=42"#, "tok%2Funit%2B%C4%90o%C3%A0n%3D42",
            "tok%2funit%2b%c4%90o%c3%a0n%3d42", Data("tok/unit+Đoàn=42".utf8).base64EncodedString(),
        ]
        for echo in echoes {
            #expect(redact("before \(echo) after") == "before \(Redactor.mask) after", "\(echo)")
            #expect(redact(Data("[\(echo)]".utf8)) == Data("[\(Redactor.mask)]".utf8), "\(echo)")
        }
        #expect(redact("nothing secret, Đoàn Thanh niên") == "nothing secret, Đoàn Thanh niên")
    }

    @Test("the one-pass search finds a secret exactly where a search for each form would")
    func searchAgreesWithPlain() {
        let token = "tok/unit+Đoàn=42"
        let channel = Channel(
            id: "fb",
            platform: .facebook,
            transport: .webhook,
            secret: Secret(Self.secret),
            token: Secret(token)
        )
        let redact = Redactor(channels: [channel])
        let forms = Array(Redactor.forms(of: Self.secret).union(Redactor.forms(of: token)))
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789+/=%-_ \"{}:,ĐđàáạảãâầấậăằắèéêếệDEF")
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var found = 0
        for round in 0..<3000 {
            var text = String((0..<next(80)).map { _ in alphabet[next(alphabet.count)] })
            if round % 3 == 0 {
                // A whole form, or one cut short by a byte or two, somewhere in the text.
                let form = forms[next(forms.count)]
                let piece = round % 2 == 0 ? form : String(form.dropLast(1 + next(2)))
                let offset = text.index(text.startIndex, offsetBy: next(text.count + 1))
                text.insert(contentsOf: piece, at: offset)
            }
            let plain = forms.contains { Data(text.utf8).range(of: Data($0.utf8)) != nil }
            if plain { found += 1 }
            #expect((redact(text) != text) == plain, "\(text)")
            #expect((redact(Data(text.utf8)) != Data(text.utf8)) == plain, "\(text)")
        }
        #expect(found > 400)
    }

    @Test("a key whose bytes are not printable is not masked as text, only in its encodings")
    func unprintableKey() {
        let key = Data([0x1B, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47])
        let forms = Redactor.forms(of: "whsec_" + key.base64EncodedString())
        #expect(!forms.contains(String(decoding: key, as: UTF8.self)))
        #expect(forms.contains("1b41424344454647"))
    }

    @Test("an address keeps its shape: user information masked whole, and the values from ${NAME}")
    func addresses() throws {
        var channel = Channel(id: "fb", platform: .plain, transport: .webhook)
        channel.substitutions = [Secret("qk-unit-31337"), Secret("bridge.internal.example")]
        let redact = Redactor(channels: [channel])
        let url = try #require(URL(string: "https://loa:pw@bridge.internal.example:8443/hook?key=qk-unit-31337&x=1"))
        #expect(redact.address(url) == "https://••••••@••••••:8443/hook?key=••••••&x=1")
        let plain = try #require(URL(string: "https://bridge.example.org/a@b?c=d"))
        #expect(redact.address(plain) == "https://bridge.example.org/a@b?c=d")
    }

    @Test("the user information of url and stats_url is secret too")
    func userInformation() {
        let channel = Channel(
            id: "fb",
            platform: .plain,
            transport: .webhook,
            url: URL(string: "https://hook-user:hook-pass-77@bridge.example/x"),
            statsURL: "https://stats-user-9:stats-pass-9@bridge.example/stats/{remote_id}"
        )
        #expect(Set(channel.secretValues) == ["hook-user", "hook-pass-77", "stats-user-9", "stats-pass-9"])
    }

    static let config = """
        timezone: Asia/Ho_Chi_Minh
        channels:
          fb:
            platform: facebook
            transport: webhook
            url: https://bridge.example.org/hook?key=${HOOK_KEY}
            secret: ${FB_SECRET}
            token: TOKEN
        """

    @Test(
        "a value with a control character is refused, naming the field and the variable, never the value",
        arguments: [
            ("${FB_TOKEN}", ["FB_TOKEN": "tok-unit\r\nX-Injected: 1"], "${FB_TOKEN} contains a control character"),
            ("${FB_TOKEN}", ["FB_TOKEN": "tok-unit\u{1B}[2J"], "${FB_TOKEN} contains a control character"),
            ("${FB_TOKEN}", ["FB_TOKEN": "tok-unit\u{85}"], "${FB_TOKEN} contains a control character"),
            (#""tok-unit\nX-Injected: 1""#, [:], "contains a control character"),
            (#""tok-unit\tX""#, [:], "contains a control character"),
        ]
    )
    func controlCharacters(token: String, environment: [String: String], message: String) throws {
        let workspace = try TemporaryWorkspace()
        let file = try workspace.write("loa.yml", Self.config.replacingOccurrences(of: "TOKEN", with: token))
        let loaded = ConfigurationLoader(
            environment: environment.merging(["HOOK_KEY": "qk-1", "FB_SECRET": Self.secret]) { $1 }
        )
        .load(from: file)
        let problems = loaded.diagnostics.filter { $0.severity == .error }
        #expect(problems.count == 1, "\(loaded.diagnostics)")
        let problem = try #require(problems.first)
        #expect(problem.field == "channels.fb.token")
        #expect(problem.line == 8)
        #expect(problem.message.contains(message), "\(problem.message)")
        #expect(!problem.description.contains("tok-unit"))
        #expect(loaded.configuration?.channel("fb")?.token == nil)
    }

    @Test("the values put in for ${NAME} are kept as the channel's secrets, from every field")
    func substitutions() throws {
        let workspace = try TemporaryWorkspace()
        let file = try workspace.write("loa.yml", Self.config.replacingOccurrences(of: "TOKEN", with: "${FB_TOKEN}"))
        let loaded = ConfigurationLoader(
            environment: ["HOOK_KEY": "qk-unit-5", "FB_SECRET": Self.secret, "FB_TOKEN": "tok-unit-5"]
        )
        .load(from: file)
        let channel = try #require(loaded.configuration?.channel("fb"))
        #expect(channel.substitutions.map { $0.reveal() } == ["qk-unit-5", Self.secret, "tok-unit-5"])
        #expect(Redactor(channels: [channel])("got qk-unit-5") == "got ••••••")
    }
}
