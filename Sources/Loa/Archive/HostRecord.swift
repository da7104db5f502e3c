import Foundation

/// A channel leased to one host for a while: only its holder sends on it, and only its holder's failures are
/// written (``ArchiveWriting/recordOutcomes(_:fencedBy:)``).
public struct ChannelLease: Sendable, Hashable {
    public var channel: String
    /// ``HostName/current`` of the host holding it.
    public var holder: String
    /// Given anew at every lease, higher than any before: the fence.
    public var token: Int64
    /// When it ends (the run's clock).
    public var until: Date

    public init(channel: String, holder: String, token: Int64, until: Date) {
        self.channel = channel
        self.holder = holder
        self.token = token
        self.until = until
    }
}

/// One host that runs Loa on the archive: several may share a PostgreSQL archive, each registering when it runs.
public struct HostRecord: Sendable, Hashable {
    /// ``HostName/current`` of that host.
    public var name: String
    public var loaVersion: String
    /// A hash of its loa.yml, templates and queue (``WorkspaceHash``): hosts meant to run the same workspace
    /// have the same one.
    public var configHash: String
    public var firstSeenAt: Date
    public var lastSeenAt: Date

    public init(name: String, loaVersion: String, configHash: String, firstSeenAt: Date, lastSeenAt: Date) {
        self.name = name
        self.loaVersion = loaVersion
        self.configHash = configHash
        self.firstSeenAt = firstSeenAt
        self.lastSeenAt = lastSeenAt
    }
}

/// A delivery whose attempt a run recorded as starting (the start journal) and whose outcome is not recorded yet:
/// its request is in flight, or the host sending it died.
public struct StartedDelivery: Sendable, Hashable {
    public var delivery: String
    public var startedAt: Date

    public init(delivery: String, startedAt: Date) {
        self.delivery = delivery
        self.startedAt = startedAt
    }
}
