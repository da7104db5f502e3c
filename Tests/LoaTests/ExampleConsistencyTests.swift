import Foundation
import Testing

@testable import Loa

/// The shipped example and `loa init`'s starter files must agree, or a newcomer copying one into the other meets a
/// `${NAME}` that no credentials line gives, or a channel the credentials file talks about that loa.yml lacks.
@Suite("Example and starter files agree")
struct ExampleConsistencyTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Channel ids in a loa.yml, including the commented-out examples (`  # fb-bridge:`).
    static func channels(_ yaml: String) -> Set<String> {
        var ids: Set<String> = []
        var inChannels = false
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("channels:") {
                inChannels = true
                continue
            }
            guard inChannels else { continue }
            if let first = line.first, !first.isWhitespace, first != "#" { inChannels = false }
            var rest = Substring(line)
            guard rest.hasPrefix("  "), !rest.hasPrefix("   ") else { continue }
            rest = rest.dropFirst(2)
            if rest.hasPrefix("# ") { rest = rest.dropFirst(2) }
            guard rest.hasSuffix(":"), !rest.contains(" ") else { continue }
            ids.insert(String(rest.dropLast()))
        }
        return ids
    }

    /// The `${NAME}` references of a loa.yml, commented ones included.
    static func variables(_ yaml: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(yaml)
        while let start = rest.range(of: "${") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "}") else { break }
            names.insert(String(rest[..<end]))
            rest = rest[end...]
        }
        return names
    }

    /// The keys a credentials file sets, and the channels its comments name (`(channel fb-x)`).
    static func credentials(_ text: String) -> (keys: Set<String>, channels: Set<String>) {
        var keys: Set<String> = []
        var channels: Set<String> = []
        for line in text.split(separator: "\n") {
            if line.hasPrefix("#") {
                if let range = line.range(of: "(channel ") {
                    channels.insert(String(line[range.upperBound...].prefix { $0 != ")" }))
                }
            } else if let equals = line.firstIndex(of: "=") {
                keys.insert(String(line[..<equals]))
            }
        }
        return (keys, channels)
    }

    @Test("loa.yml, credentials.example and loa init's files name the same channels and variables")
    func sameNames() throws {
        let shippedYAML = try String(contentsOf: Self.packageRoot.appendingPathComponent("loa.yml"), encoding: .utf8)
        let shippedCredentials = try String(
            contentsOf: Self.packageRoot.appendingPathComponent("credentials.example"),
            encoding: .utf8
        )
        let starter = Dictionary(uniqueKeysWithValues: StarterWorkspace.files.map { ($0.path, $0.text) })
        let starterYAML = try #require(starter["loa.yml"])
        let starterCredentials = try #require(starter["credentials.example"])

        #expect(Self.channels(shippedYAML) == Self.channels(starterYAML))
        #expect(Self.channels(shippedYAML).count >= 4, "\(Self.channels(shippedYAML))")
        #expect(Self.variables(shippedYAML) == Self.variables(starterYAML))
        for credentials in [shippedCredentials, starterCredentials] {
            let (keys, named) = Self.credentials(credentials)
            #expect(keys == Self.variables(shippedYAML), "every ${NAME} has a line, and every line a use")
            #expect(named.isSubset(of: Self.channels(shippedYAML)), "\(named)")
            #expect(!named.isEmpty)
        }
        #expect(shippedCredentials == starterCredentials)
    }

    @Test("the name readers see what they should")
    func readers() {
        let yaml =
            "timezone: x\nchannels:\n  a:\n    platform: zalo\n  # b-c:\n  #   secret: ${S}\n  # A comment:\nother: 1\n  d:\n"
        #expect(Self.channels(yaml) == ["a", "b-c"])
        #expect(Self.variables(yaml) == ["S"])
        let read = Self.credentials("# for (channel a)\nS=1\n# T=2\n")
        #expect(read.keys == ["S"] && read.channels == ["a"])
    }
}
