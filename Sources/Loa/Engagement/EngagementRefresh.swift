import Foundation

/// `loa engagement`: reads the figures of sent posts from their bridges, from the Graph API for `facebook-page`
/// channels (``GraphEngagement``), or from the OA's article list for `zalo-oa` channels (``ZaloEngagement``), and
/// stores them as dated snapshots.
///
/// Only posts whose channel has a `stats_url` (or is a `facebook-page` channel) and that have a remote id are read, and only those the
/// ``EngagementSchedule`` says are due, so a cron run does little. An answer that cannot be used (not JSON,
/// a negative number, no figures) leaves a warning and no rows; a failure worth retrying is read again next run.
public struct EngagementRefresh: Sendable {
    public var workspace: Workspace
    public var exchange: any HTTPExchange
    public var now: Date
    /// Told how many reads finished out of how many, for a progress bar.
    public var onProgress: (@Sendable (Int, Int) -> Void)?

    public init(workspace: Workspace, exchange: any HTTPExchange = CurlExchange(), now: Date = Date()) {
        self.workspace = workspace
        self.exchange = exchange
        self.now = now
    }

    /// What a refresh did.
    public struct Report: Sendable {
        /// Posts whose figures were stored.
        public var read = 0
        /// Snapshot rows stored.
        public var snapshots = 0
        /// Posts to read again next run (the bridge was unreachable or busy).
        public var retrying = 0
        /// Posts not due yet, or without a stats address.
        public var skipped = 0
        /// Problems a person should see, one per post.
        public var warnings: [String] = []
    }

    private struct Target {
        let delivery: DeliveryRecord
        let channel: Channel
        let unchangedReads: Int
        /// The last read as the run found it: the slot's read is taken from it (``ArchiveWriting/claimPolls``).
        let lastPolledAt: Date?
    }

    public func perform() throws -> Report {
        let archive = try ArchiveStores.open(
            workspace.configuration.archive,
            password: workspace.configuration.archivePassword
        )
        let redact = Redactor(channels: workspace.configuration.channels)
        var report = Report()
        let schedule = workspace.configuration.engagementSchedule
        var targets: [Target] = []
        var graphTargets: [Target] = []
        var zaloTargets: [Target] = []
        for candidate in try archive.read({ try $0.engagementTargets() }) {
            let delivery = candidate.delivery
            guard let channel = workspace.configuration.channel(delivery.channel),
                channel.statsURL != nil || channel.transport == .facebookPage || channel.transport == .zaloOA,
                let sentAt = delivery.sentAt,
                schedule.isDue(
                    sentAt: sentAt,
                    lastRead: candidate.lastPolledAt,
                    unchangedReads: candidate.unchangedReads,
                    now: now
                )
            else {
                report.skipped += 1
                continue
            }
            let target = Target(
                delivery: delivery,
                channel: channel,
                unchangedReads: candidate.unchangedReads,
                lastPolledAt: candidate.lastPolledAt
            )
            if channel.transport == .facebookPage {
                graphTargets.append(target)
            } else if channel.transport == .zaloOA {
                zaloTargets.append(target)
            } else {
                targets.append(target)
            }
        }
        // Each post's read for this slot is taken before any request, in one short transaction: hosts running
        // `loa engagement` at once read each post once (one host takes it; the others skip it).
        let claimed = try archive.write { archive in
            try archive.claimPolls((graphTargets + targets).map { ($0.delivery.id, $0.lastPolledAt) }, at: now)
        }
        report.skipped += graphTargets.count + targets.count
        graphTargets.removeAll { !claimed.contains($0.delivery.id) }
        targets.removeAll { !claimed.contains($0.delivery.id) }
        report.skipped -= graphTargets.count + targets.count
        try readFromGraph(graphTargets, archive: archive, redact: redact, report: &report)
        try readFromZalo(zaloTargets, archive: archive, redact: redact, report: &report)
        let requests = targets.compactMap { request(for: $0) }
        guard requests.count == targets.count else {
            throw TransportError(.other, Message.statsURLInvalid())
        }
        var finished = 0
        try exchange.exchange(requests, concurrency: workspace.configuration.concurrency) { step in
            guard !step.finished.isEmpty else { return }
            try archive.write { archive in
                for (index, received) in step.finished {
                    let target = targets[index]
                    var response = received
                    response.body = redact(received.body)
                    let label = "\(target.delivery.announcementId) → \(target.delivery.channel)"
                    switch AnswerClass(response, now: now) {
                    case .success:
                        switch Figures.parse(response.body) {
                        case .success(let figures):
                            report.snapshots += try store(figures, for: target, archive)
                            report.read += 1
                        case .failure(let problem):
                            // Masked again as decoded: JSON's escapes could spell a secret the body did not.
                            let problem = redact(problem.description)
                            report.warnings.append("\(label): \(problem)")
                            try archive.recordPoll(
                                delivery: target.delivery.id,
                                at: now,
                                unchangedReads: target.unchangedReads,
                                error: problem
                            )
                        }
                    case .transient(let reason, _):
                        report.retrying += 1
                        try archive.recordPollFailure(delivery: target.delivery.id, error: redact(reason))
                        try archive.releasePoll(
                            delivery: target.delivery.id,
                            takenAt: now,
                            lastPolledAt: target.lastPolledAt
                        )
                    case .permanent(let reason):
                        report.warnings.append("\(label): \(redact(reason))")
                        try archive.recordPoll(
                            delivery: target.delivery.id,
                            at: now,
                            unchangedReads: target.unchangedReads,
                            error: redact(reason)
                        )
                    }
                }
            }
            finished += step.finished.count
            onProgress?(finished, requests.count)
        }
        return report
    }

