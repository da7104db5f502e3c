import Foundation
import Testing

@testable import Loa

extension ArchiveConformanceTests {
    @Test(
        "uploaded photos: kept per delivery in order, replaced, forgotten, gone with their delivery",
        arguments: ArchiveStore.allCases
    )
    func uploadedMedia(_ store: ArchiveStore) throws {
        let (archive, keep) = try store.make()
        defer { withExtendedLifetime(keep) {} }
        let photos = Self.delivery("anh", "fb-page", transport: .facebookPage)
        let other = Self.delivery("khac", "fb-page", transport: .facebookPage)
        try Self.seed(archive, [photos, other])
        #expect(try archive.read { try $0.uploadedMedia(of: photos.id) }.isEmpty)
        let three = [
            UploadedMedia(image: "images/a.jpg 1f2e", id: "900001"),
            UploadedMedia(image: "images/b.jpg 3c4d", id: "900002"),
            UploadedMedia(image: "https://anh.example/c.png", id: "900003"),
        ]
        try archive.write { try $0.keepUploadedMedia(three, of: photos.id, at: Self.at(1)) }
        try archive.write { try $0.keepUploadedMedia([three[0]], of: other.id, at: Self.at(1)) }
        #expect(try archive.read { try $0.uploadedMedia(of: photos.id) } == three)
        let replaced = [three[0], UploadedMedia(image: "images/b.jpg 9999", id: "900009")]
        try archive.write { try $0.keepUploadedMedia(replaced, of: photos.id, at: Self.at(2)) }
        #expect(try archive.read { try $0.uploadedMedia(of: photos.id) } == replaced, "replaced, not added to")
        try archive.write { try $0.keepUploadedMedia([], of: photos.id, at: Self.at(3)) }
        #expect(try archive.read { try $0.uploadedMedia(of: photos.id) }.isEmpty)
        #expect(try archive.read { try $0.uploadedMedia(of: other.id) } == [three[0]], "another delivery's stay")
        try archive.write { try $0.removeDelivery(other.id) }
        #expect(try archive.read { try $0.uploadedMedia(of: other.id) }.isEmpty)
    }

    @Test(
        "stopped channels: recorded, replaced by a later stop, listed by id, resumed once",
        arguments: ArchiveStore.allCases
    )
    func stoppedChannels(_ store: ArchiveStore) throws {
        let (archive, keep) = try store.make()
        defer { withExtendedLifetime(keep) {} }
        #expect(try archive.read { try $0.stoppedChannels() }.isEmpty)
        let page = StoppedChannel(
            channel: "fb-page",
            announcement: "2026-12-01-tin",
            reason: "Facebook answered 400 (code 190, subcode 463): Phiên đã hết hạn",
            credentials: "a1b2c3",
            stoppedAt: Self.at(1)
        )
        var other = page
        other.channel = "fb-doan"
        try archive.write { archive in
            try archive.stopChannel(page)
            try archive.stopChannel(other)
        }
        #expect(try archive.read { try $0.stoppedChannels() } == [other, page], "by channel id")
        var again = page
        again.reason = "Facebook answered 400 (code 200): Permissions error"
        again.stoppedAt = Self.at(5)
        try archive.write { try $0.stopChannel(again) }
        #expect(try archive.read { try $0.stoppedChannels() } == [other, again])
        #expect(try archive.write { try $0.resumeChannel("fb-page") })
        #expect(try !archive.write { try $0.resumeChannel("fb-page") }, "already resumed")
        #expect(try archive.read { try $0.stoppedChannels() } == [other])
    }
}
