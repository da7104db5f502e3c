import Foundation
import Testing

@testable import Loa

extension ArchiveConformanceTests {
    @Test(
        "notices: recorded with the events they told of; unsent while their delivery is owed",
        arguments: ArchiveStore.allCases
    )
    func notices(_ store: ArchiveStore) throws {
        let (archive, keep) = try store.make()
        defer { withExtendedLifetime(keep) {} }
        let first = Notice(
            id: "loa-notify-1",
            channel: "tg-ban",
            title: "Loa: 2 việc",
            body: "- a\n- b",
            createdAt: Self.t0
        )
        let second = Notice(
            id: "loa-notify-2",
            channel: "tg-ban",
            title: "Loa: 1 việc",
            body: "- c",
            createdAt: Self.at(1)
        )
        #expect(try archive.read { try $0.unsentNotices() }.isEmpty)
        try archive.write { archive in
            try archive.recordNotice(first, events: ["failed|a", "held|b"])
            try archive.insertDeliveries([Self.delivery(first.id, "tg-ban")])
            try archive.recordNotice(second, events: ["held|b", "missed|c"])
            try archive.insertDeliveries([Self.delivery(second.id, "tg-ban", status: .sent)])
        }
        let told = try archive.read { try $0.notifiedEvents(among: ["failed|a", "missed|c", "expired|d"]) }
        #expect(told == ["failed|a", "missed|c"])
        #expect(try archive.read { try $0.notifiedEvents(among: []) }.isEmpty)
        let unsent = try archive.read { try $0.unsentNotices() }
        #expect(unsent == [first], "the sent notice is not owed")
        var retrying = Self.delivery(first.id, "tg-ban", status: .retrying)
        retrying.nextAttemptAt = Self.at(5)
        try archive.write { try $0.updateDelivery(retrying) }
        #expect(try archive.read { try $0.unsentNotices() } == [first])
        retrying.status = .failed
        try archive.write { try $0.updateDelivery(retrying) }
        #expect(try archive.read { try $0.unsentNotices() }.isEmpty)
    }
}
