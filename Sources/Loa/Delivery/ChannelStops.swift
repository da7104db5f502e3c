import Crypto
import Foundation

/// Direct channels stopped because their credentials no longer work (``StoppedChannel``): what stops one, what a
/// person is told, and what lifts the stop.
///
/// A token that expired or was revoked (Graph's 190, 102) or that lacks a permission (10, 200–299) fails every
/// post of its channel the same way. So the first such refusal stops the channel: the post waits (owed, not
/// failed), the run exits 1 once and says what to do, and neither this run nor a later one asks the platform
/// again. The stop lasts until the channel's credentials change (a new token in the credentials file, seen by
/// the next run) or a person runs `loa channel resume` (a permission granted to the same token). Posts that wait
/// past `missed_after` are missed, as anywhere.
enum ChannelStops {
    /// The note of a post waiting on a stopped channel, for `loa status` and the run's `waiting` lines.
    static func waitingNote(reason: String) -> String {
        Message.stopWaiting(["reason": reason])
    }

    /// What the run says when a channel stops: why, and what to do.
    static func message(reason: String, channel: Channel) -> String {
        Message.stopMessage(["channel": channel.id, "reason": reason, "hint": hint(for: channel)])
    }

    /// What a person does to mend a stopped channel.
    static func hint(for channel: Channel) -> String {
        let values = ["resume": "`loa channel resume \(channel.id)`"]
        switch channel.transport {
        case .facebookPage: return Message.stopHintFacebookPage(values)
        case .zaloOA: return Message.stopHintZaloOA(values)
        case .telegram, .zaloBot: return Message.stopHintBot(values)
        case .webhook, .outbox: return Message.stopHintSettings(values)
        }
    }

    /// Lifts the stops of the channels whose credentials changed since they stopped (``Channel/credentialFingerprint``);
    /// returns those channels. A stopped channel no longer in loa.yml keeps its stop.
    static func resumeChanged(_ archive: any Archive, configuration: Configuration) throws -> [String] {
        let stops = try archive.read { try $0.stoppedChannels() }
        let changed = stops.filter { stop in
            guard let channel = configuration.channel(stop.channel) else { return false }
            return channel.credentialFingerprint != stop.credentials
        }
        guard !changed.isEmpty else { return [] }
        try archive.write { archive in
            for stop in changed { try archive.resumeChannel(stop.channel) }
        }
        return changed.map(\.channel)
    }
}

extension Channel {
    /// A fingerprint of what the channel posts with and where (its token, or a Zalo OA's app and refresh token; its
    /// Page or chat, and `api_base`), kept with a stop so that new credentials lift it. Keyed and cut short: it tells
    /// two tokens apart, and says nothing of either.
    var credentialFingerprint: String {
        let parts = [
            transport.rawValue, pageID ?? "", chatID ?? "", apiBase?.absoluteString ?? "", token?.reveal() ?? "",
            appID ?? "", appSecret?.reveal() ?? "", refreshToken?.reveal() ?? "",
        ]
        let key = SymmetricKey(data: Data("loa: a stopped channel's credentials".utf8))
        let code = HMAC<SHA256>.authenticationCode(for: Data(parts.joined(separator: "\u{0}").utf8), using: key)
        return Hex.string(Data(code).prefix(8))
    }
}

/// The lines `loa status` shows for stopped channels: when and why each stopped, and what to do; or, for one whose
/// credentials changed since, that the next run posts again.
public enum ChannelStopListing {
    public static func lines(_ stops: [StoppedChannel], configuration: Configuration) -> [String] {
        let dates = LocalDateFormat(timeZone: configuration.timeZone)
        return stops.map { stop in
            var values = [
                "channel": stop.channel, "when": dates.dayAndTime(stop.stoppedAt), "id": stop.announcement,
                "reason": stop.reason,
            ]
            guard let channel = configuration.channel(stop.channel) else {
                values["hint"] = "the channel is no longer in loa.yml"
                return Message.statusStopped(values)
            }
            if channel.credentialFingerprint != stop.credentials { return Message.statusStoppedChanged(values) }
            values["hint"] = ChannelStops.hint(for: channel)
            return Message.statusStopped(values)
        }
    }
}
