import Foundation

extension OnlineCheck {
    /// A `zalo-oa` channel: its tokens work and speak for an OA (`GET /v2.0/oa/getoa`, whose answer names it).
    ///
    /// The access token is renewed only when it needs to be (none kept, less than an hour left, or Zalo calls it
    /// invalid): each renewal spends a refresh token, and the new pair is kept as a run keeps it.
    func checkZaloOA(_ channel: Channel, configFile: String, client: DirectClient, into report: inout Report) {
        let redact = Redactor(channels: [channel])
        let api = ZaloOAAPI(channel: channel)
        var session = ZaloOATransport.Session(
            tokens: ZaloTokens(channel: channel, client: client),
            api: api,
            client: client
        )
        let step = session.call(api.endpoint("v2.0/oa/getoa"), json: nil, publishing: false)
        let reconnect = Message.onlineZaloReconnect()
        func problem(_ message: String, hint: String) {
            report.diagnostics.append(
                Diagnostic(
                    area: .configuration,
                    file: configFile,
                    line: channel.line,
                    field: "channels.\(channel.id).refresh_token",
                    message: redact(message),
                    hint: hint
                )
            )
        }
        switch step.outcome {
        case .published:
            let data = ZaloAnswer(step.response).data
            let name = (data?["name"] as? String) ?? "OA"
            let id = (data?["oa_id"] as? String) ?? (data?["oa_id"] as? NSNumber)?.stringValue ?? ""
            report.ready.append(
                Message.onlineZaloOAReady(["channel": channel.id, "name": redact(name)])
                    + (id.isEmpty ? "" : " (\(id))")
            )
        case .credentials(let reason):
            problem(Message.onlineZaloTokensFail(["reason": reason]), hint: reconnect)
        case .refused(let reason):
            problem(Message.onlineZaloRefused(["reason": reason]), hint: Message.onlineZaloRefusedHint())
        case .notSent(let reason, _), .unknown(let reason):
            problem(Message.onlineZaloCannotAsk(["reason": reason]), hint: Message.onlineZaloCannotAskHint())
        }
    }
}
