import Foundation

/// Delivers to channels posted by hand: writes each post as a folder `outbox/<channel>/<yyyy-MM-dd>-<id>/` holding
/// `text.txt` (exactly the text to paste) and the photos in order (`1-tu-sach.jpg`, `2-…`).
///
/// The delivery then waits in `awaiting confirmation` until an officer records the post with
/// `loa confirm ID --channel C --url URL`. The folder is assembled under a hidden name and renamed into place, so
/// an officer never finds half a post, and a run that dies before recording it simply writes the same folder again.
struct OutboxWriter {
    let directory: URL
    let archive: any Archive
    let now: Date
    let timeZone: TimeZone

    /// The folder of a post: `<yyyy-MM-dd>-<id>`, or the id alone when it already starts with that day.
    static func folderName(day: String, id: String) -> String {
        if id.hasPrefix(day), id.utf8.count == day.utf8.count || id.dropFirst(day.count).first == "-" { return id }
        return "\(day)-\(id)"
    }

    /// The name a photo gets in the post's folder: its place in `images:` and its own name (`1-tu-sach.jpg`).
    static func imageName(position: Int, name: String) -> String {
        "\(position)-\(name)"
    }

    func deliver(_ planned: PlannedDelivery) throws -> RunEvent {
        var delivery = planned.delivery
        let day = LocalDateFormat(timeZone: timeZone).sortableDay(planned.announcement.publishAt ?? delivery.dueAt)
        let folder = directory.appendingPathComponent(planned.channel.id)
            .appendingPathComponent(Self.folderName(day: day, id: planned.announcement.id))
        let shown = DisplayPath.of(folder) + "/"
        // On the run's clock (`--now`), like the delivery: when it was written is when its reminders count from.
        let started = DispatchTime.now().uptimeNanoseconds
        var attempt = AttemptRecord(
            deliveryId: delivery.id,
            number: delivery.attemptCount + 1,
            channel: delivery.channel,
            url: shown,
            startedAt: now,
            outcome: .written
        )
        var photos = 0
        do {
            photos = try write(planned, to: folder)
        } catch {
            attempt.outcome = .retry
            attempt.errorClass = "io"
            attempt.errorMessage = "\(error)"
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        attempt.finishedAt = now.addingTimeInterval(elapsed)
        attempt.durationMs = elapsed * 1000
        delivery.attemptCount += 1
        delivery.updatedAt = now
        let event: RunEvent
        if attempt.outcome == .written {
            let contents = photos == 0 ? Message.outboxText() : Message.outboxPhotos.count(photos)
            delivery.status = .awaitingConfirmation
            delivery.variantId = planned.variantID
            delivery.contentHash = planned.contentHash
            delivery.note = Message.outboxPostIt([
                "folder": shown, "contents": contents, "id": delivery.announcementId, "channel": delivery.channel,
            ])
            // Printed even from cron: a person must post it and confirm it.
            event = RunEvent(
                .written,
                announcement: delivery.announcementId,
                channel: delivery.channel,
                detail: delivery.note ?? "\(shown) (\(contents))"
            )
        } else {
            // A disk problem is worth another try next minute, within the usual windows.
            delivery.status = .retrying
            delivery.nextAttemptAt = now.addingTimeInterval(60)
            delivery.note = attempt.errorMessage
            event = RunEvent(
                .retrying,
                announcement: delivery.announcementId,
                channel: delivery.channel,
                detail: attempt.errorMessage ?? ""
            )
        }
        try archive.write { try $0.recordOutcomes([(attempt, delivery)]) }
        return event
    }

    /// Writes the post's folder: assembled beside it under a hidden name, then put in the place of any earlier
    /// one (an earlier revision's photos must not linger). Returns how many photos it holds.
    private func write(_ planned: PlannedDelivery, to folder: URL) throws -> Int {
        let fileManager = FileManager.default
        let parent = folder.deletingLastPathComponent()
        let shown = DisplayPath.of(folder) + "/"
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw FileProblem(
                Message.outboxCannotWrite(["folder": shown, "problem": ErrorWords.describe(error, path: parent.path)])
            )
        }
        let staging = parent.appendingPathComponent(".\(folder.lastPathComponent).\(UUID().uuidString.prefix(8)).part")
        defer { try? fileManager.removeItem(at: staging) }
        var photos = 0
        var addresses: [String] = []
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
            try Data((planned.variant.text + "\n").utf8).write(to: staging.appendingPathComponent("text.txt"))
            for (index, entry) in planned.announcement.imageEntries.enumerated() {
                switch entry {
                case .web(let address):
                    addresses.append("\(index + 1): \(address)")
                case .file(let path, let file):
                    let image: ImageFile
                    do {
                        image = try ImageFile.read(path: path, file: file)
                    } catch {
                        throw FileProblem(
                            Message.outboxCannotReadImage(["image": path, "problem": ErrorWords.describe(error)])
                        )
                    }
                    let name = Self.imageName(position: index + 1, name: image.name)
                    try image.data.write(to: staging.appendingPathComponent(name))
                    photos += 1
                }
            }
            if !addresses.isEmpty {
                // Photos at web addresses cannot be copied here; the officer finds them listed in order.
                let list = addresses.joined(separator: "\n") + "\n"
                try Data(list.utf8).write(to: staging.appendingPathComponent("images.txt"))
            }
            if fileManager.fileExists(atPath: folder.path) { try fileManager.removeItem(at: folder) }
            try fileManager.moveItem(at: staging, to: folder)
        } catch let problem as FileProblem {
            throw problem
        } catch {
            throw FileProblem(
                Message.outboxCannotWrite(["folder": shown, "problem": ErrorWords.describe(error, path: folder.path)])
            )
        }
        return photos
    }
}