    private func request(for target: Target) -> HTTPRequest? {
        guard let template = target.channel.statsURL, let remoteID = target.delivery.remoteId else { return nil }
        let encoded =
            remoteID.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? remoteID
        guard let url = URL(string: template.replacingOccurrences(of: "{remote_id}", with: encoded)) else { return nil }
        var headers: [(name: String, value: String)] = [("Accept", "application/json")]
        if let token = target.channel.token { headers.append(("Authorization", "Bearer \(token.reveal())")) }
        return HTTPRequest(
            method: .get,
            url: url,
            headers: headers,
            timeout: target.channel.timeout,
            group: target.channel.id,
            groupLimit: target.channel.concurrency
        )
    }

    /// Reads the figures of posts on Facebook Pages from the Graph API, one post after another (a few a day).
    private func readFromGraph(
        _ targets: [Target],
        archive: any Archive,
        redact: Redactor,
        report: inout Report
    ) throws {
        let client = DirectClient(exchange: exchange)
        for target in targets {
            guard let postID = target.delivery.remoteId else { continue }
            let setting = GraphEngagement.unsupportedSetting(apiVersion: target.channel.apiVersion)
            let unsupported =
                try archive.read { try $0.setting(setting) }.map { Set($0.split(separator: ",").map(String.init)) }
                ?? []
            let reading = GraphEngagement(channel: target.channel, client: client).read(
                postID: postID,
                skipping: unsupported
            )
            let label = "\(target.delivery.announcementId) → \(target.delivery.channel)"
            try archive.write { archive in
                if !reading.unsupported.isEmpty {
                    try archive.setSetting(
                        setting,
                        unsupported.union(reading.unsupported).sorted().joined(separator: ",")
                    )
                }
                if let problem = reading.problem {
                    try record(problem, of: target, label: label, redact: redact, archive, &report)
                    return
                }
                report.snapshots += try store(reading.figures, for: target, archive, source: "graph")
                report.read += 1
            }
            onProgress?(report.read + report.retrying + report.warnings.count, targets.count)
        }
    }

    /// Records a platform's refusal to give a post's figures: one to retry gives the slot's read back, so that the
    /// next run asks again; any other is a warning, and the read counts as made.
    private func record(
        _ problem: (reason: String, retry: Bool),
        of target: Target,
        label: String,
        redact: Redactor,
        _ archive: any ArchiveWriting,
        _ report: inout Report
    ) throws {
        let reason = redact(problem.reason)
        if problem.retry {
            report.retrying += 1
            try archive.recordPollFailure(delivery: target.delivery.id, error: reason)
            try archive.releasePoll(delivery: target.delivery.id, takenAt: now, lastPolledAt: target.lastPolledAt)
        } else {
            report.warnings.append("\(label): \(reason)")
            try archive.recordPoll(
                delivery: target.delivery.id,
                at: now,
                unchangedReads: target.unchangedReads,
                error: reason
            )
        }
    }

    /// Reads the figures of Zalo OA articles: one list of the OA's newest articles per channel.
    private func readFromZalo(
        _ targets: [Target],
        archive: any Archive,
        redact: Redactor,
        report: inout Report
    ) throws {
        let client = DirectClient(exchange: exchange)
        for (channelID, group) in Dictionary(grouping: targets, by: \.channel.id).sorted(by: { $0.key < $1.key }) {
            guard let channel = group.first?.channel else { continue }
            let wanted = Set(group.compactMap(\.delivery.remoteId))
            let reading = ZaloEngagement(channel: channel, client: client).read(articles: wanted)
            try archive.write { archive in
                for target in group {
                    let label = "\(target.delivery.announcementId) → \(channelID)"
                    if let problem = reading.problem {
                        try record(problem, of: target, label: label, redact: redact, archive, &report)
                        continue
                    }
                    guard let figures = target.delivery.remoteId.flatMap({ reading.figures[$0] }), !figures.isEmpty
                    else {
                        let reason = Message.zaloArticleNotListed([
                            "id": target.delivery.remoteId ?? "?",
                            "n": "\(ZaloEngagement.pagesRead * ZaloOATransport.pageSize)",
                        ])
                        report.warnings.append("\(label): \(reason)")
                        try archive.recordPoll(
                            delivery: target.delivery.id,
                            at: now,
                            unchangedReads: target.unchangedReads,
                            error: reason
                        )
                        continue
                    }
                    report.snapshots += try store(figures, for: target, archive, source: "zalo")
                    report.read += 1
                }
            }
            onProgress?(report.read + report.retrying + report.warnings.count, targets.count)
        }
    }

    /// Stores one snapshot per metric; returns how many rows it wrote.
    private func store(
        _ figures: [String: Int],
        for target: Target,
        _ archive: any ArchiveWriting,
        source: String = "bridge"
    ) throws -> Int {
        let previous = try archive.latestFigures(of: target.delivery.id)
        let unchanged = !previous.isEmpty && previous == figures ? target.unchangedReads + 1 : 0
        try archive.recordFigures(figures, delivery: target.delivery.id, at: now, source: source)
        try archive.recordPoll(delivery: target.delivery.id, at: now, unchangedReads: unchanged, error: nil)
        return figures.count
    }
}
