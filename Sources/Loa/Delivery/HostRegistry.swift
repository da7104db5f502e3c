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
