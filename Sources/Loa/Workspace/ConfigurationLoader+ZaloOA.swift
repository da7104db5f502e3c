import Foundation

extension ConfigurationLoader {
    /// An `app_id`: the Zalo app's number.
    func readAppID(_ field: YAMLReader.Entry, _ reader: inout YAMLReader) -> String? {
        guard let text = reader.string(field)?.trimmingCharacters(in: .whitespaces) else { return nil }
        guard text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            reader.report(at: field.value, field: field.field, Message.diagNotAppID(["text": text]))
            return nil
        }
        return text
    }

    /// What a `zalo-oa` channel needs besides what every channel has: the Zalo platform, the app's id and secret,
    /// and a first refresh token.
    func checkZaloOA(_ channel: Channel, entry: YAMLReader.Entry, platform: Platform, _ reader: inout YAMLReader) {
        if platform != .zalo {
            reader.report(
                at: entry.keyNode,
                field: "\(entry.field).platform",
                Message.diagZaloOAPlatform(["platform": platform.rawValue]),
                hint: "write `platform: zalo`"
            )
        }
        let name = channel.id.uppercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
        if channel.appID == nil {
            reader.report(
                at: entry.keyNode,
                field: "\(entry.field).app_id",
                Message.diagZaloOAMissing(["what": "id"]),
                hint: Message.diagZaloOAAppIDHint()
            )
        }
        if channel.appSecret == nil {
            reader.report(
                at: entry.keyNode,
                field: "\(entry.field).app_secret",
                Message.diagZaloOAMissing(["what": "secret key"]),
                hint: Message.diagZaloOASecretHint(["name": name + "_APP_SECRET"])
            )
        }
        if channel.refreshToken == nil {
            reader.report(
                at: entry.keyNode,
                field: "\(entry.field).refresh_token",
                Message.diagZaloOAMissing(["what": "refresh token"]),
                hint: Message.diagZaloOARefreshHint(["name": name + "_REFRESH_TOKEN"])
            )
        }
    }
}

extension YAMLReader {
    /// `true` or `false` (YAML's `yes`/`no` too); nil with a diagnostic otherwise.
    mutating func bool(_ entry: Entry) -> Bool? {
        guard let text = string(entry)?.lowercased() else { return nil }
        switch text {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            report(at: entry.value, field: entry.field, "'\(text)' is not true or false")
            return nil
        }
    }
}
