import Foundation

/// Hosts sharing an archive: each registers as it runs, and `loa status` warns when they disagree.
public enum HostRegistry {
    /// Registers this host (``HostName/current``) on the archive, with its Loa version and workspace hash.
    public static func register(_ archive: any Archive, configuration: Configuration, now: Date) throws {
        let host = HostRecord(
            name: HostName.current,
            loaVersion: LoaVersion.current,
            configHash: WorkspaceHash.of(configuration),
            firstSeenAt: now,
            lastSeenAt: now
        )
        try archive.write { try $0.recordHost(host) }
    }

    /// How long a host counts as one of those sharing the archive after it last ran.
    public static let recent: TimeInterval = 7 * 24 * 3600

    /// What `loa status` says when the hosts seen in the last week (before the newest one's run) do not all run
    /// the same Loa version and workspace: one line naming each group of hosts that agree, most hosts first.
    /// Nothing when they agree, or when there is only one.
    public static func disagreements(_ hosts: [HostRecord]) -> [String] {
        guard let newest = hosts.map(\.lastSeenAt).max() else { return [] }
        let current = hosts.filter { newest.timeIntervalSince($0.lastSeenAt) <= recent }
        var groups: [String: [HostRecord]] = [:]
        for host in current { groups[host.loaVersion + "\u{0}" + host.configHash, default: []].append(host) }
        guard groups.count > 1 else { return [] }
        let ordered = groups.values.sorted {
            ($0.count, $1.first?.name ?? "") > ($1.count, $0.first?.name ?? "")
        }
        var lines = [
            "warning: " + Message.hostsDiffer(["n": "\(current.count)"])
        ]
        for group in ordered {
            let names = group.map(\.name).sorted().joined(separator: ", ")
            let first = group[0]
            lines.append(
                "  "
                    + Message.hostsLine([
                        "names": names, "version": first.loaVersion, "hash": String(first.configHash.prefix(12)),
                    ])
            )
        }
        return lines
    }
}

/// What `loa status` adds on an archive shared by several hosts: the channel leases running, and the orphaned
/// sends (deliveries a host started and never recorded an outcome for, on a channel whose lease has ended: that
/// host died or was cut off, and the next run to lease the channel sends them again).
public enum SharedArchiveStatus {
    /// The lines, or none when no lease runs and nothing is orphaned. `deliveries` holds at least the records of
    /// `started` and every `sending` delivery.
    public static func lines(
        leases: [ChannelLease],
        started: [StartedDelivery],
        deliveries: [DeliveryRecord],
        now: Date,
        dates: LocalDateFormat
    ) -> [String] {
        let running = leases.filter { $0.until > now }
        let runningChannels = Set(running.map(\.channel))
        let byID = Dictionary(deliveries.map { ($0.id, $0) }) { first, _ in first }
        let holders = Dictionary(leases.map { ($0.channel, $0.holder) }) { first, _ in first }
        let unsettled: Set<DeliveryStatus> = [.pending, .retrying, .sending]
        var orphans: [(delivery: DeliveryRecord, started: Date)] = []
        var seen: Set<String> = []
        let sending = deliveries.filter { $0.status == .sending }.map { ($0.id, $0.updatedAt) }
        for (id, time) in started.map({ ($0.delivery, $0.startedAt) }) + sending where !seen.contains(id) {
            guard let delivery = byID[id], unsettled.contains(delivery.status),
                !runningChannels.contains(delivery.channel)
            else { continue }
            seen.insert(id)
            orphans.append((delivery, time))
        }
        var lines: [String] = []
        if !running.isEmpty {
            lines.append(Message.statusLeases(["n": "\(running.count)"]))
            for lease in running {
                lines.append(
                    "  "
                        + Message.statusLeaseLine([
                            "channel": lease.channel, "host": lease.holder, "until": dates.dayAndTime(lease.until),
                        ])
                )
            }
        }
        if !orphans.isEmpty {
            lines.append(Message.statusOrphans(["n": "\(orphans.count)"]))
            for (delivery, time) in orphans {
                lines.append(
                    "  "
                        + Message.statusOrphanLine([
                            "announcement": delivery.announcementId, "channel": delivery.channel,
                            "started": dates.dayAndTime(time), "host": holders[delivery.channel] ?? "-",
                        ])
                )
            }
        }
        return lines
    }
}
