import Foundation
import Yams

/// The local images of an announcement that are readable images, with what the size and count checks need.
struct ImageChecks {
    struct Image {
        var index: Int
        var written: String
        var line: Int?
        var size: Int
    }

    var images: [Image] = []
    /// How many entries `images:` holds, web addresses included.
    var count = 0
    /// The line of the `images:` key.
    var line: Int?
}

extension AnnouncementParser {
    /// Reads `images:`: each entry is a web address or a file beside the queue file that is really an image (its
    /// first bytes say JPEG, PNG, GIF or WebP, whatever its name says). Each problem names the entry's own line.
    func readImages(_ entry: YAMLReader.Entry, into fields: inout Fields, _ reader: inout YAMLReader, file: URL) {
        guard let images = reader.strings(entry) else { return }
        let itemNodes: [Node?]
        if case .sequence(let sequence) = entry.value {
            itemNodes = sequence.map { $0 }
        } else {
            itemNodes = [entry.value]
        }
        fields.imageChecks = ImageChecks(count: images.count, line: reader.line(of: entry.keyNode))
        for (index, image) in images.enumerated() {
            if AnnouncementImage.isWebAddress(image) { continue }
            let node = index < itemNodes.count ? itemNodes[index] : entry.value
            let field = "images[\(index)]"
            let path = file.deletingLastPathComponent().appendingPathComponent(image).path
            if !image.hasPrefix("/"), !FileManager.default.fileExists(atPath: path) {
                reader.report(
                    at: node,
                    field: field,
                    Message.imageMissing(["image": image])
                )
                continue
            }
            if image.hasPrefix("/") || !Self.isBeside(path, file: file) {
                reader.report(
                    at: node,
                    field: field,
                    Message.imageOutside(["image": image]),
                    hint: Message.imageOutsideHint()
                )
                continue
            }
            switch ImageFile.inspect(path) {
            case .failure(let problem):
                reader.report(at: node, field: field, "'\(image)' " + Message.diagCannotRead(["problem": "\(problem)"]))
            case .success(let found) where found.type == nil:
                reader.report(
                    at: node,
                    field: field,
                    found.size == 0
                        ? Message.imageEmpty(["image": image]) : Message.imageNotImage(["image": image]),
                    hint: Message.imageNotImageHint()
                )
            case .success(let found):
                fields.imageChecks.images.append(
                    ImageChecks.Image(index: index, written: image, line: reader.line(of: node), size: found.size)
                )
            }
        }
        fields.images = images
    }

    /// Holds the images to the limits of every channel the announcement goes to: how many a post may carry, and
    /// how large each may be. Channels with the same limit share one message.
    func checkImageLimits(
        _ checks: ImageChecks,
        channelPatterns: [String]?,
        _ reader: inout YAMLReader,
        frontMatterLine: Int? = nil
    ) {
        let targets = zip(channelIDs, imageLimits).filter { id, _ in
            channelPatterns.map { patterns in patterns.contains { Glob.matches($0, id) } } ?? true
        }
        guard !targets.isEmpty else { return }
        func named(_ ids: [String]) -> String {
            let shown = ids.prefix(3).joined(separator: ", ")
            let channels = (ids.count == 1 ? Message.imageChannel : .imageChannels)(["names": shown])
            return ids.count > 3
                ? Message.imageChannelsMore(["channels": channels, "n": "\(ids.count - 3)"]) : channels
        }
        let needing = targets.filter { $0.1.requiresImage }.map(\.0)
        if checks.count == 0, !needing.isEmpty {
            reader.report(
                line: checks.line ?? frontMatterLine,
                field: "images",
                Message.imageRequired(["channels": named(needing)]),
                hint: Message.imageRequiredHint()
            )
        }
        guard checks.count > 0 else { return }
        for (maxCount, ids) in grouped(targets, by: \.maxCount) where checks.count > maxCount {
            reader.report(
                line: checks.line,
                field: "images",
                Message.imageTooMany(["n": "\(checks.count)", "channels": named(ids), "max": "\(maxCount)"]),
                hint: Message.imageTooManyHint(["max": "\(maxCount)"])
            )
        }
        let byAddress = targets.filter { $0.1.webAddressOnly }.map(\.0)
        for image in checks.images {
            let field = "images[\(image.index)]"
            if !byAddress.isEmpty {
                reader.report(
                    line: image.line,
                    field: field,
                    Message.imageByAddress(["image": image.written, "channels": named(byAddress)]),
                    hint: Message.imageByAddressHint()
                )
            }
            let size = ImageLimits.exact(image.size)
            let refusing = grouped(targets.filter { image.size > $0.1.maxBytes }, by: \.maxBytes)
            for (maxBytes, ids) in refusing {
                reader.report(
                    line: image.line,
                    field: field,
                    Message.imageTooLarge([
                        "image": image.written, "size": size, "channels": named(ids),
                        "max": ImageLimits.describe(maxBytes),
                    ]),
                    hint: Message.imageTooLargeHint()
                )
            }
            let advised = targets.filter { _, limits in
                image.size <= limits.maxBytes && limits.recommendedBytes.map { image.size > $0 } == true
            }
            for (recommended, ids) in grouped(advised, by: { $0.recommendedBytes ?? 0 }) {
                reader.report(
                    .warning,
                    line: image.line,
                    field: field,
                    Message.imageRecommended([
                        "image": image.written, "size": size, "channels": named(ids),
                        "max": ImageLimits.describe(recommended),
                    ]),
                    hint: Message.imageRecommendedHint()
                )
            }
        }
    }

    /// The channel ids of `targets` grouped by one of their limits, in order of the limit.
    private func grouped(
        _ targets: [(String, ImageLimits)],
        by key: (ImageLimits) -> Int
    ) -> [(Int, [String])] {
        Dictionary(grouping: targets) { key($0.1) }
            .map { ($0.key, $0.value.map(\.0)) }
            .sorted { $0.0 < $1.0 }
    }
}
