import Foundation

/// What `loa check` found in a whole workspace.
public struct WorkspaceCheck: Sendable {
    /// Every problem, configuration and queue alike.
    public var diagnostics: [Diagnostic]
    /// How many queue files were read.
    public var fileCount: Int
    /// How many announcements are ready to post and have no errors.
    public var readyCount: Int
    /// How many are drafts without errors.
    public var draftCount: Int

    /// The exit code the README gives: 2 for a configuration error, 1 for a queue error, else 0.
    public var exitCode: Int32 {
        if diagnostics.contains(where: { $0.severity == .error && $0.area == .configuration }) { return 2 }
        if diagnostics.hasErrors { return 1 }
        return 0
    }

    /// Checks loa.yml, the credentials, the templates, and every queue file rendered for each of its channels.
    public static func run(
        configFile: URL,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        now: Date = Date()
    ) -> WorkspaceCheck {
        let (opened, openDiagnostics) = Workspace.open(configFile: configFile, environment: environment)
        guard let workspace = opened else {
            return WorkspaceCheck(diagnostics: openDiagnostics, fileCount: 0, readyCount: 0, draftCount: 0)
        }
        let queue = workspace.loadQueue()
        var diagnostics = openDiagnostics + queue.diagnostics
        for channel in workspace.configuration.channels where channel.transport == .zaloOA {
            diagnostics += ZaloTokenStore.diagnostics(
                for: channel,
                configFile: DisplayPath.of(configFile),
                now: Date(),
                timeZone: workspace.configuration.timeZone
            )
        }
        let renderer = workspace.renderer(now: now)
        let configuration = workspace.configuration
        var ready = 0
        var drafts = 0
        let archive = try? ArchiveStores.openForReading(
            configuration.archive,
            password: configuration.archivePassword
        )
        for announcement in queue.announcements {
            let file = DisplayPath.of(announcement.file)
            var failed = false
            // Channels that share a text are rendered once (a city's 100 channels made `loa check` take seconds);
            // a text that fails is rendered again for each channel, so every one gets its own message.
            var fits: Set<String> = []
            for channel in configuration.channels(matching: announcement.channelPatterns) {
                let key = renderer.sharingKey(for: announcement, channel: channel)
                guard !fits.contains(key) else { continue }
                switch renderer.render(announcement, for: channel) {
                case .success:
                    fits.insert(key)
                case .failure(let failure):
                    failed = true
                    diagnostics.append(
                        Diagnostic(
                            area: .queue,
                            file: file,
                            line: announcement.bodyLine,
                            field: "body",
                            message: failure.description,
                            hint: failure.hint
                        )
                    )
                }
            }
            diagnostics += editedAfterDelivery(announcement, archive: archive, timeZone: configuration.timeZone)
            guard !failed else { continue }
            if announcement.status == .draft { drafts += 1 } else { ready += 1 }
        }
        return WorkspaceCheck(
            diagnostics: diagnostics.sortedForReport(),
            fileCount: queue.fileCount,
            readyCount: ready,
            draftCount: drafts
        )
    }

    /// Warnings for an announcement changed since it was sent: Loa will not post the change by itself.
    private static func editedAfterDelivery(
        _ announcement: Announcement,
        archive: (any Archive)?,
        timeZone: TimeZone
    ) -> [Diagnostic] {
        guard let archive,
            let edited = try? archive.deliveriesEdited(
                announcement: announcement.id,
                revision: announcement.revision,
                contentHash: ContentHash.of(announcement)
            ), !edited.isEmpty
        else { return [] }
        let dates = LocalDateFormat(timeZone: timeZone)
        let channels = edited.map { delivery in
            delivery.channel + (delivery.sentAt.map { Message.checkSentOn(["time": dates.dayAndTime($0)]) } ?? "")
        }
        return [
            Diagnostic(
                .warning,
                area: .queue,
                file: DisplayPath.of(announcement.file),
                field: "body",
                message: Message.checkEditedAfterSent(["channels": channels.joined(separator: ", ")]),
                hint: Message.checkEditedAfterSentHint(["revision": "\(announcement.revision + 1)"])
            )
        ]
    }
}
